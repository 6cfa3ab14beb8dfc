import EpubTestSupport
import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookBook

@Suite struct EpubParserTests {
  /// Writes `epub` to a scratch folder and reads it back.
  func read(_ epub: EpubFile, includeFrontMatter: Bool = false) throws -> Book {
    try TestSupport.withScratchFolder { folder in
      let path = try epub.write(to: folder.appendingPathComponent("book.epub").path)
      return try EpubParser.parse(path, includeFrontMatter: includeFrontMatter)
    }
  }

  /// The error reading `epub` gives, with the scratch folder's path taken out of its text.
  func failure(_ epub: EpubFile) throws -> AudiobookError? {
    try TestSupport.withScratchFolder { folder in
      let path = try epub.write(to: folder.appendingPathComponent("book.epub").path)
      guard var error = #expect(throws: AudiobookError.self, performing: { try EpubParser.parse(path) }) else {
        return nil
      }
      error.file = error.file?.replacingOccurrences(of: path, with: "book.epub")
      return error
    }
  }

  @Test func epub3WithNavigationDocument() throws {
    let book = try read(EpubSamples.epub3)
    #expect(book.title == "The Salt Road")
    #expect(book.author == "Ada Quill")
    #expect(book.language == "en")
    #expect(book.publisher == "Harbour & Lamp")
    #expect(book.date == "2021-03-04")
    // The cover, the navigation document and the copyright page are skipped; the title page,
    // which no entry points to, is a chapter of its own, titled by its heading.
    #expect(
      book.chapters.map(\.title) == [
        "The Salt Road", "Chapter 1: The Letter", "Chapter 2: The Crossing", "Chapter 3: The Keeper",
      ])
    #expect(book.chapters.map(\.paragraphs.count) == [1, 2, 1, 2])
    #expect(book.chapters[0].paragraphs[0].text == "Ada Quill")
    // Headings are the chapter's title, not read again.
    #expect(
      book.chapters[1].paragraphs.map(\.text) == [
        "The letter came on a Tuesday, folded twice and smelling of the sea.",
        "Mara read it at the window while the kettle sang.",
      ])
    #expect(book.chapters[2].paragraphs[0].text == "The ferry left at dawn — grey water, grey sky.")
    // A document no entry points to continues the chapter before it.
    #expect(book.chapters[3].paragraphs[1].text == "He took her bag without a word.")
  }

  @Test func frontMatterWhenAsked() throws {
    let book = try read(EpubSamples.epub3, includeFrontMatter: true)
    // The cover holds only an image, so it has nothing to read; the contents are read as a
    // list. Before the first entry, each document is a chapter: the copyright page, without
    // a heading, takes the book's title.
    #expect(
      book.chapters.map(\.title) == [
        "Contents", "The Salt Road", "The Salt Road", "Chapter 1: The Letter", "Chapter 2: The Crossing",
        "Chapter 3: The Keeper",
      ])
    #expect(
      book.chapters[0].paragraphs.map(\.text) == [
        "1. Cover", "2. Chapter 1: The Letter", "3. Chapter 2: The Crossing", "4. Chapter 3: The Keeper",
      ])
    #expect(book.chapters[1].paragraphs.map(\.text) == ["Ada Quill"])
    #expect(book.chapters[2].paragraphs.map(\.text) == ["Copyright 2021 Ada Quill. All rights reserved."])
  }

  /// Lines count through the linear spine documents as if they were one file, front matter
  /// included whether it is read or not, so the flag does not move them.
  @Test func linesCountThroughTheSpine() throws {
    let epub = EpubSamples.epub3
    let book = try read(epub)
    let withFrontMatter = try read(epub, includeFrontMatter: true)
    let ch1 = try #require(book.chapters.first { $0.title == "Chapter 1: The Letter" })
    let again = try #require(withFrontMatter.chapters.first { $0.title == "Chapter 1: The Letter" })
    #expect(ch1.paragraphs.map(\.sourceLine) == again.paragraphs.map(\.sourceLine))
    // Spine: cover, nav, titlepage, copyright, ch1. Each `EpubFile.xhtml` document ends with a newline.
    let linesBefore = [
      epub.documents[0].xhtml, epub.navigationDocument, epub.documents[1].xhtml, epub.documents[2].xhtml,
    ]
    .reduce(0) { $0 + $1.filter { $0 == "\n" }.count }
    let ch1Lines = epub.documents[3].xhtml.split(separator: "\n", omittingEmptySubsequences: false)
    let firstParagraph = try #require(ch1Lines.firstIndex { $0.hasPrefix("<p>The letter came") })
    #expect(ch1.paragraphs[0].sourceLine == linesBefore + firstParagraph + 1)
    #expect(ch1.sourceLine == linesBefore + firstParagraph - 1)  // the <h1>
    #expect(ch1.paragraphs[0].lastLine == ch1.paragraphs[0].sourceLine)
  }

  /// Words an element marks as another language's name their own document and line.
  @Test func marksOfAnotherLanguageNameTheirDocument() throws {
    var epub = EpubSamples.epub3
    epub.documents[3].xhtml = epub.documents[3].xhtml.replacingOccurrences(
      of: "<p>The letter came", with: "<p><span xml:lang=\"fr\">Valérie</span> said the letter came")
    let book = try read(epub)
    let mark = try #require(book.foreignPhrases.first)
    #expect(mark.text == "Valérie" && mark.language == "fr")
    #expect(mark.file.hasSuffix("book.epub!OEBPS/" + epub.documents[3].name), "\(mark.file)")
    let lines = epub.documents[3].xhtml.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(mark.line == (lines.firstIndex { $0.contains("Valérie") } ?? -1) + 1)
  }

  @Test func epub2WithNCX() throws {
    let book = try read(EpubSamples.epub2)
    #expect(book.title == "Lanterns")
    #expect(book.author == "Tom Reed")
    #expect(book.language == "en-GB")
    #expect(book.date == "1998")
    // The guide's cover is skipped; a part is a chapter with its title only.
    #expect(book.chapters.map(\.title) == ["Part One", "One", "Two"])
    #expect(book.chapters.map(\.paragraphs.count) == [0, 2, 1])
    #expect(
      book.chapters[1].paragraphs[0].text
        == "The lanterns were lit at six o’clock, one by one, down the length of the quay.")
  }

  @Test func footnotesEndnotesAndNonLinearDocumentsAreNotRead() throws {
    let book = try read(EpubSamples.footnotes)
    #expect(book.chapters.map(\.title) == ["Spring Tides"])
    #expect(
      book.chapters[0].paragraphs.map(\.text) == [
        "Spring tides have nothing to do with spring. They come with the full moon.",
        "Neap tides come between them.",
      ])
  }

  @Test func fragmentsSplitADocumentIntoChapters() throws {
    let book = try read(EpubSamples.fragments)
    #expect(book.language == "fr")
    #expect(book.chapters.map(\.title) == ["Saltby", "Quayford", "Lowmoor"])
    #expect(
      book.chapters.map { $0.paragraphs.map(\.text) } == [
        ["Saltby has a harbour wall and a bakery."],
        ["Quayford has a lifeboat and a chapel.", "Its chapel bell is cracked."],
        ["Lowmoor has neither, but it has the best light.", "That is all of them."],
      ])
  }

  @Test func withoutATableOfContentsEveryDocumentIsAChapter() throws {
    var epub = EpubSamples.epub2
    epub.toc = []
    epub.landmarks = []
    // `cover.html` is front matter by its name alone.
    #expect(try read(epub).chapters.map(\.title) == ["Part One", "One", "Two"])
    let book = try read(epub, includeFrontMatter: true)
    #expect(book.chapters.map(\.title) == ["Lanterns", "Part One", "One", "Two"])
    #expect(book.chapters[0].paragraphs.map(\.text) == ["A novel by Tom Reed"])
  }

  // MARK: Broken EPUBs

  @Test func noContainer() throws {
    var epub = EpubSamples.epub3
    epub.omitting = ["META-INF/container.xml"]
    let error = try failure(epub)
    #expect(error?.kind == .badInput)
    #expect(error?.file == "book.epub")
    #expect(error?.message.contains("META-INF/container.xml") ?? false)
  }

  @Test func packageDocumentMissing() throws {
    var epub = EpubSamples.epub3
    epub.omitting = ["OEBPS/content.opf"]
    let error = try failure(epub)
    #expect(error?.kind == .badInput)
    #expect(error?.message.contains("'OEBPS/content.opf'") ?? false)
  }

  @Test func packageDocumentMalformed() throws {
    var epub = EpubSamples.epub3
    epub.replacing["OEBPS/content.opf"] = Data("<?xml version=\"1.0\"?>\n<package>\n<metadata>\n</package>\n".utf8)
    let error = try failure(epub)
    #expect(error?.kind == .badInput)
    #expect(error?.file == "book.epub!OEBPS/content.opf")
    #expect(error?.line == 4)
  }

  @Test func spineItemMissing() throws {
    var epub = EpubSamples.epub3
    epub.omitting = ["OEBPS/ch2.xhtml"]
    let error = try failure(epub)
    #expect(error?.kind == .badInput)
    #expect(error?.file == "book.epub!OEBPS/content.opf")
    #expect(error?.message.contains("'OEBPS/ch2.xhtml'") ?? false)
  }

  @Test func contentDocumentThatDoesNotParse() throws {
    var epub = EpubSamples.epub3
    epub.replacing["OEBPS/ch2.xhtml"] = Data(
      EpubFile.xhtml("<p>The ferry left at dawn.</p>\n<p>Grey water<br>grey sky.</p>").utf8)
    let error = try failure(epub)
    #expect(error?.kind == .badInput)
    #expect(error?.file == "book.epub!OEBPS/ch2.xhtml")
    #expect(error?.line == 10)
  }

  @Test func drmIsRefused() throws {
    var epub = EpubSamples.epub3
    epub.replacing["META-INF/encryption.xml"] = Data(
      """
      <encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
        <enc:EncryptedData>
          <enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
          <enc:CipherData><enc:CipherReference URI="OEBPS/ch1.xhtml"/></enc:CipherData>
        </enc:EncryptedData>
      </encryption>
      """.utf8)
    let error = try failure(epub)
    #expect(error?.kind == .badInput)
    #expect(error?.message.contains("DRM") ?? false)
    #expect(error?.message.contains("OEBPS/ch1.xhtml") ?? false)
  }

  /// Font obfuscation is not DRM: the book reads.
  @Test func obfuscatedFontsAreNotDRM() throws {
    var epub = EpubSamples.epub3
    epub.replacing["META-INF/encryption.xml"] = Data(
      """
      <encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
        <enc:EncryptedData>
          <enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/>
          <enc:CipherData><enc:CipherReference URI="OEBPS/fonts/serif.otf"/></enc:CipherData>
        </enc:EncryptedData>
      </encryption>
      """.utf8)
    #expect(try read(epub).chapters.count == 4)
  }
}
