import Foundation
import Testing

@testable import AudiobookKit

@Suite struct PlainTextParserTests {
  func parse(_ text: String, file: String = "book.txt") throws -> Book {
    try PlainTextParser.parse(.init(file: file, format: .plainText, lines: text.components(separatedBy: "\n")))
  }

  @Test func titleBlockHeadingsAndHardWrappedParagraphs() throws {
    let book = try parse(
      """
      The Salt Road
      by June Marrow

      Chapter 1: Departure

      The cart left at dawn,
      heavy with salt.

      Nobody waved.

      CHAPTER II.
      The road turned north.
      """)
    #expect(book.title == "The Salt Road")
    #expect(book.author == "June Marrow")
    #expect(book.chapters.map(\.title) == ["Chapter 1: Departure", "CHAPTER II"])
    #expect(book.chapters.map(\.sourceLine) == [4, 11])
    #expect(book.chapters[0].paragraphs.map(\.text) == ["The cart left at dawn, heavy with salt.", "Nobody waved."])
    #expect(book.chapters[0].paragraphs.map(\.sourceLine) == [6, 9])
    #expect(book.chapters[1].paragraphs.map(\.text) == ["The road turned north."])
    #expect(book.chapters[1].paragraphs[0].sourceLine == 12)
    #expect(book.chapters[0].paragraphs.map(\.number) == [1, 2])
  }

  @Test func bookWithoutHeadingsIsOneChapterNamedAfterTheFile() throws {
    let book = try parse("It rained.\n\nIt stopped.", file: "/tmp/a-wet-week.txt")
    #expect(book.title == "A Wet Week")
    #expect(book.chapters.count == 1)
    #expect(book.chapters[0].title == "A Wet Week")
    #expect(book.chapters[0].paragraphs.count == 2)
  }

  @Test func bookWithTitleLineButNoHeadingsTakesItsTitle() throws {
    let book = try parse("Small Hours\n\nIt rained.\n\nIt stopped.")
    #expect(book.chapters.map(\.title) == ["Small Hours"])
    #expect(book.chapters[0].paragraphs.count == 2)
  }

  @Test func aFirstParagraphThatIsASentenceIsNotATitle() throws {
    let book = try parse("It rained all week.\n\nIt stopped.", file: "wet.txt")
    #expect(book.title == "Wet")
    #expect(book.chapters[0].paragraphs.count == 2)
  }

  @Test func paragraphIDsAreStableAndUnique() throws {
    let first = try parse("Chapter 1\n\nSame.\n\nSame.\n\nOther.")
    let edited = try parse("Chapter 1\n\nNew first.\n\nSame.\n\nSame.\n\nOther.")
    let ids = first.chapters[0].paragraphs.map(\.id)
    #expect(Set(ids).count == 3)
    #expect(ids[1] == ids[0] + "-2")
    #expect(Array(edited.chapters[0].paragraphs.map(\.id).dropFirst()) == ids)
  }

  @Test func onlyHeadingsIsNoBook() {
    let error = #expect(throws: AudiobookError.self) { try parse("Chapter 1\n\nChapter 2") }
    #expect(error?.kind == .badInput)
  }
}

@Suite struct GutenbergTextTests {
  @Test func licenceIsDroppedAndHeaderRead() throws {
    let text = """
      The Project Gutenberg eBook of Salt
      Title: Salt and Stone
      Author: June Marrow

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
    #expect(book.chapters.map(\.title) == ["Chapter 1"])
    #expect(book.chapters[0].sourceLine == 7)
    #expect(book.chapters[0].paragraphs.map(\.text) == ["The cart left."])
    #expect(book.chapters[0].paragraphs[0].sourceLine == 9)
  }
}

@Suite struct PrintMatterTests {
  @Test func illustrationsPagesAndFrontMatterAreNotRead() throws {
    let text = """
      Title: Salt and Stone
      Author: June Marrow
      *** START OF THE PROJECT GUTENBERG EBOOK SALT AND STONE ***

                SALT AND STONE
                   by June Marrow

         [Illustration:
             _To my sister_
                 ]

      PREFACE.

      [Illustration]

      This book was _written_ at sea.

      [Illustration: List of Illustrations.]

                                                    PAGE
      Frontispiece                                    iv

      Heading to Chapter I.                            1

      [Illustration: ·SALT AND STONE·


      Chapter I.]

      The cart left at dawn.

      CHAPTER II.

      It rained. [Illustration: A cart in the rain] It stopped.
      *** END OF THE PROJECT GUTENBERG EBOOK SALT AND STONE ***
      """
    let book = try PlainTextParser.parse(
      .init(file: "pg.txt", format: .plainText, lines: text.components(separatedBy: "\n")))
    #expect(book.chapters.map(\.title) == ["PREFACE", "Chapter I", "CHAPTER II"])
    #expect(
      book.chapters.map { $0.paragraphs.map(\.text) } == [
        ["This book was written at sea."], ["The cart left at dawn."], ["It rained.  It stopped."],
      ])
    #expect(book.chapters[1].sourceLine == 28)
  }

  static let prideAndPrejudice = TestSupport.repository.deletingLastPathComponent()
    .appendingPathComponent("shared/books/pride-and-prejudice.txt")

  /// Chapters I to LXI, each once, in order, with the preface besides.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: prideAndPrejudice.path)))
  func prideAndPrejudiceHasItsSixtyOneChapters() throws {
    let book = try BookReader.read(Self.prideAndPrejudice.path)
    #expect(book.title == "Pride and Prejudice")
    #expect(book.author == "Jane Austen")
    #expect(book.chapters.first?.title == "PREFACE")
    let numbers = book.chapters.dropFirst().map { ChapterHeading.parse($0.title)?.number }
    #expect(numbers == Array(1...61))
  }
}
