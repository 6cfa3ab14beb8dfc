import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookBook

@Suite struct EpubPackageMetadataTests {
  func metadata(_ inner: String, manifest: String = "") throws -> EpubPackage {
    let xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <package xmlns="http://www.idpf.org/2007/opf" version="3.0">
        <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
          \(inner)
        </metadata>
        <manifest>\(manifest)</manifest>
        <spine/>
      </package>
      """
    return try EpubPackage(XMLTree(data: Data(xml.utf8), file: "b.opf"), path: "OEBPS/content.opf", file: "b.opf")
  }

  /// EPUB 3: roles and title types as refinements, the series as a collection with its position.
  @Test func epub3RefinementsGiveNarratorsSubtitleAndSeries() throws {
    let read = try metadata(
      """
      <dc:title id="t1">Harbour Lights</dc:title>
      <meta refines="#t1" property="title-type">main</meta>
      <dc:title id="t2">A Winter Account</dc:title>
      <meta refines="#t2" property="title-type">subtitle</meta>
      <dc:creator id="a1">Ida Marsh</dc:creator>
      <meta refines="#a1" property="role" scheme="marc:relators">aut</meta>
      <dc:creator id="n1">Ruth Vale</dc:creator>
      <meta refines="#n1" property="role" scheme="marc:relators">nrt</meta>
      <meta property="belongs-to-collection" id="s1">Harbour Tales</meta>
      <meta refines="#s1" property="collection-type">series</meta>
      <meta refines="#s1" property="group-position">3</meta>
      <dc:subject>Fiction</dc:subject>
      <dc:subject>Sea stories</dc:subject>
      <dc:identifier id="uid">urn:uuid:0d1e</dc:identifier>
      <dc:identifier>urn:isbn:9780306406157</dc:identifier>
      <dc:description>&lt;p&gt;A keeper counts ships.&lt;/p&gt;&lt;p&gt;Then the ships count &lt;i&gt;him&lt;/i&gt;.&lt;/p&gt;</dc:description>
      """,
      manifest: #"<item id="c" href="img/front.png" media-type="image/png" properties="cover-image"/>"#)
    let found = read.metadata
    #expect(found.title == "Harbour Lights")
    #expect(found.subtitle == "A Winter Account")
    #expect(found.authors == ["Ida Marsh"])
    #expect(found.narrators == ["Ruth Vale"])
    #expect(found.series == "Harbour Tales")
    #expect(found.seriesPosition == "3")
    #expect(found.subjects == "Fiction, Sea stories")
    #expect(found.identifier == "9780306406157")
    #expect(
      found.description?.split(separator: "\n", omittingEmptySubsequences: true)
        == ["A keeper counts ships.", "Then the ships count him."])
    #expect(read.coverPath == "OEBPS/img/front.png")
  }

  /// EPUB 2 and Calibre: `opf:role`, `calibre:series`, the cover named by `<meta name="cover">`.
  @Test func epub2AndCalibreMetaGiveSeriesAndCover() throws {
    let read = try metadata(
      """
      <dc:title>Harbour Lights</dc:title>
      <dc:creator opf:role="aut">Ida Marsh</dc:creator>
      <dc:contributor opf:role="nrt">Ruth Vale</dc:contributor>
      <dc:identifier opf:scheme="ISBN">0-306-40615-2</dc:identifier>
      <meta name="calibre:series" content="Harbour Tales"/>
      <meta name="calibre:series_index" content="2.0"/>
      <meta name="cover" content="cover-img"/>
      """,
      manifest: #"<item id="cover-img" href="cover.jpeg" media-type="image/jpeg"/>"#)
    #expect(read.metadata.narrators == ["Ruth Vale"])
    #expect(read.metadata.series == "Harbour Tales")
    #expect(read.metadata.seriesPosition == "2.0")
    #expect(read.metadata.identifier == "0-306-40615-2")
    #expect(read.coverPath == "OEBPS/cover.jpeg")
  }

  /// With no author role anywhere, every creator but the narrators is an author.
  @Test func creatorsWithoutRolesAreAuthors() throws {
    let read = try metadata(
      """
      <dc:creator>Ida Marsh</dc:creator>
      <dc:creator opf:role="nrt">Ruth Vale</dc:creator>
      <dc:creator opf:role="ill">Tom Quill</dc:creator>
      """)
    #expect(read.metadata.authors == ["Ida Marsh"])
  }

  /// A `<` that opens no tag is text; markup escaped twice is removed, not published as text.
  @Test func descriptionsKeepTheirTextAndLoseTheirMarkup() throws {
    #expect(EpubPackage.plainText("Five < six, and so on.") == "Five < six, and so on.")
    #expect(EpubPackage.plainText("&lt;script&gt;alert(1)&lt;/script&gt; Calm.") == "alert(1) Calm.")
    #expect(EpubPackage.plainText("<p>One</p><p>Two</p>").split(separator: "\n") == ["One", "Two"])
    #expect(EpubPackage.plainText("Ends <b") == "Ends <b")
  }
}
