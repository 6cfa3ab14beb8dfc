import Testing

@testable import AudiobookCore
@testable import AudiobookBook

@Suite struct ChapterChecksTests {
  func book(_ chapters: [(title: String, words: Int)], part: (Int) -> String? = { _ in nil }) -> Book {
    let chapters = chapters.enumerated().map { index, chapter in
      let text = Array(repeating: "word", count: chapter.words).joined(separator: " ")
      let paragraphs =
        chapter.words == 0 ? [] : [Paragraph(number: 1, id: "p\(index)", sourceLine: index * 10 + 2, text: text)]
      return Chapter(
        number: index + 1, title: chapter.title, sourceLine: index * 10 + 1, paragraphs: paragraphs, part: part(index))
    }
    return Book(title: "Nets", author: nil, chapters: chapters, sourceFile: "nets.txt")
  }

  @Test func aNumberingThatRunsOneByOneSaysNothing() {
    let book = book([("Preface", 100), ("Chapter I", 100), ("Chapter II: Rope", 100), ("Chapter III", 100)])
    #expect(ChapterChecks.warnings(for: book) == [])
  }

  @Test func missingRepeatedAndOutOfOrderNumbersAreNamedWithTheirLines() {
    let book = book([
      ("Chapter 1", 100), ("Chapter 2", 100), ("Chapter 4", 100), ("Chapter 4", 100), ("Chapter 3", 100),
      ("Chapter 8", 100),
    ])
    let warnings = ChapterChecks.warnings(for: book)
    #expect(
      warnings.dropLast() == [
        "nets.txt:21: warning: 'Chapter 4' comes after 'Chapter 2' (line 11): number 3 missing",
        "nets.txt:31: warning: 'Chapter 4' repeats the number of 'Chapter 4' (line 21)",
        "nets.txt:41: warning: 'Chapter 3' is out of order: it comes after 'Chapter 4' (line 31)",
        "nets.txt:51: warning: 'Chapter 8' comes after 'Chapter 3' (line 41): numbers 4 to 7 missing",
      ])
    #expect(warnings.last?.contains("--chapters-out") == true)
  }

  /// A contents list read as chapters shows as a numbering that starts again with no part.
  @Test func aNumberingStartingAgainIsNamedUnlessAPartStartsIt() {
    let titles = ["I. Pilgrims", "II. Christmas", "Chapter One", "Chapter Two"]
    let plain = book(titles.map { ($0, $0.hasPrefix("Chapter") ? 100 : 0) })
    let warnings = ChapterChecks.warnings(for: plain)
    #expect(warnings.contains("nets.txt:1: warning: chapter 1 (I. Pilgrims) has no text: a heading alone"))
    #expect(warnings.contains("nets.txt:11: warning: chapter 2 (II. Christmas) has no text: a heading alone"))
    let restart = book([("Chapter 1", 100), ("Chapter 2", 100), ("Chapter 1", 100), ("Chapter 2", 100)])
    #expect(
      ChapterChecks.warnings(for: restart).first
        == "nets.txt:21: warning: 'Chapter 1' starts the numbering again after 'Chapter 2' (line 11), with no part heading between"
    )
    let parts = book(restart.chapters.map { ($0.title, 100) }, part: { $0 < 2 ? "Part One" : "Part Two" })
    #expect(ChapterChecks.warnings(for: parts) == [])
  }

  @Test func aChapterFarLongerThanTheOthersIsNamed() {
    let warnings = ChapterChecks.warnings(
      for: book([("Chapter 1", 1000), ("Chapter 2", 1200), ("Chapter 3", 3700), ("Chapter 4", 900)]))
    #expect(
      warnings.first
        == "nets.txt:21: warning: chapter 3 (Chapter 3) has 3700 words, over 3 times the median chapter's 1200: a heading missed inside it?"
    )
    #expect(ChapterChecks.warnings(for: book([("Chapter 1", 100), ("Chapter 2", 400), ("Chapter 3", 100)])) == [])
  }
}
