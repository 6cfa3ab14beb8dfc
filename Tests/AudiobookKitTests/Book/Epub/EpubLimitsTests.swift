import EpubTestSupport
import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookBook

/// What an EPUB may ask of the reader: bytes unpacked, nesting depth, table-of-contents
/// entries; past the limits it is refused with a line naming the file, never a crash or a hang.
@Suite struct EpubLimitsTests {
  /// An EPUB whose `OEBPS/` holds `files` (name → size in bytes of spaces), stored compressed.
  private func epub(with files: [String: Int], in folder: URL) throws -> String {
    var book = EpubFile(documents: [.init("ch1.xhtml", EpubFile.xhtml("<p>Hello.</p>"))], toc: [])
    for (name, size) in files { book.replacing["OEBPS/\(name)"] = Data(repeating: 0x20, count: size) }
    return try book.write(to: folder.appendingPathComponent("book.epub").path)
  }

  @Test func anEntryPastTheLimitIsRefusedNamingIt() throws {
    try TestSupport.withScratchFolder { folder in
      let path = try epub(with: ["big.xhtml": EpubArchive.maximumEntryBytes + 1], in: folder)
      let archive = try EpubArchive(path: path)
      let error = #expect(throws: AudiobookError.self) { try archive.data(at: "OEBPS/big.xhtml") }
      #expect(error?.kind == .badInput)
      #expect(error?.file == "\(path)!OEBPS/big.xhtml")
      #expect(error?.message.contains("more than 32 MiB") ?? false, "\(error?.message ?? "")")
      // The limit itself is allowed.
      let exact = try epub(with: ["big.xhtml": EpubArchive.maximumEntryBytes], in: folder)
      #expect(try EpubArchive(path: exact).data(at: "OEBPS/big.xhtml")?.count == EpubArchive.maximumEntryBytes)
    }
  }

  @Test func entriesTogetherPastTheTotalAreRefused() throws {
    try TestSupport.withScratchFolder { folder in
      let size = EpubArchive.maximumEntryBytes - 1
      let count = EpubArchive.maximumTotalBytes / size + 1
      let names = (1...count).map { "part\($0).xhtml" }
      let path = try epub(with: Dictionary(uniqueKeysWithValues: names.map { ($0, size) }), in: folder)
      let archive = try EpubArchive(path: path)
      for name in names.dropLast() { #expect(try archive.data(at: "OEBPS/\(name)")?.count == size) }
      let error = #expect(throws: AudiobookError.self) { try archive.data(at: "OEBPS/\(names[count - 1])") }
      #expect(error?.message.contains("more than 256 MiB together") ?? false, "\(error?.message ?? "")")
    }
  }

  @Test func xmlNestedPastTheLimitIsRefusedAndAtTheLimitRead() throws {
    func nested(_ depth: Int) -> Data {
      Data(
        ("<?xml version=\"1.0\"?>\n" + String(repeating: "<a>", count: depth) + "x"
          + String(repeating: "</a>", count: depth)).utf8)
    }
    let tree = try XMLTree(data: nested(XMLTree.maximumDepth), file: "book.epub!deep.xml")
    #expect(tree.root.descendants.count == XMLTree.maximumDepth)
    #expect(tree.root.text == "x")
    let error = #expect(throws: AudiobookError.self) {
      try XMLTree(data: nested(XMLTree.maximumDepth + 1), file: "book.epub!deep.xml")
    }
    #expect(error?.kind == .badInput)
    #expect(error?.file == "book.epub!deep.xml")
    #expect(error?.line == 2)
    #expect(error?.message == "elements nested deeper than 1000 levels, which no book needs")
  }

  @Test func descendantsAreInDocumentOrder() throws {
    let tree = try XMLTree(
      data: Data(#"<a id="1"><b id="2"><c id="3"/></b><d id="4"><e id="5"/></d><f id="6"/></a>"#.utf8), file: "x")
    #expect(tree.root.descendants.compactMap { $0.attributes["id"] } == ["1", "2", "3", "4", "5", "6"])
  }

  /// libxml2's refusal of an entity that expands too far says so in words.
  @Test func entityExpansionRefusalsSaySo() {
    #expect(XMLTree.describe(parserError: 89).contains("entity expansion limit"))
    #expect(XMLTree.describe(parserError: 4242) == "libxml2 error 4242")
  }
}
