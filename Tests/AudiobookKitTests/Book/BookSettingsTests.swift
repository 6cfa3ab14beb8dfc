import EpubTestSupport
import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookBook

/// Settings kept with the book: in the front matter, or in `BOOK.audiobook.yaml` beside any
/// manuscript, which wins over what the manuscript says.
@Suite struct BookSettingsTests {
  @Test func theSettingsFileSharesTheManuscriptsName() {
    #expect(BookReader.settingsFile(besides: "novel.txt") == "novel.audiobook.yaml")
    #expect(BookReader.settingsFile(besides: "books/salt.epub") == "books/salt.audiobook.yaml")
  }

  @Test func frontMatterKeepsRenderSettingsWithTheirLines() throws {
    let book = try MarkdownParser.parse(
      .init(
        file: "book.md", format: .markdown,
        lines: "---\ntitle: T\nformat: m4b\nsubtitles: [vtt, srt]\nloudness: -18\n---\n\nText.".components(
          separatedBy: "\n")))
    #expect(book.settings["format"]?.value == "m4b")
    #expect(book.settings["format"]?.origin == "book.md:3")
    #expect(book.settings["subtitles"]?.value == "vtt,srt")
    #expect(book.settings["loudness"]?.line == 5)
    #expect(book.origins["title"] == "book.md:2")
  }

  /// An EPUB's own metadata gives way to the file beside it, which also sets the voice, a
  /// cover beside it, and settings; its keys are checked like the front matter's.
  @Test func theSettingsFileWinsOverTheManuscript() throws {
    try TestSupport.withScratchFolder { folder in
      let path = try EpubSamples.epub3.write(to: folder.appendingPathComponent("salt.epub").path)
      try Data(CoverImageTests.jpeg).write(to: folder.appendingPathComponent("front.jpg"))
      try TestSupport.write(
        "title: Salt Roads\nnarrator: [Ruth Vale, Ann Reed]\nvoice: narrator-gb\ncover: front.jpg\nformat: mp3\nmood: grey\n",
        to: "salt.audiobook.yaml", in: folder)
      let book = try BookReader.read(path)
      #expect(book.title == "Salt Roads")
      #expect(book.author == "Ada Quill")
      #expect(book.narrator == "Ruth Vale, Ann Reed")
      #expect(book.voice == "narrator-gb")
      #expect(book.cover?.width == 640)
      #expect(book.settings["format"]?.value == "mp3")
      #expect(book.origins["narrator"] == folder.appendingPathComponent("salt.audiobook.yaml").path + ":2")
      #expect(book.warnings.contains { $0.contains(":6: warning: the key 'mood' in the settings file") })
    }
  }

  @Test func aSettingsFileThatIsNotAMappingIsRefusedNamingIt() throws {
    try TestSupport.withScratchFolder { folder in
      let path = try TestSupport.write("Chapter 1\n\nText.\n", to: "book.txt", in: folder)
      _ = try TestSupport.write("- format: mp3\n", to: "book.audiobook.yaml", in: folder)
      let error = #expect(throws: AudiobookError.self) { try BookReader.read(path) }
      #expect(error?.kind == .badInput)
      #expect(error?.file?.hasSuffix("book.audiobook.yaml") == true)
      _ = try TestSupport.write("cover: ../elsewhere.jpg\n", to: "book.audiobook.yaml", in: folder)
      let escape = #expect(throws: AudiobookError.self) { try BookReader.read(path) }
      #expect(escape?.line == 1)
    }
  }
}
