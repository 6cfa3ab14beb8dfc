import Testing

@testable import AudiobookBook

@Suite struct GutenbergTextTests {
  /// Through the plain-text parser: the licence is not read, the header gives title and author.
  @Test func licenceIsDroppedAndHeaderRead() throws {
    let text = """
      The Project Gutenberg eBook of Salt
      Title: Salt and Stone
      Author: June Marrow
      Language: English

      *** START OF THE PROJECT GUTENBERG EBOOK SALT AND STONE ***

      Chapter 1

      The cart left.

        *** END OF THE PROJECT GUTENBERG EBOOK SALT AND STONE ***

      Licence text that nobody should hear.
      """
    let book = try PlainTextParser.parse(
      .init(file: "pg.txt", format: .plainText, lines: text.components(separatedBy: "\n")))
    #expect(book.title == "Salt and Stone")
    #expect(book.author == "June Marrow")
    #expect(book.language == "en")
    #expect(book.chapters.map(\.title) == ["Chapter 1"])
    #expect(book.chapters[0].sourceLine == 8)
    #expect(book.chapters[0].paragraphs.map(\.text) == ["The cart left."])
    #expect(book.chapters[0].paragraphs[0].sourceLine == 10)
  }

  @Test func theBodyLiesBetweenTheMarkersWithTheHeadersTitleAndAuthor() throws {
    let lines = [
      "The Project Gutenberg eBook of Harbour Lights", "", "Title:   Harbour Lights  ", "Author: Ada Finch",
      "Release date: 1 May 2020", "", "*** START OF THE PROJECT GUTENBERG EBOOK HARBOUR LIGHTS ***", "",
      "CHAPTER I", "", "The fog came in.", "", "*** END OF THE PROJECT GUTENBERG EBOOK HARBOUR LIGHTS ***",
      "Licence text.",
    ]
    let body = try #require(GutenbergText.body(of: lines))
    #expect(Array(body.lines) == ["", "CHAPTER I", "", "The fog came in.", ""])
    // The slice keeps the book's own line numbers.
    #expect(body.lines.startIndex == 7)
    #expect(body.title == "Harbour Lights")
    #expect(body.author == "Ada Finch")
  }

  @Test func withoutAStartMarkerThereIsNoBody() {
    #expect(GutenbergText.body(of: ["Title: Harbour Lights", "", "The fog came in."]) == nil)
    // "START OF" in prose, without the asterisks, is no marker.
    #expect(GutenbergText.body(of: ["START OF THE PROJECT GUTENBERG EBOOK X", "Text."]) == nil)
  }

  @Test(arguments: [
    "*** START OF THE PROJECT GUTENBERG EBOOK X ***", "***START OF THE PROJECT GUTENBERG EBOOK X***",
    "  *** START OF THIS PROJECT GUTENBERG EBOOK X ***", "***** start of this project gutenberg ebook x *****",
    "*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*",
  ])
  func everyWayOfWritingTheStartMarker(marker: String) throws {
    let body = try #require(GutenbergText.body(of: ["Header", marker, "Text.", "***END OF THE PROJECT ***", "x"]))
    #expect(Array(body.lines) == ["Text."])
  }

  @Test func withoutAnEndMarkerTheBodyRunsToTheEnd() throws {
    let body = try #require(GutenbergText.body(of: ["*** START OF THE EBOOK ***", "One.", "", "Two."]))
    #expect(Array(body.lines) == ["One.", "", "Two."])
    #expect(body.title == nil && body.author == nil)
  }

  /// The `End of the Project Gutenberg EBook` paragraph older texts print before the end
  /// marker is dropped with the blank lines after it; a paragraph like it earlier is kept.
  @Test func theClosingLineBeforeTheEndMarkerIsNotPartOfTheBook() throws {
    for closing in [
      "End of the Project Gutenberg EBook of Harbour Lights", "End of Project Gutenberg's Harbour Lights",
    ] {
      let body = try #require(
        GutenbergText.body(of: ["*** START OF X ***", "Last words.", "", "", closing, "", "*** END OF X ***"]))
      #expect(Array(body.lines) == ["Last words.", "", ""], "\(closing)")
    }
    let kept = try #require(
      GutenbergText.body(of: ["*** START OF X ***", "End of the Project Gutenberg EBook", "", "More.", "*** END OF X"]))
    #expect(Array(kept.lines) == ["End of the Project Gutenberg EBook", "", "More."])
  }
}
