import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookBook

@Suite struct EpubFrontMatterTests {
  /// A package at `OEBPS/content.opf` with a navigation document and an EPUB 2 guide.
  func package() throws -> EpubPackage {
    let xml = """
      <package xmlns="http://www.idpf.org/2007/opf" version="3.0">
        <metadata/>
        <manifest><item id="nav" href="text/nav.xhtml" media-type="application/xhtml+xml" properties="nav"/></manifest>
        <spine/>
        <guide>
          <reference type="copyright-page" href="text/legal.xhtml"/>
          <reference type="text" href="text/start.xhtml"/>
        </guide>
      </package>
      """
    let file = "book.epub!OEBPS/content.opf"
    return try EpubPackage(XMLTree(data: Data(xml.utf8), file: file), path: "OEBPS/content.opf", file: file)
  }

  /// The book marks its cover, contents and copyright page by landmark or guide type, and
  /// the navigation document is front matter wherever the spine puts it.
  @Test func documentsTheBookMarks() throws {
    let navigation = EpubNavigation(
      entries: [],
      landmarks: [
        .init(type: "cover", path: "OEBPS/text/front.xhtml"), .init(type: "toc", path: "OEBPS/text/list.xhtml"),
        .init(type: "bodymatter", path: "OEBPS/text/ch1.xhtml"),
      ])
    let frontMatter = EpubFrontMatter(package: try package(), navigation: navigation)
    #expect(
      frontMatter.marked == [
        "OEBPS/text/front.xhtml", "OEBPS/text/list.xhtml", "OEBPS/text/legal.xhtml", "OEBPS/text/nav.xhtml",
      ])
    for path in frontMatter.marked { #expect(frontMatter.contains(path), "\(path)") }
    #expect(!frontMatter.contains("OEBPS/text/ch1.xhtml"))
    #expect(!frontMatter.contains("OEBPS/text/start.xhtml"))
  }

  /// Without marks, the usual file names say it.
  @Test func documentsNamedAsFrontMatter() throws {
    let frontMatter = EpubFrontMatter(package: try package(), navigation: .none)
    for path in [
      "OEBPS/Cover.xhtml", "cover-page.html", "OEBPS/text/copyright.xhtml", "OEBPS/the-copyright-notice.xhtml",
      "toc.xhtml", "OEBPS/Contents.xhtml", "table-of-contents.xhtml",
    ] {
      #expect(frontMatter.contains(path), "\(path)")
    }
    for path in ["OEBPS/ch1.xhtml", "OEBPS/tocsin.xhtml", "OEBPS/contents-of-the-box.xhtml", "OEBPS/discover.xhtml"] {
      #expect(!frontMatter.contains(path), "\(path)")
    }
  }
}
