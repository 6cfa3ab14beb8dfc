import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookBook

@Suite struct EpubChapterCollectorTests {
  typealias Chapter = EpubChapterCollector.Chapter
  typealias Paragraph = EpubChapterCollector.Paragraph

  /// An XHTML document whose `body` starts on line 2.
  func document(_ body: String) throws -> XMLTree {
    let xml = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\n\(body)\n</body></html>"
    return try XMLTree(data: Data(xml.utf8), file: "book.epub!OEBPS/doc.xhtml")
  }

  func entry(_ title: String, _ fragment: String? = nil) -> EpubNavigation.Entry {
    EpubNavigation.Entry(title: title, path: "OEBPS/doc.xhtml", fragment: fragment)
  }

  func paragraph(_ text: String, _ line: Int) -> Paragraph { Paragraph(text: text, line: line, lastLine: line) }

  /// A document no entry points to continues the chapter before it; lines count on through
  /// the spine; a heading before the first paragraph is the chapter's title on the page.
  @Test func entriesStartChaptersAndUnlistedDocumentsContinueThem() throws {
    var collector = EpubChapterCollector(hasTableOfContents: true)
    collector.read(
      try document("<h1>Chapter 1</h1>\n<p>One.</p>"), entries: [entry("Chapter 1")], lineOffset: 0,
      includeFrontMatter: false)
    collector.read(try document("<p>Two.</p>"), entries: [], lineOffset: 10, includeFrontMatter: false)
    collector.read(
      try document("<h1>Chapter 2</h1>\n<p>Three.</p>\n<h2>A Later Heading</h2>"), entries: [entry("The Second")],
      lineOffset: 20, includeFrontMatter: false)
    #expect(
      collector.finished() == [
        Chapter(title: "Chapter 1", line: 2, paragraphs: [paragraph("One.", 3), paragraph("Two.", 12)]),
        Chapter(
          title: "The Second", line: 22,
          paragraphs: [paragraph("Three.", 23), paragraph("A Later Heading", 24)]),
      ])
  }

  /// Before the first entry (a title page, a dedication) each document is a chapter of its own,
  /// titled by its headings.
  @Test func beforeTheFirstEntryEachDocumentIsAChapter() throws {
    var collector = EpubChapterCollector(hasTableOfContents: true)
    collector.read(
      try document("<h1>Harbour Lights</h1>\n<h2>A Novel</h2>\n<p>Ada Finch</p>"), entries: [], lineOffset: 0,
      includeFrontMatter: false)
    collector.read(try document("<p>For Nell.</p>"), entries: [], lineOffset: 5, includeFrontMatter: false)
    collector.read(try document("<p>It began.</p>"), entries: [entry("One")], lineOffset: 9, includeFrontMatter: false)
    #expect(
      collector.finished() == [
        Chapter(title: "Harbour Lights: A Novel", line: 2, paragraphs: [paragraph("Ada Finch", 4)]),
        Chapter(title: "", line: 7, paragraphs: [paragraph("For Nell.", 7)]),
        Chapter(title: "One", line: 11, paragraphs: [paragraph("It began.", 11)]),
      ])
  }

  /// An entry with a fragment starts its chapter at the element with that id; one whose
  /// fragment no element has starts at the top of the document.
  @Test func aFragmentStartsAChapterInsideADocument() throws {
    var collector = EpubChapterCollector(hasTableOfContents: true)
    collector.read(
      try document("<h2>One</h2>\n<p>First.</p>\n<h2 id=\"two\">Two</h2>\n<p>Second.</p>"),
      entries: [entry("One"), entry("Two", "two"), entry("Ghost", "nowhere")], lineOffset: 0,
      includeFrontMatter: false)
    #expect(
      collector.finished() == [
        Chapter(title: "One: Ghost", line: 2, paragraphs: [paragraph("First.", 3)]),
        Chapter(title: "Two", line: 4, paragraphs: [paragraph("Second.", 5)]),
      ])
  }

  /// Entries at one place make one chapter: their titles joined once each, empty ones left
  /// out, at most `maximumJoinedTitles` of them.
  @Test func entriesAtOnePlaceJoinTheirTitles() throws {
    var collector = EpubChapterCollector(hasTableOfContents: true)
    let titles = ["Book I", "Part One", "Part One", "", "Chapter 1", "Section A", "Section B"]
    collector.read(
      try document("<p>Text.</p>"), entries: titles.map { entry($0) }, lineOffset: 0, includeFrontMatter: false)
    let chapters = collector.finished()
    #expect(chapters.map(\.title) == ["Book I: Part One: Chapter 1: Section A"])
    #expect(EpubChapterCollector.maximumJoinedTitles == 4)
  }

  /// Without a table of contents every document is a chapter, titled by its leading headings.
  @Test func withoutATableOfContentsEveryDocumentIsAChapter() throws {
    var collector = EpubChapterCollector(hasTableOfContents: false)
    collector.read(
      try document("<h1>Chapter 1</h1>\n<h2>The Letter</h2>\n<p>One.</p>"), entries: [], lineOffset: 0,
      includeFrontMatter: false)
    collector.read(try document("<p>Two.</p>"), entries: [], lineOffset: 5, includeFrontMatter: false)
    #expect(
      collector.finished() == [
        Chapter(title: "Chapter 1: The Letter", line: 2, paragraphs: [paragraph("One.", 4)]),
        Chapter(title: "", line: 7, paragraphs: [paragraph("Two.", 7)]),
      ])
  }

  /// A document with nothing to read (a cover image) makes no chapter and carries nothing
  /// into the next; a page of headings alone (a part page) is a chapter without paragraphs,
  /// whose file speaks its title alone.
  @Test func nothingToReadMakesNoChapter() throws {
    var collector = EpubChapterCollector(hasTableOfContents: true)
    collector.read(
      try document("<img src=\"cover.jpg\" alt=\"Cover\"/>"), entries: [entry("Cover")], lineOffset: 0,
      includeFrontMatter: false)
    collector.read(
      try document("<h1>Part One</h1>"), entries: [entry("Part One")], lineOffset: 3, includeFrontMatter: false)
    collector.read(
      try document("<p>It began.</p>"), entries: [entry("Chapter 1")], lineOffset: 6, includeFrontMatter: false)
    #expect(
      collector.finished() == [
        Chapter(title: "Part One", line: 5, paragraphs: []),
        Chapter(title: "Chapter 1", line: 8, paragraphs: [paragraph("It began.", 8)]),
      ])
    var empty = EpubChapterCollector(hasTableOfContents: false)
    empty.read(try document("<img src=\"a.jpg\"/>"), entries: [], lineOffset: 0, includeFrontMatter: false)
    #expect(empty.finished().isEmpty)
  }
}
