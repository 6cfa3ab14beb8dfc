import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookBook
@testable import AudiobookSpeech
@testable import AudiobookPublish
@testable import AudiobookKit

@Suite struct ManifestValidationTests {
  static func manifest(chapters: [Manifest.Chapter]) -> Manifest {
    Manifest(
      title: "T", author: nil, language: nil, publisher: nil, date: nil, sampleRate: 22_050,
      voice: .init(name: "narrator", settings: EngineSettings(), pauses: Pauses()),
      engine: .init(name: "espeak-ng", version: "1.51"), subtitles: nil, chapters: chapters)
  }

  static func chapter(_ number: Int, file: String = "01 One.wav", frames: Int = 1_000, sentenceAt start: Int = 100)
    -> Manifest.Chapter
  {
    Manifest.Chapter(
      number: number, title: "One", file: file, frames: frames, sha256: "", sourceLine: 1, contentHash: "",
      heading: Manifest.Span(text: "One", startFrame: 0, frames: 50),
      paragraphs: [
        Manifest.Paragraph(
          id: "p", number: 1, sourceLine: 2, startFrame: start, frames: 10,
          sentences: [Manifest.Span(text: "Hi.", startFrame: start, frames: 10)])
      ])
  }

  @Test(arguments: [
    ("01 One.wav", true), ("", false), (".", false), ("..", false), ("../x.wav", false), ("/etc/passwd", false),
    ("a\0b", false), (String(repeating: "é", count: 128), false), (String(repeating: "e", count: 255), true),
  ])
  func plainFileNames(name: String, plain: Bool) {
    #expect(Manifest.isPlainFileName(name) == plain)
  }

  @Test func aManifestARenderCouldWriteHasNoProblems() {
    #expect(Self.manifest(chapters: [Self.chapter(1), Self.chapter(2, file: "02 Two.wav")]).problems().isEmpty)
  }

  @Test(arguments: [
    (chapter(1, file: "../../victim.txt"), "not a file directly inside"),
    (chapter(2), "chapter 1 is numbered 2"),
    (chapter(1, frames: -1), "has -1 frames"),
    (chapter(1, sentenceAt: Int.max - 5), "outside its 1000"),
    (chapter(1, sentenceAt: 995), "outside its 1000"),
    (chapter(1, frames: 1 << 62), "frames"),
  ])
  func impossibleManifestsAreNamed(chapter: Manifest.Chapter, problem: String) {
    let problems = Self.manifest(chapters: [chapter]).problems()
    #expect(problems.contains { $0.contains(problem) }, "\(problems)")
  }

  @Test func aWordOutsideItsChapterIsNamed() {
    var chapter = Self.chapter(1)
    chapter.paragraphs[0].sentences[0].words = [Manifest.Word(text: "Hi", startFrame: 1 << 62, frames: 5)]
    #expect(Self.manifest(chapters: [chapter]).problems() == ["chapter 1 places a word outside its 1000 frames"])
  }

  @Test func readingRefusesAFIFOAndAnOversizedFileAndNamesTheBrokenKey() throws {
    try TestSupport.withScratchFolder { folder in
      let fifo = folder.appendingPathComponent("fifo.json").path
      #expect(mkfifo(fifo, 0o600) == 0)
      #expect(throws: AudiobookError(.badInput, "is a FIFO, not a plain file", file: fifo)) {
        _ = try Manifest.read(from: fifo)
      }
      let big = folder.appendingPathComponent("big.json").path
      #expect(FileManager.default.createFile(atPath: big, contents: nil))
      #expect(truncate(big, off_t(Manifest.maximumBytes + 1)) == 0)
      #expect(throws: AudiobookError(.badInput, "the manifest is larger than 256 MB", file: big)) {
        _ = try Manifest.read(from: big)
      }
      let broken = try TestSupport.write(#"{"title": 3}"#, to: "broken.json", in: folder)
      #expect(
        throws: AudiobookError(
          .badInput, "not a manifest this version can read: 'title' has the wrong type", file: broken)
      ) {
        _ = try Manifest.read(from: broken)
      }
    }
  }
}
