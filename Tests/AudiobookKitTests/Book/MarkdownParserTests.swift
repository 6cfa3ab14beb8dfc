import Testing

@testable import AudiobookCore
@testable import AudiobookBook

@Suite struct MarkdownParserTests {
  func parse(_ text: String) throws -> Book {
    try MarkdownParser.parse(.init(file: "book.md", format: .markdown, lines: text.components(separatedBy: "\n")))
  }

  @Test func frontMatterTitleHeadingAndChapters() throws {
    let book = try parse(
      """
      ---
      title: Glass Harbour
      author: Tom Reed
      voice: narrator-us
      ---
      # Glass Harbour

      ## One

      The *tide* was **out**, and [the boats](https://example.com) lay on their sides.
      ![a harbour](harbour.png)

      <!-- note to self:
      fix this -->
      ```
      let code = "not read"
      ```
      ## Two

      - Gulls.
      """)
    #expect(book.title == "Glass Harbour")
    #expect(book.author == "Tom Reed")
    #expect(book.voice == "narrator-us")
    #expect(book.chapters.map(\.title) == ["One", "Two"])
    #expect(book.chapters[0].paragraphs.map(\.text) == ["The tide was out, and the boats lay on their sides."])
    #expect(book.chapters[0].sourceLine == 8)
    #expect(book.chapters[0].paragraphs[0].sourceLine == 10)
    #expect(book.chapters[1].paragraphs.map(\.text) == ["Gulls."])
  }

  @Test func severalTopLevelHeadingsAreChapters() throws {
    let book = try parse("# First\n\nA.\n\n# Second\n\n## A section\n\nB.")
    #expect(book.chapters.map(\.title) == ["First", "Second"])
    #expect(book.chapters[1].paragraphs.map(\.text) == ["A section", "B."])
  }

  @Test func malformedFrontMatterNamesTheFile() {
    let error = #expect(throws: AudiobookError.self) { try parse("---\ntitle: [unclosed\n---\n\nText.") }
    #expect(error?.kind == .badInput)
    #expect(error?.file == "book.md")
  }

  @Test func commonMarkConstructsReadAsTheirText() throws {
    let book = try parse(
      """
      Harbour Lights
      ==============

      The *tide* was out<!-- check this -->, and `nets` hung on [every rail][rails].
      Gulls called.<br>

      > A quoted line.
      >
      > > And a nested one.

      1. Mend the nets.
      2. Sell the fish.

      <div>HTML blocks are not read.</div>

          indented code is not read

      ***

      ![](lamp.png) The lamp was lit.

      [rails]: https://example.com
      """)
    #expect(book.chapters.map(\.title) == ["Harbour Lights"])
    #expect(
      book.chapters[0].paragraphs.map(\.text) == [
        "The tide was out, and nets hung on every rail. Gulls called.", "A quoted line.", "And a nested one.",
        "1. Mend the nets.", "2. Sell the fish.", "The lamp was lit.",
      ])
    #expect(book.chapters[0].paragraphs.map(\.sourceLine) == [4, 7, 9, 11, 12, 20])
    #expect(book.chapters[0].paragraphs[0].lastLine == 5)
  }

  /// Footnotes in the Pandoc and GitHub form are not read: neither the reference nor the note.
  @Test func footnotesAreNotRead() throws {
    let markdown = """
      # Book

      ## One

      She laughed.[^1] Then she left [^long-note], quietly.

      [^1]: A note about laughing,
          over two lines.

      [^long-note]: Short

      A [link](https://example.com) reads as its text.
      """
    let book = try parse(markdown)
    #expect(
      book.chapters.flatMap(\.paragraphs).map(\.text) == [
        "She laughed. Then she left, quietly.", "A link reads as its text.",
      ])
  }

  @Test func topLevelPartsGroupSecondLevelChapters() throws {
    let book = try parse("# Part One\n\n## Arrival\n\nA.\n\n## Storm\n\nB.\n\n# Part Two\n\n## Home\n\nC.")
    #expect(book.chapters.map(\.title) == ["Arrival", "Storm", "Home"])
    #expect(book.chapters.map(\.part) == ["Part One", "Part One", "Part Two"])
    #expect(book.chapters.map(\.opensPart) == [true, false, true])
  }

  @Test func frontMatterChoosesTheChapterLevel() throws {
    let book = try parse("---\nchapter-level: 3\n---\n# Book\n\n## Act\n\n### Scene 1\n\nA.\n\n### Scene 2\n\nB.")
    #expect(book.chapters.map(\.title) == ["Scene 1", "Scene 2"])
    let error = #expect(throws: AudiobookError.self) { try parse("---\nchapter-level: 9\n---\n\nText.") }
    #expect(error?.kind == .badInput)
    #expect(error?.line == 2)
  }

  @Test func spansWithALanguageMarkForeignWords() throws {
    let book = try parse(
      """
      # One

      On Tuesday <span lang="fr">Valérie</span> came, *<span xml:lang='de'>Herr Gruber</span>* too.

      A <span class="x">plain</span> span and <span lang="it">an open one.
      """)
    #expect(book.chapters[0].paragraphs[0].text == "On Tuesday Valérie came, Herr Gruber too.")
    #expect(book.foreignPhrases.map(\.text) == ["Valérie", "Herr Gruber"])
    #expect(book.foreignPhrases.map(\.language) == ["fr", "de"])
    #expect(book.foreignPhrases.first?.line == 3)
  }
}
