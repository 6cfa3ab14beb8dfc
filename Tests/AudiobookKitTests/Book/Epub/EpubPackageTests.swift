import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookBook

@Suite struct EpubPackageTests {
  let file = "book.epub!OEBPS/content.opf"

  /// A package document at `OEBPS/content.opf` with `metadata`, `manifest` and `rest` (the
  /// spine and what follows it) inside `<package>`.
  func package(metadata: String = "", manifest: String = "", rest: String = "<spine/>") throws -> EpubPackage {
    let xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <package xmlns="http://www.idpf.org/2007/opf" version="3.0">
        <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
          \(metadata)
        </metadata>
        <manifest>
          \(manifest)
        </manifest>
        \(rest)
      </package>
      """
    return try EpubPackage(XMLTree(data: Data(xml.utf8), file: file), path: "OEBPS/content.opf", file: file)
  }

  func failure(_ body: () throws -> EpubPackage) -> AudiobookError? {
    #expect(throws: AudiobookError.self) { _ = try body() }
  }

  @Test func theManifestsPathsResolveAgainstThePackagesFolder() throws {
    let read = try package(
      manifest: """
        <item id="c1" href="text/Chapter%201.xhtml" media-type="application/xhtml+xml"/>
        <item id="img" href="../images/cover.jpg" media-type="image/jpeg" properties="cover-image"/>
        <item id="nav" href="./nav.xhtml" media-type="application/xhtml+xml" properties="nav scripted"/>
        <item id="broken" media-type="text/css"/>
        """)
    #expect(read.path == "OEBPS/content.opf")
    #expect(read.manifest.map(\.id) == ["c1", "img", "nav"])
    #expect(read.manifest.map(\.path) == ["OEBPS/text/Chapter 1.xhtml", "images/cover.jpg", "OEBPS/nav.xhtml"])
    #expect(read.manifest[1].properties == ["cover-image"])
    #expect(read.manifest[2].properties == ["nav", "scripted"])
    #expect(read.navigationPath == "OEBPS/nav.xhtml")
    #expect(read.ncxPath == nil)
  }

  @Test func theSpineIsTheReadingOrderWithItsLinesAndNonLinearDocuments() throws {
    let read = try package(
      manifest: """
        <item id="a" href="a.xhtml" media-type="application/xhtml+xml"/>
        <item id="b" href="b.xhtml" media-type="application/xhtml+xml"/>
        <item id="note" href="note.xhtml" media-type="application/xhtml+xml"/>
        """,
      rest: """
        <spine>
            <itemref idref="b"/>
            <itemref idref="note" linear="no"/>
            <itemref idref="a" linear="yes"/>
          </spine>
        """)
    #expect(read.spine.map(\.item.id) == ["b", "note", "a"])
    #expect(read.spine.map(\.isLinear) == [true, false, true])
    #expect(read.spine.map(\.line) == [12, 13, 14])
  }

  /// EPUB 2: the NCX is the spine's `toc` item, else the item of the NCX media type; the
  /// guide's types are lowercased and its links resolved.
  @Test func theNCXAndTheGuide() throws {
    let items = """
      <item id="toc" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
      <item id="other" href="other.ncx" media-type="text/plain"/>
      """
    #expect(try package(manifest: items, rest: "<spine toc=\"other\"/>").ncxPath == "OEBPS/other.ncx")
    #expect(try package(manifest: items, rest: "<spine/>").ncxPath == "OEBPS/toc.ncx")
    let read = try package(
      manifest: items,
      rest: """
        <spine/>
          <guide>
            <reference type="Cover" title="Cover" href="cover.xhtml"/>
            <reference type="text" href="text/one.xhtml#start"/>
            <reference title="no type" href="x.xhtml"/>
          </guide>
        """)
    #expect(read.guide.map(\.type) == ["cover", "text"])
    #expect(read.guide.map(\.path) == ["OEBPS/cover.xhtml", "OEBPS/text/one.xhtml"])
  }

  @Test func metadataTitleLanguagePublisherAndDate() throws {
    let read = try package(
      metadata: """
        <dc:title id="sub">A Tale of Lamps</dc:title>
        <dc:title id="main">Harbour Lights</dc:title>
        <meta refines="#main" property="title-type">main</meta>
        <dc:title></dc:title>
        <dc:language>en-GB</dc:language>
        <dc:publisher>Quay Books</dc:publisher>
        <dc:date opf:event="modification">2020-01-01</dc:date>
        <dc:date opf:event="publication">1998</dc:date>
        """)
    #expect(read.metadata.title == "Harbour Lights")
    #expect(read.metadata.language == "en-GB")
    #expect(read.metadata.publisher == "Quay Books")
    #expect(read.metadata.date == "1998")
    let plain = try package(metadata: "<dc:title>Only</dc:title><dc:date>2001</dc:date>")
    #expect(plain.metadata.title == "Only")
    #expect(plain.metadata.date == "2001")
    #expect(try package().metadata == EpubPackage.Metadata())
  }

  /// Authors are the creators whose role is `aut` (EPUB 2 attribute or EPUB 3 refinement) or
  /// who have none; when every creator has another role, all of them.
  @Test func authorsAreTheCreatorsInTheAuthorsRole() throws {
    let read = try package(
      metadata: """
        <dc:creator opf:role="aut">Ada Finch</dc:creator>
        <dc:creator opf:role="ill">Tom Reed</dc:creator>
        <dc:creator id="c3">Nell Gale</dc:creator>
        <meta refines="#c3" property="role">aut</meta>
        <dc:creator id="c4">Ian Translator</dc:creator>
        <meta refines="#c4" property="role">trl</meta>
        <dc:creator>Unroled Writer</dc:creator>
        """)
    #expect(read.metadata.authors == ["Ada Finch", "Nell Gale", "Unroled Writer"])
    let noAuthors = try package(
      metadata: """
        <dc:creator opf:role="edt">Editor One</dc:creator>
        <dc:creator opf:role="ill">Illustrator Two</dc:creator>
        """)
    #expect(noAuthors.metadata.authors == ["Editor One", "Illustrator Two"])
  }

  @Test func aDocumentThatIsNoPackageOrHasNoSpineIsBadInput() throws {
    let xml = "<?xml version=\"1.0\"?>\n<container>\n</container>"
    let notPackage = failure {
      try EpubPackage(XMLTree(data: Data(xml.utf8), file: file), path: "OEBPS/content.opf", file: file)
    }
    #expect(notPackage?.kind == .badInput)
    #expect(notPackage?.message == "is not an EPUB package document: its root element is <container>, not <package>")
    #expect(notPackage?.file == file && notPackage?.line == 2)
    let noSpine = failure { try package(rest: "") }
    #expect(noSpine?.kind == .badInput)
    #expect(noSpine?.message == "has no <spine>, so the reading order is unknown")
    #expect(noSpine?.line == 2)
  }

  @Test func aSpineEntryTheManifestLacksIsNamedWithItsLine() throws {
    let missing = failure {
      try package(
        manifest: "<item id=\"a\" href=\"a.xhtml\" media-type=\"application/xhtml+xml\"/>",
        rest: "<spine>\n<itemref idref=\"a\"/>\n<itemref idref=\"gone\"/>\n</spine>")
    }
    #expect(missing?.kind == .badInput)
    #expect(missing?.message == "the spine names item 'gone', which the manifest does not list")
    #expect(missing?.file == file && missing?.line == 11)
  }

  /// Of two items with one id, the spine takes the first.
  @Test func aRepeatedIdMeansTheFirstItem() throws {
    let read = try package(
      manifest: """
        <item id="a" href="first.xhtml" media-type="application/xhtml+xml"/>
        <item id="a" href="second.xhtml" media-type="application/xhtml+xml"/>
        """,
      rest: "<spine><itemref idref=\"a\"/></spine>")
    #expect(read.manifest.count == 2)
    #expect(read.spine.map(\.item.path) == ["OEBPS/first.xhtml"])
  }
}
