import Testing

@testable import AudiobookCore
@testable import AudiobookBook
@testable import AudiobookPublish
@testable import AudiobookKit

/// Tables of contents laid out in the ways Project Gutenberg texts do: none becomes a chapter
/// or is read.
@Suite struct TableOfContentsTests {
  func parse(_ text: String) throws -> Book {
    try PlainTextParser.parse(.init(file: "book.txt", format: .plainText, lines: text.components(separatedBy: "\n")))
  }

  static let gutenbergHeader = """
    Title: The Lamp Keeper
    Author: Ida Wick

    *** START OF THE PROJECT GUTENBERG EBOOK THE LAMP KEEPER ***

    THE LAMP KEEPER


    """ + "\n"

  /// One entry to a block, a line that is not a heading among them, then the book.
  @Test func oneEntryToABlock() throws {
    let book = try parse(
      Self.gutenbergHeader + """
        CONTENTS

        PREFACE.

        NOTES (Gathered by a Curious Reader).

        CHAPTER 1. The Lamp.

        CHAPTER 2. The Wick.

        Epilogue


        PREFACE.

        This book was written by lamplight.

        CHAPTER 1. The Lamp.

        The lamp was lit.

        CHAPTER 2. The Wick.

        The wick was trimmed.

        Epilogue

        It went out.
        """)
    #expect(book.chapters.map(\.title) == ["Preface", "Chapter 1: The Lamp", "Chapter 2: The Wick", "Epilogue"])
    #expect(book.chapters.map(\.paragraphs.count) == [1, 1, 1, 1])
  }

  /// `I.     The Lamp` lines under `Contents`, then stories whose sections are numerals alone.
  @Test func romanNumeralEntriesAndStoriesWithSections() throws {
    let book = try parse(
      Self.gutenbergHeader + """
        Contents

           I.     The Lamp
           II.    The Wick


        I. THE LAMP


        I.

        The lamp was lit.

        II.

        It burned all night.

        II. THE WICK


        I.

        The wick was trimmed.
        """)
    #expect(book.chapters.map(\.title) == ["I", "II", "I"])
    #expect(book.chapters.map(\.part) == ["I. The Lamp", "I. The Lamp", "II. The Wick"])
    #expect(book.chapters.map(\.paragraphs.count) == [1, 1, 1])
  }

  /// `CHAPTER ONE THE LAMP` entries under a part heading that comes again.
  @Test func entriesInCapitalsUnderAPart() throws {
    let book = try parse(
      Self.gutenbergHeader + """
        CONTENTS

        PART 1

        CHAPTER ONE THE LAMP
        CHAPTER TWO THE WICK

        PART 1

        CHAPTER ONE

        THE LAMP

        The lamp was lit.

        CHAPTER TWO

        THE WICK

        The wick was trimmed.
        """)
    #expect(book.chapters.map(\.title) == ["Chapter One: The Lamp", "Chapter Two: The Wick"])
    #expect(book.chapters.map(\.part) == ["Part 1", "Part 1"])
    #expect(book.chapters[0].opensPart)
    #expect(book.chapters.map(\.paragraphs.count) == [1, 1])
  }

  /// Without a `CONTENTS` heading: a run of headings with no text between them, all of which
  /// come again, is a table of contents.
  @Test func headingsWithoutTextThatComeAgain() throws {
    let book = try parse(
      """
      The Lamp Keeper

      Chapter 1: The Lamp

      Chapter 2: The Wick

      Chapter 1: The Lamp

      The lamp was lit.

      Chapter 2: The Wick

      The wick was trimmed.
      """)
    #expect(book.chapters.map(\.title) == ["Chapter 1: The Lamp", "Chapter 2: The Wick"])
    #expect(book.chapters.map(\.sourceLine) == [7, 11])
  }

  /// A table of contents whose entries do not repeat the headings ends at the first heading
  /// that does not come again: the book's first chapter is kept, even with a short first line.
  @Test func aTableThatDoesNotMatchTheHeadingsEndsAtTheFirstChapter() throws {
    let book = try parse(
      """
      The Lamp Keeper

      Contents

      The Lamp
      The Wick

      Chapter 1

      It was lit.

      Chapter 2

      It was trimmed.
      """)
    #expect(book.chapters.map(\.title) == ["Chapter 1", "Chapter 2"])
    #expect(book.chapters.map { $0.paragraphs.map(\.text) } == [["It was lit."], ["It was trimmed."]])
  }

