import Testing

@testable import AudiobookKit

@Suite struct ChapterHeadingTests {
  @Test(
    arguments: [
      ("Chapter 1", "Chapter 1", 1, nil),
      ("CHAPTER IV.", "CHAPTER IV", 4, nil),
      ("Chapter One", "Chapter One", 1, nil),
      ("Chapter Twenty-One", "Chapter Twenty-One", 21, nil),
      ("Chapter 3: The Gala", "Chapter 3: The Gala", 3, "The Gala"),
      ("CHAPTER 1. Loomings.", "CHAPTER 1: Loomings", 1, "Loomings"),
      ("  chapter xii — The Storm ", "chapter xii: The Storm", 12, "The Storm"),
    ] as [(String, String, Int, String?)])
  func recognisesHeadings(line: String, title: String, number: Int, subtitle: String?) throws {
    let heading = try #require(ChapterHeading.parse(line))
    #expect(heading.title == title)
    #expect(heading.number == number)
    #expect(heading.subtitle == subtitle)
  }

  @Test(arguments: [
    "Chapter 3 was the best part of the book.",
    "Chapters are long.",
    "Chapter and verse, she said.",
    "The Chapter 1",
    "Chapter IIII",
    "Chapter 2: in which, after a long and winding introduction, our heroine finally sets out on the journey she had planned,",
  ])
  func leavesProseAlone(line: String) {
    #expect(ChapterHeading.parse(line) == nil)
  }

  @Test func romanNumeralsRoundTrip() {
    for value in [1, 4, 9, 14, 40, 61, 99, 135, 1999] {
      #expect(RomanNumeral.value(of: RomanNumeral.roman(value)) == value)
    }
    #expect(RomanNumeral.value(of: "IC") == nil)
    #expect(RomanNumeral.value(of: "Mix") == nil)
  }

  @Test func numberWords() {
    #expect(NumberWords.value(of: "seven") == 7)
    #expect(NumberWords.value(of: "Ninety-Nine") == 99)
    #expect(NumberWords.value(of: "forty") == 40)
    #expect(NumberWords.value(of: "twenty-ten") == nil)
  }
}
