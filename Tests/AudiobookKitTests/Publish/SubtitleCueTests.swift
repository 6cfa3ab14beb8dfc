import Foundation
import Testing

@testable import AudiobookAudio
@testable import AudiobookBook
@testable import AudiobookPublish

/// Cues people can read: 2 lines of 42 characters, 7 seconds, split between clauses.
@Suite struct SubtitleCueTests {
  /// At 1,000 Hz a frame is a millisecond. The sentence's words, each `milliseconds` long
  /// per character and a space, from frame 10,000.
  func span(_ text: String, millisecondsPerCharacter: Int = 60) -> TimedSpan {
    var frame = 10_000
    let words = WrittenWords.tokens(of: text).map { word in
      defer { frame += (word.count + 1) * millisecondsPerCharacter }
      return TimedWord(text: word, startFrame: frame, frames: (word.count + 1) * millisecondsPerCharacter)
    }
    return TimedSpan(text: text, startFrame: 9_800, frames: frame - 9_800 + 50, words: words)
  }

  func check(_ cues: [SubtitleCue], of span: TimedSpan) {
    #expect(cues.first?.startFrame == span.startFrame)
    #expect(cues.last?.endFrame == span.startFrame + span.frames)
    for (earlier, later) in zip(cues, cues.dropFirst()) { #expect(earlier.endFrame == later.startFrame) }
    for cue in cues where cue.words.count > 1 {
      #expect(cue.lines.count <= 2 && cue.lines.allSatisfy { $0.count <= 42 }, "\(cue.lines)")
      #expect(cue.endFrame - cue.startFrame <= 7_000, "\(cue.lines)")
    }
    let said = span.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(cues.flatMap(\.lines).joined(separator: " ") == said)
  }

  @Test func aShortSentenceIsOneCueOnOneLine() {
    let span = span("The fog came in.")
    let cues = SubtitleCue.cues(of: span, sampleRate: 1_000)
    #expect(cues.map(\.lines) == [["The fog came in."]])
    check(cues, of: span)
  }

  /// Too long for one cue: split after the comma, not at the first place it would fit.
  @Test func aLongSentenceSplitsBetweenClauses() {
    let span = span(
      "The letter reached Dr. Vale at a quarter to eight on a wet Tuesday in March, "
        + "folded twice and smelling faintly of tar and of the sea.")
    let cues = SubtitleCue.cues(of: span, sampleRate: 1_000)
    #expect(cues.count == 2)
    #expect(cues[0].lines.last?.hasSuffix("March,") == true, "\(cues.map(\.lines))")
    #expect(cues[1].startFrame == cues[1].words[0].startFrame)
    check(cues, of: span)
  }

  /// Slow speech: seven seconds a cue, though the text would fit on two lines.
  @Test func noCueStaysLongerThanSevenSeconds() {
    let span = span("Slowly, very slowly, the old boat turned for home.", millisecondsPerCharacter: 400)
    let cues = SubtitleCue.cues(of: span, sampleRate: 1_000)
    #expect(cues.count > 1)
    check(cues, of: span)
  }

  /// A word longer than a line is a cue of its own, never cut.
  @Test func aWordLongerThanALineIsItsOwnCue() {
    let long = "https://example.org/" + String(repeating: "harbour", count: 8)
    let span = span("See \(long) for the tides.")
    let cues = SubtitleCue.cues(of: span, sampleRate: 1_000)
    #expect(cues.contains { $0.lines == [long] })
    check(cues, of: span)
  }

  /// Without word timings the words share the sentence's time by length.
  @Test func withoutWordTimingsTheTextIsStillSplit() {
    var span = span(String(repeating: "The tide turned and the boats came home, ", count: 6) + "at last.")
    span.words = nil
    let cues = SubtitleCue.cues(of: span, sampleRate: 1_000)
    #expect(cues.count > 2)
    #expect(cues.allSatisfy { $0.words.isEmpty })
    check(cues, of: span)
  }

  static let prideAndPrejudice = TestSupport.repository.deletingLastPathComponent()
    .appendingPathComponent("shared/books/pride-and-prejudice.txt")

  /// Every sentence of a long novel, at a speaking rate, keeps the limits and its text.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: prideAndPrejudice.path)))
  func everySentenceOfALongNovelKeepsTheLimits() throws {
    let book = try BookReader.read(Self.prideAndPrejudice.path)
    let splitter = SentenceSplitter()
    var (sentences, cues, longest) = (0, 0, 0)
    for paragraph in book.chapters.flatMap(\.paragraphs) {
      for sentence in splitter.sentences(in: paragraph.text) {
        let span = span(sentence)
        let laid = SubtitleCue.cues(of: span, sampleRate: 1_000)
        check(laid, of: span)
        sentences += 1
        cues += laid.count
        longest = max(longest, laid.map { $0.endFrame - $0.startFrame }.max() ?? 0)
      }
    }
    #expect(sentences > 5_000)
    #expect(cues > sentences)
    #expect(longest <= 7_000)
  }
}
