import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookBook
@testable import AudiobookPublish
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
    #expect(book.chapters.map(\.title) == ["Chapter 1: Departure", "Chapter II"])
    #expect(book.chapters.map(\.sourceLine) == [4, 11])
    #expect(book.chapters[0].paragraphs.map(\.text) == ["The cart left at dawn, heavy with salt.", "Nobody waved."])
    #expect(book.chapters[0].paragraphs.map(\.sourceLine) == [6, 9])
    #expect(book.chapters[1].paragraphs.map(\.text) == ["The road turned north."])
    #expect(book.chapters[1].paragraphs[0].sourceLine == 12)
    #expect(book.chapters[0].paragraphs.map(\.number) == [1, 2])
  }

  /// A short opening line is the title only when it could be one: speech and several
  /// sentences are the story's first paragraph, and read as such.
  @Test(arguments: ["Hello there. How are you?", "“Wake up!”", "— Who goes there", "Who Is Sylvia?"])
  func anOpeningLineIsATitleOnlyWhenItCouldBeOne(line: String) throws {
    let book = try parse("\(line)\n\nFine.", file: "/tmp/a-wet-week.txt")
    if line == "Who Is Sylvia?" {
      #expect(book.title == line)
      #expect(book.chapters[0].paragraphs.map(\.text) == ["Fine."])
    } else {
      #expect(book.title == "A Wet Week")
      #expect(book.chapters[0].paragraphs.map(\.text) == [line, "Fine."])
    }
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

  /// A letter or numeral alone is a chapter only where the numbering bears it out.
  @Test func aLetterAloneThatDoesNotFitTheNumberingIsProse() throws {
    let book = try parse(
      """
      Chapter 3

      The grades were posted.

      C.

      That was hers.

      Chapter 4

      I

      am here, she wrote.

      I.

      It was late.
      """)
    #expect(book.chapters.map(\.title) == ["Chapter 3", "Chapter 4"])
    #expect(book.chapters[0].paragraphs.map(\.text) == ["The grades were posted.", "C.", "That was hers."])
    #expect(book.chapters[1].paragraphs.map(\.text) == ["I", "am here, she wrote.", "I.", "It was late."])
  }

  @Test func numeralsAloneThatCountUpAreChapters() throws {
    let book = try parse("Tides\n\nI\n\nLow water.\n\nII\n\nHigh water.\n\nIII.\n\nSlack water.")
    #expect(book.chapters.map(\.title) == ["I", "II", "III"])
    #expect(book.chapters.map(\.paragraphs.count) == [1, 1, 1])
  }

  @Test func olderGutenbergMarkersAndClosingLine() throws {
    for (start, end) in [
      ("***START OF THE PROJECT GUTENBERG EBOOK SALT***", "***END OF THE PROJECT GUTENBERG EBOOK SALT***"),
      ("*** START OF THIS PROJECT GUTENBERG EBOOK SALT ***", "*** END OF THIS PROJECT GUTENBERG EBOOK SALT ***"),
      (
        "*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*",
        "***END OF THE PROJECT GUTENBERG EBOOK SALT***"
      ),
    ] {
      let text = """
        Title: Salt and Stone
        Author: June Marrow

        Licence text.

        \(start)

        Chapter 1

        The cart left.

        End of the Project Gutenberg EBook of Salt and Stone, by June
        Marrow

        \(end)

        Licence text that nobody should hear.
        """
      let book = try parse(text)
      #expect(book.title == "Salt and Stone", "\(start)")
      #expect(book.chapters.map(\.title) == ["Chapter 1"], "\(start)")
      #expect(book.chapters.flatMap { $0.paragraphs.map(\.text) } == ["The cart left."], "\(start)")
    }
  }

  @Test func endOfProjectGutenbergsLineIsNotRead() throws {
    let book = try parse(
      """
      *** START OF THE PROJECT GUTENBERG EBOOK SALT ***

      Chapter 1

      The cart left.

      End of Project Gutenberg's Salt and Stone, by June Marrow

      *** END OF THE PROJECT GUTENBERG EBOOK SALT ***
      """)
    #expect(book.chapters[0].paragraphs.map(\.text) == ["The cart left."])
  }

  @Test func onlyHeadingsIsNoBook() {
    let error = #expect(throws: AudiobookError.self) { try parse("Chapter 1\n\nChapter 2") }
    #expect(error?.kind == .badInput)
  }

  /// Chapter 2 runs on into its text with a title that reads like a sentence; the numbering,
  /// 1 then 3, says it is a heading. A sentence opening "Chapter 5 was" stays prose.
  @Test func theNumberingFindsAHeadingReadAsText() throws {
    let book = try parse(
      """
      Nets

      CHAPTER 1. Departure.

      The boat left before dawn.

      CHAPTER 2. Of Harbours, Walls, and the Ways of Old Men Who Mend Them.
      The wall was older than the town.

      Chapter 5 was never written, they said.

      CHAPTER 3. Nets.

      The nets came up empty twice.
      """)
    #expect(book.chapters.map(\.sourceLine) == [3, 7, 12])
    #expect(book.chapters[1].title == "Chapter 2: Of Harbours, Walls, and the Ways of Old Men Who Mend Them")
    #expect(
      book.chapters[1].paragraphs.map(\.text) == [
        "The wall was older than the town.", "Chapter 5 was never written, they said.",
      ])
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
    #expect(book.chapters.map(\.title) == ["Preface", "Chapter I", "Chapter II"])
    #expect(
      book.chapters.map { $0.paragraphs.map(\.text) } == [
        ["This book was written at sea."], ["The cart left at dawn."], ["It rained. It stopped."],
      ])
    #expect(book.chapters[1].sourceLine == 28)
  }

  /// Every heading convention of real books in one manuscript: a table of contents, parts
  /// that group chapters, titles on the heading's line or the next, numerals alone, letters.
  @Test func headingConventionsOfRealBooks() throws {
    let text = """
      The Salt Road
      by Ada Quill

      CONTENTS

      Chapter I. The Harbour
      Chapter II. The Hill

      PART ONE

      The harbour had been quiet for a year.

      CHAPTER I.
      The Harbour

      Nets hung on every rail.

      Chapter II.

      THE HILL

      The hill road was steep.

      BOOK II

      Chapter 3: Loomings

      Call me Tom.

      IV

      It rained.

      V.
      Stones and Bread

      The bread was hard.

      Letter 1

      Dear Ann, I write from the ship.

      Chapter one was the best part, she said.

      Epilogue

      The end.
      """
    let book = try PlainTextParser.parse(
      .init(file: "book.txt", format: .plainText, lines: text.components(separatedBy: "\n")))
    #expect(
      book.chapters.map(\.title) == [
        "Part One", "Chapter I: The Harbour", "Chapter II: The Hill", "Chapter 3: Loomings", "IV",
        "V. Stones and Bread", "Letter 1", "Epilogue",
      ])
    #expect(
      book.chapters.map(\.part) == [
        "Part One", "Part One", "Part One", "Book II", "Book II", "Book II", "Book II", "Book II",
      ])
    #expect(book.chapters.map(\.opensPart) == [false, false, false, true, false, false, false, false])
    #expect(book.chapters.map(\.sourceLine) == [9, 13, 18, 26, 30, 34, 39, 45])
    #expect(book.chapters[0].paragraphs.map(\.text) == ["The harbour had been quiet for a year."])
    #expect(book.chapters[1].paragraphs.map(\.text) == ["Nets hung on every rail."])
    #expect(book.chapters[2].paragraphs.map(\.text) == ["The hill road was steep."])
    // "Chapter one was ..." is prose inside the letter.
    #expect(book.chapters[6].paragraphs.count == 2)
  }

  static let prideAndPrejudice = TestSupport.repository.deletingLastPathComponent()
    .appendingPathComponent("shared/books/pride-and-prejudice.txt")

  /// Chapters I to LXI, each once, in order, with the preface besides.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: prideAndPrejudice.path)))
  func prideAndPrejudiceHasItsSixtyOneChapters() throws {
    let book = try BookReader.read(Self.prideAndPrejudice.path)
    #expect(book.title == "Pride and Prejudice")
    #expect(book.author == "Jane Austen")
    #expect(book.chapters.first?.title == "Preface")
    let numbers = book.chapters.dropFirst().map { ChapterHeading.parse($0.title)?.number }
    #expect(numbers == Array(1...61))
  }
}
