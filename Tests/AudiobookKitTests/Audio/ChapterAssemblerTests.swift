import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookText
@testable import AudiobookSpeech
@testable import AudiobookAudio
@testable import AudiobookPublish

@Suite struct ChapterAssemblerTests {
  let pauses = Pauses(sentence: 100, paragraph: 200, afterTitle: 300, head: 50, tail: 1000)
  let rate = 22_050

  func frames(_ milliseconds: Int) -> Int { milliseconds * rate / 1000 }

  /// Every written word is listed, those espeak-ng gave no event of their own ("the", run
  /// into "on") sharing the time of the word before them by length; dashes are not words.
  @Test func everyWrittenWordHasATiming() {
    let piece = SpokenPiece(
      samples: [Int16](repeating: 1, count: 1_000),
      words: [
        WordTiming(textOffset: 0, length: 2, startFrame: 10), WordTiming(textOffset: 7, length: 4, startFrame: 500),
        WordTiming(textOffset: 14, length: 3, startFrame: 800),
      ])
    let words = ChapterAssembler.words(of: piece, text: "On the quay — now.", at: 100)
    #expect(words.map(\.text) == ["On", "the", "quay", "now"])
    #expect(words.map(\.startFrame) == [110, 110 + 490 * 2 / 5, 600, 900])
    #expect(words.last.map { $0.startFrame + $0.frames } == 1_100)
  }

  @Test func layoutPausesAndCueFrameTail() throws {
    try TestSupport.withScratchFolder { folder in
      let path = folder.appendingPathComponent("c.wav").path
      let assembler = try ChapterAssembler(writer: SoundFileWriter(path: path, sampleRate: rate), pauses: pauses)
      let tone = { (count: Int) in SpokenPiece(samples: [Int16](repeating: 1000, count: count), words: []) }
      // Each piece's text is the length of its tone, so the "synthesis" here is exact and known.
      func synthesize(_ script: SpeechScript) -> ChapterAssembler.Synthesize {
        { batch in Clip(pieces: script.batches[batch].pieces.map { tone(Int($0) ?? 0) }) }
      }
      let title = SpeechScript(sentences: [.init(text: "Chapter 1", pieces: ["500"])])
      let heading = try assembler.appendTitle(title, synthesize: synthesize(title))
      let paragraph = SpeechScript(sentences: [
        .init(text: "A.", pieces: ["300"]), .init(text: "B.", pieces: ["200", "100"]),
      ])
      let first = try assembler.appendParagraph(paragraph, synthesize: synthesize(paragraph))
      let last = SpeechScript(sentences: [.init(text: "C.", pieces: ["400"])])
      let second = try assembler.appendParagraph(last, synthesize: synthesize(last))
      let total = try assembler.finish()

      #expect(heading == Manifest.Span(text: "Chapter 1", startFrame: frames(50), frames: 500))
      let a = frames(50) + 500 + frames(300)
      #expect(first[0] == Manifest.Span(text: "A.", startFrame: a, frames: 300))
      let b = a + 300 + frames(100)
      #expect(first[1] == Manifest.Span(text: "B.", startFrame: b, frames: 200 + frames(50) + 100))
      let c = b + 200 + frames(50) + 100 + frames(200)
      #expect(second[0] == Manifest.Span(text: "C.", startFrame: c, frames: 400))
      #expect(total % 294 == 0)
      #expect(total >= c + 400 + frames(1000))
      #expect(total < c + 400 + frames(1000) + 294)

      let reader = try SoundFileReader(path: path)
      #expect(reader.frames == total)
      let samples = try reader.samples()
      #expect(samples[0..<frames(50)].allSatisfy { $0 == 0 })
      #expect(samples[a..<(a + 300)].allSatisfy { $0 == 1000 })
      #expect(samples[(a + 300)..<b].allSatisfy { $0 == 0 })
      #expect(samples[(c + 400)...].allSatisfy { $0 == 0 })
    }
  }

  @Test func longParagraphsAreSynthesizedInBatches() throws {
    try TestSupport.withScratchFolder { folder in
      let path = folder.appendingPathComponent("c.wav").path
      let assembler = try ChapterAssembler(writer: SoundFileWriter(path: path, sampleRate: rate), pauses: pauses)
      var requests: [Int] = []
      let pieces = (0..<70).map { _ in "10" }
      let script = SpeechScript(sentences: [.init(text: "long", pieces: pieces)])
      let spans = try assembler.appendParagraph(script) { batch in
        requests.append(batch)
        return Clip(
          pieces: script.batches[batch].pieces.map { _ in
            SpokenPiece(samples: [Int16](repeating: 5, count: 10), words: [])
          })
      }
      #expect(script.batches.map(\.pieces.count) == Array(repeating: 8, count: 8) + [6])
      #expect(requests == Array(0..<9))
      #expect(spans[0].frames == 70 * 10 + 69 * frames(50))
      _ = try assembler.finish()
    }
  }
}
