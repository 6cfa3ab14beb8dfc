import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookBook

@Suite struct XMLTreeTests {
  func parse(_ text: String) throws(AudiobookError) -> XMLTree {
    try XMLTree(data: Data(text.utf8), file: "book.epub!OEBPS/ch1.xhtml")
  }

  @Test func elementsTextAndLines() throws {
    let tree = try parse(
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <package xmlns:dc="http://purl.org/dc/elements/1.1/">
        <dc:title>  The   Salt
          Road </dc:title>
        <item epub:type="cover" id="c"/>
      </package>
      """)
    #expect(tree.root.name == "package")
    #expect(tree.root.line == 2)
    let title = try #require(tree.root.first("title"))
    #expect(title.text == "The Salt Road")
    #expect(title.line == 3)
    let item = try #require(tree.root.first("item"))
    #expect(item.prefixedAttribute("type") == "cover")
    #expect(item.attributes["id"] == "c")
  }

  @Test func xhtmlEntitiesAreKnown() throws {
    let tree = try parse("<p>a&nbsp;b&mdash;c &amp; &lt;d&gt; &eacute;&#233;&#xE9;</p>")
    #expect(tree.root.children == [.text("a\u{A0}b—c & <d> ééé", line: 1)])
  }

  @Test func malformedDocumentsNameTheFileAndLine() {
    let cases: [(String, Int, String)] = [
      ("<html>\n<body>\n<p>One<br>two</p>\n</body>\n</html>", 3, "closing tag"),
      ("<html>\n<body>\n<p>Fish & chips</p>\n</body>\n</html>", 3, "&amp;"),
      ("<html>\n<body>\n<p>Unclosed\n", 4, "ends before"),
      ("", 1, "empty"),
    ]
    for (text, line, fragment) in cases {
      let error = #expect(throws: AudiobookError.self) { try parse(text) }
      #expect(error?.kind == .badInput)
      #expect(error?.file == "book.epub!OEBPS/ch1.xhtml")
      #expect(error?.line == line, "\(text.debugDescription): \(error?.description ?? "")")
      #expect(error?.message.contains(fragment) ?? false, "\(text.debugDescription): \(error?.message ?? "")")
    }
  }

  /// FoundationXML traps on names and comments that are not UTF-8 (found by fuzzing): such a
  /// document is refused before it reaches the parser; one that declares its encoding is read.
  @Test(
    arguments: [
      ([0x3C, 0x61, 0x3E, 0x3C, 0x21, 0x2D, 0x2D, 0xFF, 0x2D, 0x2D, 0x3E, 0x3C, 0x2F, 0x61, 0x3E], 8, 1),
      ([0x3C, 0x61, 0x0A, 0xC3, 0x3D, 0x22, 0x78, 0x22, 0x2F, 0x3E], 4, 2),
    ] as [([UInt8], Int, Int)])
  func documentsThatAreNotUTF8AreRefusedNamingTheByte(bytes: [UInt8], position: Int, line: Int) {
    #expect(throws: AudiobookError(.badInput, "is not valid UTF-8 (byte \(position))", file: "x.xhtml", line: line)) {
      _ = try XMLTree(data: Data(bytes), file: "x.xhtml")
    }
  }

  /// libxml2 ignores a declaration with a fault in it, and reads the document as UTF-8.
  @Test func aMalformedDeclarationDeclaresNothing() {
    let bytes = Array(#"<?xml version="1.0" ="1.0" encoding="ISO-8859-1"?><b"#.utf8) + [0xE9] + Array("/>".utf8)
    #expect(throws: AudiobookError.self) { _ = try XMLTree(data: Data(bytes), file: "x.xhtml") }
  }

  @Test func aDocumentThatDeclaresLatin1IsRead() throws {
    let bytes = Array(#"<?xml version="1.0" encoding="ISO-8859-1"?><p>caf"#.utf8) + [0xE9] + Array("</p>".utf8)
    let tree = try XMLTree(data: Data(bytes), file: "x.xhtml")
    #expect(tree.root.name == "p")
  }

  /// FoundationXML dereferences a null pointer on a processing instruction without data
  /// (found by fuzzing): processing instructions are blanked, lines kept.
  @Test func processingInstructionsAreBlankedKeepingLines() throws {
    let text = "<?xml version=\"1.0\"?>\n<html><body><?pi?>\n<?other\nstuff?><p>Hello.</p></body></html>"
    let tree = try XMLTree(data: Data(text.utf8), file: "x.xhtml")
    let paragraph = try #require(tree.root.descendants.first { $0.name == "p" })
    #expect(paragraph.line == 4)
    let blanked = String(decoding: XMLTree.blankingProcessingInstructions(Data(text.utf8)), as: UTF8.self)
    #expect(blanked.hasPrefix("<?xml version=\"1.0\"?>\n<html><body>      \n"))
    #expect(!blanked.contains("<?pi") && !blanked.contains("<?other"))
  }
}
