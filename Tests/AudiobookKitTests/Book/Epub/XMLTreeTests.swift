import Foundation
import Testing

@testable import AudiobookKit

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
}
