import Foundation
import AudiobookCore

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

  /// WebVTT; with `words`, each word after the first carries a `<HH:MM:SS.mmm>` tag.
  public static func webVTT(_ chapter: Manifest.Chapter, sampleRate: Int, words: Bool) -> String {
    var text = "WEBVTT\n"
    for span in spans(of: chapter) {
      let start = milliseconds(span.startFrame, sampleRate)
      let end = milliseconds(span.startFrame + span.frames, sampleRate)
      text += "\n\(timestamp(start, separator: ".")) --> \(timestamp(end, separator: "."))\n"
      if words, let timed = span.words, !timed.isEmpty {
        text +=
          timed.enumerated().map { index, word in
            let tag = index == 0 ? "" : "<\(timestamp(milliseconds(word.startFrame, sampleRate), separator: "."))>"
            return tag + escaped(word.text)
          }.joined(separator: " ") + "\n"
      } else {
        text += escaped(oneLine(span.text)) + "\n"
      }
    }
    return text
  }

  /// SubRip: numbered cues, comma before the milliseconds.
  public static func srt(_ chapter: Manifest.Chapter, sampleRate: Int) -> String {
    spans(of: chapter).enumerated().map { index, span in
      let start = milliseconds(span.startFrame, sampleRate)
      let end = milliseconds(span.startFrame + span.frames, sampleRate)
      return
        "\(index + 1)\n\(timestamp(start, separator: ",")) --> \(timestamp(end, separator: ","))\n\(oneLine(span.text))\n"
    }.joined(separator: "\n")
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
