import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookBook

@Suite struct EpubArchiveTests {
  @Test func linksResolveAgainstTheirDocument() {
    #expect(EpubArchive.resolve("ch1.xhtml", from: "OEBPS/content.opf") == ("OEBPS/ch1.xhtml", nil))
    #expect(EpubArchive.resolve("text/ch1.xhtml#p3", from: "OEBPS/nav.xhtml") == ("OEBPS/text/ch1.xhtml", "p3"))
    #expect(
      EpubArchive.resolve("../Text/Chapter%201.xhtml", from: "OEBPS/Nav/toc.ncx") == ("OEBPS/Text/Chapter 1.xhtml", nil)
    )
    #expect(EpubArchive.resolve("#note", from: "OEBPS/ch1.xhtml") == ("OEBPS/ch1.xhtml", "note"))
    #expect(EpubArchive.resolve("./a/./b.xhtml", from: "content.opf") == ("a/b.xhtml", nil))
    #expect(EpubArchive.resolve("OEBPS/content.opf", from: "") == ("OEBPS/content.opf", nil))
  }

  @Test func aFileThatIsNotAZipIsBadInput() throws {
    try TestSupport.withScratchFolder { folder in
      let path = try TestSupport.write("Just some text.\n", to: "book.epub", in: folder)
      let error = #expect(throws: AudiobookError.self) { try EpubArchive(path: path) }
      #expect(error?.kind == .badInput)
      #expect(error?.message.contains("not a zip") ?? false)
    }
  }

  @Test func aMissingFileIsMissingInput() {
    let error = #expect(throws: AudiobookError.self) { try EpubArchive(path: "/nonexistent/book.epub") }
    #expect(error?.kind == .missingInput)
  }
}
