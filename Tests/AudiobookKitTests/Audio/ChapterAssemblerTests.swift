import Foundation
import Testing

@testable import AudiobookKit

@Suite struct ChapterAssemblerTests {
  let pauses = Pauses(sentence: 100, paragraph: 200, afterTitle: 300, head: 50, tail: 1000)
  let rate = 22_050

  func frames(_ milliseconds: Int) -> Int { milliseconds * rate / 1000 }

  @Test func layoutPausesAndCueFrameTail() throws {
    try TestSupport.withScratchFolder { folder in
      let path = folder.appendingPathComponent("c.wav").path
      let assembler = try ChapterAssembler(writer: SoundFileWriter(path: path, sampleRate: rate), pauses: pauses)
      let tone = { (count: Int) in SpokenPiece(samples: [Int16](repeating: 1000, count: count), words: []) }
      let heading = try assembler.appendTitle(
        SpeechScript.title("Chapter 1"), clip: Clip(pieces: [tone(500)]))
      let first = try assembler.appendParagraph(
        SpeechScript(sentences: [.init(text: "A.", pieces: ["A."]), .init(text: "B.", pieces: ["B1,", "B2."])]),
        clip: Clip(pieces: [tone(300), tone(200), tone(100)]))
      let second = try assembler.appendParagraph(
        SpeechScript(sentences: [.init(text: "C.", pieces: ["C."])]), clip: Clip(pieces: [tone(400)]))
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
}