  /// Under a contents heading, only lines that name a later heading are the table: the short
  /// paragraphs that open the book are read, never dropped as entries.
  @Test func theBooksOwnShortParagraphsAfterTheTableAreRead() throws {
    let book = try parse(
      """
      The Lamp
      by Ida Wick

      Contents

      A Word First
      Chapter 1: The Storm
      Chapter 2: The Calm

      A Word First

      This story is true.

      Every name has been changed.

      Chapter 1: The Storm

      Rain.

      Chapter 2: The Calm

      Sun.
      """)
    let text = book.chapters.flatMap(\.paragraphs).map(\.text)
    #expect(text.contains("This story is true."), "\(text)")
    #expect(text.contains("Every name has been changed."), "\(text)")
    #expect(
      book.chapters.filter { $0.title.hasPrefix("Chapter") }.map(\.title) == [
        "Chapter 1: The Storm", "Chapter 2: The Calm",
      ])
  }

  /// A heading in an illustration's caption just above the page's own is one chapter, not two.
  @Test func aCaptionHeadingAboveThePagesOwnIsOneChapter() throws {
    let book = try parse(
      Self.gutenbergHeader + """

        CHAPTER I.

        First chapter text.

        [Illustration: CHAPTER II.]

        CHAPTER II.

        Second chapter text.

        [Illustration: CHAPTER III.]

        III. THE RETURN

        Third chapter text.

        *** END OF THE PROJECT GUTENBERG EBOOK THE LAMP KEEPER ***
        """)
    #expect(book.chapters.map(\.paragraphs.count) == [1, 1, 1], "\(book.chapters.map(\.title))")
    #expect(book.chapters.count == 3)
  }

  /// Entries whose long titles wrap onto a second line are joined and found again in the
  /// book, whose own heading's title ends in a full stop: no entry becomes a chapter, and
  /// the heading is not read as a sentence.
  @Test func wrappedEntriesAndAPunctuatedTitle() throws {
    let book = try parse(
      """
      The Harbour Book
      by Anne Tester

      CONTENTS

      CHAPTER 1. Departure.

      CHAPTER 2. Of the Less Famous Pictures of Boats, and the True
      Pictures of Fishing Scenes.

      CHAPTER 3. Nets.


      CHAPTER 1. Departure.

      The boat left before dawn.

      CHAPTER 2. Of the Less Famous Pictures of Boats, and the True Pictures of Fishing Scenes.

      Painters never get the ropes right.

      CHAPTER 3. Nets.

      The nets came up full.
      """)
    #expect(
      book.chapters.map(\.title) == [
        "Chapter 1: Departure",
        "Chapter 2: Of the Less Famous Pictures of Boats, and the True Pictures of Fishing Scenes",
        "Chapter 3: Nets",
      ])
    #expect(book.chapters.map(\.sourceLine) == [14, 18, 22])
    #expect(book.chapters.map(\.paragraphs.count) == [1, 1, 1])
  }

  /// Roman numerals with titles, centred, one a block, name the book's `CHAPTER I.` headings:
  /// they are a table of contents, not empty chapters or parts.
  @Test(arguments: [
    "CHAPTER I.\nPLAYING PILGRIMS|CHAPTER II.\nA MERRY CHRISTMAS|CHAPTER III.\nTHE LAURENCE BOY",
    "CHAPTER ONE PLAYING PILGRIMS|CHAPTER TWO A MERRY CHRISTMAS|CHAPTER THREE THE LAURENCE BOY",
  ])
  func centredNumeralEntriesNameLabelledChapters(headings: String) throws {
    let texts = ["The sisters sat by the fire.", "Morning came early.", "The boy watched."]
    let body = zip(headings.split(separator: "|"), texts).map { "\($0)\n\n\($1)" }.joined(separator: "\n\n")
    let book = try parse(
      """
      Four Sisters
      by Ada Tester

      CONTENTS

                          I. Playing Pilgrims

                         II. A Merry Christmas

                        III. The Laurence Boy


      """ + body)
    #expect(book.chapters.count == 3, "\(book.chapters.map(\.title))")
    #expect(book.chapters.allSatisfy { $0.part == nil })
    #expect(book.chapters.map { $0.paragraphs.map(\.text) } == texts.map { [$0] })
    #expect(book.chapters.last?.title.hasSuffix("The Laurence Boy") == true)
  }
}
