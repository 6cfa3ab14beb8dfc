import EpubTestSupport
import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookBook

@Suite struct BookReaderTests {
  @Test func theLexiconBesideAManuscriptSharesItsName() {
    #expect(BookReader.lexiconFile(besides: "novel.txt") == "novel.lexicon.yaml")
    #expect(BookReader.lexiconFile(besides: "books/the.salt.road.epub") == "books/the.salt.road.lexicon.yaml")
    #expect(BookReader.lexiconFile(besides: "/tmp/README") == "/tmp/README.lexicon.yaml")
  }

  /// The extension decides the reader, whatever its case; an EPUB finds the lexicon beside
  /// it like any manuscript, and `--lexicon` wins over it.
  @Test func anEPUBIsReadByItsExtensionWithTheLexiconBesideIt() throws {
    try TestSupport.withScratchFolder { folder in
      let path = try EpubSamples.epub3.write(to: folder.appendingPathComponent("salt.EPUB").path)
      try TestSupport.write("Mara: MAH-rah\nkettle: KET-ul\n", to: "salt.lexicon.yaml", in: folder)
      let command = try TestSupport.write("Mara: MARR-a\n", to: "command.yaml", in: folder)
      let book = try BookReader.read(path, lexicon: command)
      #expect(book.title == "The Salt Road")
      #expect(book.chapters.map(\.title).contains("Chapter 1: The Letter"))
      #expect(book.lexicon.apply(to: "Mara heard the kettle.").text == "MARR-a heard the KET-ul.")
      // A manuscript with that extension that is no zip is refused as an EPUB.
      let text = try TestSupport.write("Chapter 1\n\nText.\n", to: "plain.epub", in: folder)
      let error = #expect(throws: AudiobookError.self) { try BookReader.read(text) }
      #expect(error?.kind == .badInput)
      #expect(error?.message.contains("not a zip archive") == true)
    }
  }

  /// A plain-text manuscript carries the warnings its reading gave.
  @Test func aManuscriptsWarningsReachTheBook() throws {
    try TestSupport.withScratchFolder { folder in
      let url = folder.appendingPathComponent("cafe.txt")
      try Data("Chapter 1\n\nThe caf\u{E9} was shut.\n".utf8).write(to: url)
      #expect(try BookReader.read(url.path).warnings.isEmpty)
      try Data([UInt8]("Chapter 1\n\nThe caf".utf8) + [0xE9] + [UInt8](" was shut.\n".utf8)).write(to: url)
      let book = try BookReader.read(url.path)
      #expect(book.chapters[0].paragraphs[0].text == "The caf\u{E9} was shut.")
      #expect(book.warnings.count == 1)
    }
  }
}
