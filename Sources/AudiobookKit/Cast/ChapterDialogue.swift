import AudiobookBook
import AudiobookCore
import AudiobookText

/// One chapter's quotations and who speaks each (`SpeakerAttribution`), as the voices of the
/// cast: the spans each paragraph's script speaks in another voice, and what `plan
/// --cast-report` lists.
struct ChapterDialogue: Sendable {
  /// One quotation, for the report.
  struct Line: Sendable, Equatable {
    /// 0-based, among the chapter's paragraphs.
    var paragraph: Int
    var sourceLine: Int
    /// The quotation's first words, as written.
    var opening: String
    /// The voice it is read in (a cast name).
    var voice: String
    var reason: Attribution.Reason
    /// The name a speech tag gave that is nobody in the cast.
    var taggedName: String?
  }

  /// Per paragraph, the stretches in a voice other than the narrator's.
  var spans: [[SpeechScript.VoiceSpan]]
  var lines: [Line]

  init(_ chapter: Chapter, cast: CastVoices) {
    let texts = chapter.paragraphs.map(\.text)
    var corrections: [Int: String] = [:]
    for member in cast.cast.members {
      for line in member.lines {
        if let index = chapter.paragraphs.firstIndex(where: { $0.sourceLine <= line && line <= $0.lastLine }) {
          corrections[index] = member.name
        }
      }
    }
    let names = cast.cast.characters.map { member in
      CastName(member.name, gender: Self.gender(of: cast.settings(member.name).variant))
    }
    var spans = [[SpeechScript.VoiceSpan]](repeating: [], count: texts.count)
    var lines: [Line] = []
    for spoken in SpeakerAttribution.attribute(paragraphs: texts, cast: names, corrections: corrections) {
      let voice = spoken.attribution.speaker.flatMap { cast.settings[$0] != nil ? $0 : nil } ?? cast.dialogueVoice
      if voice != Cast.narrator {
        spans[spoken.paragraph].append(SpeechScript.VoiceSpan(range: spoken.quotation.range, voice: voice))
      }
      let paragraph = chapter.paragraphs[spoken.paragraph]
      lines.append(
        Line(
          paragraph: spoken.paragraph, sourceLine: paragraph.sourceLine,
          opening: Self.opening(of: paragraph.text, range: spoken.quotation.range), voice: voice,
          reason: spoken.attribution.reason, taggedName: spoken.attribution.taggedName))
    }
    if !cast.foreignPhrases.isEmpty {
      let phrases = ForeignPhrase.Index(cast.foreignPhrases)
      for (index, text) in texts.enumerated() {
        let foreign = phrases.ranges(in: text)
        if !foreign.isEmpty { spans[index] = Self.overlay(foreign, on: spans[index]) }
      }
    }
    self.spans = spans
    self.lines = lines
  }

  /// `spans` with the stretches of `foreign` in their language: each in the voice that would
  /// say it (the quotation's speaker, else the narrator) speaking that language. Both lists are
  /// in order and without overlaps; one pass over their edges.
  static func overlay(_ foreign: [(range: Range<Int>, language: String)], on spans: [SpeechScript.VoiceSpan])
    -> [SpeechScript.VoiceSpan]
  {
    let edges = Array(
      Set(
        spans.flatMap { [$0.range.lowerBound, $0.range.upperBound] }
          + foreign.flatMap {
            [$0.range.lowerBound, $0.range.upperBound]
          })
    ).sorted()
    var result: [SpeechScript.VoiceSpan] = []
    var (span, phrase) = (0, 0)
    for (lower, upper) in zip(edges, edges.dropFirst()) {
      while span < spans.count, spans[span].range.upperBound <= lower { span += 1 }
      while phrase < foreign.count, foreign[phrase].range.upperBound <= lower { phrase += 1 }
      let speaker = span < spans.count && spans[span].range.contains(lower) ? spans[span].voice : Cast.narrator
      let language = phrase < foreign.count && foreign[phrase].range.contains(lower) ? foreign[phrase].language : nil
      let voice = language.map { ForeignPhrase.voice(speaker, speaking: $0) } ?? speaker
      guard voice != Cast.narrator else { continue }
      if let last = result.last, last.voice == voice, last.range.upperBound == lower {
        result[result.count - 1].range = last.range.lowerBound..<upper
      } else {
        result.append(SpeechScript.VoiceSpan(range: lower..<upper, voice: voice))
      }
    }
    return result
  }

  /// espeak-ng's variants `m1`…`m7` are male voices, `f1`…`f5` female: a hint for `he said`.
  static func gender(of variant: String) -> CastName.Gender? {
    guard variant.count >= 2, variant.dropFirst().allSatisfy(\.isNumber) else { return nil }
    switch variant.first {
    case "m": return .male
    case "f": return .female
    default: return nil
    }
  }

  /// Up to six words of the quotation, as written.
  static func opening(of text: String, range: Range<Int>) -> String {
    let characters = Array(text)
    let quoted = characters[max(0, range.lowerBound)..<min(characters.count, range.upperBound)]
    let words = Array(quoted.split(whereSeparator: \.isWhitespace).prefix(7))
    let shown = words[..<min(6, words.count)].map { String($0) }.joined(separator: " ")
    return words.count > 6 ? shown + " …" : shown
  }
}
