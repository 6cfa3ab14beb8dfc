import Foundation
import AudiobookCore
import AudiobookBook

/// Subtitle files for a chapter, one cue per sentence (and one for the spoken title), timed
/// from espeak-ng's own events: exact to the millisecond against the chapter file.
public enum Subtitles {
  /// The formats `render --subtitles` writes; `words` adds word timings (WebVTT timestamp
  /// tags, and `words[]` in the manifest).
  public enum Format: String, CaseIterable, Codable, Sendable {
    case vtt, srt, words
  }

  /// The subtitle file beside `chapterFile`: same name, extension `vtt` or `srt`.
  public static func fileName(for chapterFile: String, format: Format) -> String {
    let base = chapterFile.hasSuffix(".wav") ? String(chapterFile.dropLast(4)) : chapterFile
    return "\(base).\(format.rawValue)"
  }

  /// WebVTT, in cues people can read (`SubtitleCue`); with `words`, each word after a cue's
  /// first carries a `<HH:MM:SS.mmm>` tag.
  public static func webVTT(_ chapter: Manifest.Chapter, sampleRate: Int, words: Bool) -> String {
    var text = "WEBVTT\n"
    for (span, cue) in cues(of: chapter, sampleRate: sampleRate) {
      let start = milliseconds(cue.startFrame, sampleRate)
      let end = milliseconds(cue.endFrame, sampleRate)
      text += "\n\(timestamp(start, separator: ".")) --> \(timestamp(end, separator: "."))\n"
      if !cue.voices.isEmpty {
        text += voiced(cue, sampleRate: sampleRate, words: words) + "\n"
      } else if words, !cue.words.isEmpty {
        var first = 0
        let lines = cue.wordsPerLine.map { count in
          defer { first += count }
          return (first..<min(first + count, cue.words.count)).map { index in
            let word = cue.words[index]
            let tag = index == 0 ? "" : "<\(timestamp(milliseconds(word.startFrame, sampleRate), separator: "."))>"
            return tag + escaped(word.text)
          }.joined(separator: " ")
        }
        text += lines.joined(separator: "\n") + "\n"
      } else {
        text += (cue.lines.isEmpty ? [oneLine(span.text)] : cue.lines).map(escaped).joined(separator: "\n") + "\n"
      }
    }
    return text
  }

  /// A cue's text with who speaks it (`<v Elizabeth>“Yes,”</v> <v narrator>said she.</v>`),
  /// a voice span wherever the voice changes, across its lines; with `words`, each word after
  /// the cue's first keeps its timestamp tag.
  private static func voiced(_ cue: SubtitleCue, sampleRate: Int, words: Bool) -> String {
    let texts = cue.lines.flatMap { $0.split(separator: " ").map(String.init) }
    let timed = words && cue.words.count == texts.count
    var lineStarts: Set<Int> = []
    var first = 0
    for count in cue.wordsPerLine {
      lineStarts.insert(first)
      first += count
    }
    var text = ""
    var open: String?
    for (index, word) in texts.enumerated() {
      let voice = index < cue.voices.count ? cue.voices[index] : (open ?? "")
      if index > 0 {
        if voice != open { text += closing(open) }
        text += lineStarts.contains(index) ? "\n" : " "
      }
      if voice != open {
        let (speaker, language) = ForeignPhrase.speakerAndLanguage(of: voice)
        text += "<v \(voiceName(speaker))>" + (language.map { "<lang \($0)>" } ?? "")
        open = voice
      }
      if timed && index > 0 {
        text += "<\(timestamp(milliseconds(cue.words[index].startFrame, sampleRate), separator: "."))>"
      }
      text += escaped(word)
    }
    return text + closing(open)
  }

  /// What closes the spans opened for `voice`: the voice span, and the language span inside it
  /// for words of another language (`narrator (fr)`); nothing for none.
  private static func closing(_ voice: String?) -> String {
    guard let voice else { return "" }
    return ForeignPhrase.speakerAndLanguage(of: voice).language == nil ? "</v>" : "</lang></v>"
  }

  /// A voice's name as a WebVTT voice span's annotation holds it: one line, no `>`.
  private static func voiceName(_ voice: String) -> String {
    escaped(oneLine(voice)).replacingOccurrences(of: "&gt;", with: "")
  }

  /// SubRip: numbered cues, comma before the milliseconds.
  public static func srt(_ chapter: Manifest.Chapter, sampleRate: Int) -> String {
    cues(of: chapter, sampleRate: sampleRate).enumerated().map { index, pair in
      let (span, cue) = pair
      let start = milliseconds(cue.startFrame, sampleRate)
      let end = milliseconds(cue.endFrame, sampleRate)
      // A line reading `-->` would be taken for the next cue's times.
      let lines = (cue.lines.isEmpty ? [oneLine(span.text)] : cue.lines).map {
        $0.replacingOccurrences(of: "-->", with: "->")
      }
      return
        "\(index + 1)\n\(timestamp(start, separator: ",")) --> \(timestamp(end, separator: ","))\n\(lines.joined(separator: "\n"))\n"
    }.joined(separator: "\n")
  }

  /// Every cue of the chapter, with the span (title or sentence) it comes from.
  package static func cues(of chapter: Manifest.Chapter, sampleRate: Int) -> [(Manifest.Span, SubtitleCue)] {
    // A span nothing was said for (a heading of a dash alone) gets no cue: it would last no time.
    spans(of: chapter).filter { $0.frames > 0 }.flatMap { span in
      SubtitleCue.cues(of: span, sampleRate: sampleRate).map { (span, $0) }
    }
  }

  /// The title and every sentence, in order.
  package static func spans(of chapter: Manifest.Chapter) -> [Manifest.Span] {
    [chapter.heading] + chapter.paragraphs.flatMap(\.sentences)
  }

  /// Frames to whole milliseconds, rounded to the nearest.
  static func milliseconds(_ frames: Int, _ sampleRate: Int) -> Int {
    (frames * 1000 + sampleRate / 2) / sampleRate
  }

  /// `HH:MM:SS.mmm` (or `,mmm` for SubRip).
  static func timestamp(_ milliseconds: Int, separator: Character) -> String {
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    let seconds = milliseconds / 1000
    return
      "\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))\(separator)\(pad(milliseconds % 1000, 3))"
  }

  private static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }

  /// A cue's text may not contain a blank line (it would end the cue); keep it on one line.
  private static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}
