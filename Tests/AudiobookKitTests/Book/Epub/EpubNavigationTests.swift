import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookBook

@Suite struct EpubNavigationTests {
  func tree(_ xml: String) throws -> XMLTree {
    try XMLTree(data: Data(xml.utf8), file: "book.epub!OEBPS/text/nav.xhtml")
  }

  func navigationDocument(_ body: String) throws -> EpubNavigation {
    let xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
      <body>
      \(body)
      </body>
      </html>
      """
    return EpubNavigation(navigationDocument: try tree(xml), path: "OEBPS/text/nav.xhtml")
  }

  /// Nested entries come in the order the list gives them, each link resolved against the
  /// navigation document's folder, percent-encoding and fragments included.
  @Test func theTableOfContentsWithNestedEntriesInOrder() throws {
    let navigation = try navigationDocument(
      """
      <nav epub:type="landmarks"><ol><li><a href="wrong.xhtml">Not the contents</a></li></ol></nav>
      <nav epub:type="toc" id="toc">
        <h1>Contents</h1>
        <ol>
          <li><a href="part1.xhtml">Part <em>One</em></a>
            <ol>
              <li><a href="ch1.xhtml">Chapter 1</a></li>
              <li><a href="ch1.xhtml#sec%202">Chapter 2</a></li>
            </ol>
          </li>
          <li><span>Heading without a link</span></li>
          <li><a href="../notes/end.xhtml#">Notes</a></li>
        </ol>
      </nav>
      """)
    #expect(
      navigation.entries == [
        .init(title: "Part One", path: "OEBPS/text/part1.xhtml", fragment: nil),
        .init(title: "Chapter 1", path: "OEBPS/text/ch1.xhtml", fragment: nil),
        .init(title: "Chapter 2", path: "OEBPS/text/ch1.xhtml", fragment: "sec 2"),
        .init(title: "Notes", path: "OEBPS/notes/end.xhtml", fragment: nil),
      ])
  }

  @Test func aNavWithTheDocTocRoleIsTheTableOfContents() throws {
    let navigation = try navigationDocument(
      "<nav role=\"doc-toc\"><ol><li><a href=\"ch1.xhtml\">One</a></li></ol></nav>")
    #expect(navigation.entries.map(\.title) == ["One"])
  }

  @Test func landmarksGiveTheirTypeAndPath() throws {
    let navigation = try navigationDocument(
      """
      <nav epub:type="toc"><ol><li><a href="ch1.xhtml">One</a></li></ol></nav>
      <nav epub:type="landmarks">
        <ol>
          <li><a epub:type="cover" href="cover.xhtml">Cover</a></li>
          <li><a epub:type="bodymatter chapter" href="ch1.xhtml#start">Start</a></li>
          <li><a href="../copyright.xhtml">Untyped</a></li>
        </ol>
      </nav>
      """)
    #expect(
      navigation.landmarks == [
        .init(type: "cover", path: "OEBPS/text/cover.xhtml"),
        .init(type: "bodymatter", path: "OEBPS/text/ch1.xhtml"),
        .init(type: "", path: "OEBPS/copyright.xhtml"),
      ])
  }

  @Test func aDocumentWithoutATableOfContentsHasNoEntries() throws {
    #expect(try navigationDocument("<p>Nothing here.</p>") == EpubNavigation.none)
  }

  /// EPUB 2: every `navPoint`, nested ones included, in document order; a point without
  /// content is skipped and one without a label has an empty title.
  @Test func anNCXGivesItsNavPointsInOrder() throws {
    let ncx = try tree(
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
        <docTitle><text>Harbour Lights</text></docTitle>
        <navMap>
          <navPoint id="p1" playOrder="1">
            <navLabel><text>Part One</text></navLabel>
            <content src="part1.xhtml"/>
            <navPoint id="c1" playOrder="2">
              <navLabel><text> Chapter   1 </text></navLabel>
              <content src="ch1.xhtml#start"/>
            </navPoint>
          </navPoint>
          <navPoint id="broken"><navLabel><text>No content</text></navLabel></navPoint>
          <navPoint id="c2"><content src="../ch2.xhtml"/></navPoint>
        </navMap>
      </ncx>
      """)
    let navigation = EpubNavigation(ncx: ncx, path: "OEBPS/text/toc.ncx")
    #expect(
      navigation.entries == [
        .init(title: "Part One", path: "OEBPS/text/part1.xhtml", fragment: nil),
        .init(title: "Chapter 1", path: "OEBPS/text/ch1.xhtml", fragment: "start"),
        .init(title: "", path: "OEBPS/ch2.xhtml", fragment: nil),
      ])
    #expect(navigation.landmarks.isEmpty)
  }
}
