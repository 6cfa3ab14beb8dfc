import Foundation
import Testing

@testable import AudiobookAudio
@testable import AudiobookPublish
@testable import AudiobookSpeech

@Suite struct ManifestTests {
  static func chapter(_ number: Int, file: String, startFrame: Int? = nil) -> Manifest.Chapter {
    Manifest.Chapter(
      number: number, title: "Chapter \(number)", file: file, frames: 1_000, sha256: "", sourceLine: number,
      contentHash: "", heading: TimedSpan(text: "Chapter \(number).", startFrame: 0, frames: 50), paragraphs: [],
      startFrame: startFrame)
  }

  static func manifest(
    subtitles: [Subtitles.Format]? = nil, book: Manifest.BookFile? = nil, chapters: [Manifest.Chapter]
  ) -> Manifest {
    Manifest(
      title: "Harbour Lights", author: "Ada Finch", sampleRate: 22_050,
      voice: .init(name: "narrator", settings: EngineSettings(), pauses: Pauses()),
      engine: .init(name: "espeak-ng", version: "1.51"), subtitles: subtitles, book: book, chapters: chapters)
  }

  /// Chapter files with their subtitle files (word timings live in the manifest, not in a
  /// file), then the whole-book file; chapters inside the book file have no file of their own.
  @Test func publishedFilesAreChapterFilesTheirSubtitlesAndTheBookFile() {
    let both = Self.manifest(
      subtitles: [.vtt, .words, .srt],
      book: Manifest.BookFile(
        file: "harbour-lights.flac", frames: 2_000, sha256: "", contentHash: "", chapterStarts: [0]),
      chapters: [Self.chapter(1, file: "01 One.wav"), Self.chapter(2, file: "02 Two.wav")])
    #expect(
      both.publishedFiles == [
        "01 One.wav", "01 One.vtt", "01 One.srt", "02 Two.wav", "02 Two.vtt", "02 Two.srt", "harbour-lights.flac",
      ])
    let bookOnly = Self.manifest(
      book: Manifest.BookFile(
        file: "harbour-lights.m4b", frames: 2_000, sha256: "", contentHash: "", chapterStarts: [0, 1_000]),
      chapters: [
        Self.chapter(1, file: "harbour-lights.m4b", startFrame: 0),
        Self.chapter(2, file: "harbour-lights.m4b", startFrame: 1_000),
      ])
    #expect(bookOnly.publishedFiles == ["harbour-lights.m4b"])
    #expect(Self.manifest(chapters: [Self.chapter(1, file: "01 One.wav")]).publishedFiles == ["01 One.wav"])
  }

  /// Key-sorted, pretty JSON ending in a newline, which reads back as the same manifest.
  @Test func theEncodingIsStableAndReadsBack() throws {
    let manifest = Self.manifest(subtitles: [.srt], chapters: [Self.chapter(1, file: "01 One.wav")])
    let bytes = try manifest.encoded()
    #expect(try manifest.encoded() == bytes)
    #expect(bytes.last == UInt8(ascii: "\n"))
    let text = String(decoding: bytes, as: UTF8.self)
    let author = try #require(text.range(of: "\"author\""))
    let title = try #require(text.range(of: "\"title\" : \"Harbour Lights\""))
    #expect(author.lowerBound < title.lowerBound)
    #expect(try JSONDecoder().decode(Manifest.self, from: Data(bytes)) == manifest)
  }
}
