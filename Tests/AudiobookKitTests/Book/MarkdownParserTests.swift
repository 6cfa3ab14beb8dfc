import Testing

@testable import AudiobookKit

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
}
