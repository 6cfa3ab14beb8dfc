import Testing

@testable import AudiobookCore
@testable import AudiobookBook

@Suite struct ChapterHeadingTests {
  @Test(
    arguments: [
      ("Chapter 1", "Chapter 1", 1, nil),
      ("CHAPTER IV.", "Chapter IV", 4, nil),
      ("Chapter One", "Chapter One", 1, nil),
      ("Chapter Twenty-One", "Chapter Twenty-One", 21, nil),
      ("Chapter 3: The Gala", "Chapter 3: The Gala", 3, "The Gala"),
      ("CHAPTER 1. Loomings.", "Chapter 1: Loomings", 1, "Loomings"),
      ("Letter 4", "Letter 4", 4, nil),
      ("CHAPTER ONE", "Chapter One", 1, nil),
      ("  chapter xii — The Storm ", "chapter xii: The Storm", 12, "The Storm"),
    ] as [(String, String, Int, String?)])
  func recognisesHeadings(line: String, title: String, number: Int, subtitle: String?) throws {
    let heading = try #require(ChapterHeading.parse(line))
    #expect(heading.title == title)
    #expect(heading.number == number)
    #expect(heading.subtitle == subtitle)
  }

  /// Numbers written as several words or as ordinals, and titles in capitals with no stop
  /// after the number.
  @Test(
    arguments: [
      ("Chapter Twenty One", "Chapter Twenty One", 21, nil),
      ("CHAPTER TWENTY ONE", "Chapter Twenty One", 21, nil),
      ("CHAPTER THE FIRST", "Chapter the First", 1, nil),
      ("Chapter the Twenty-Second", "Chapter the Twenty-Second", 22, nil),
      ("Chapter Twenty-First", "Chapter Twenty-First", 21, nil),
      ("CHAPTER FIRST", "Chapter First", 1, nil),
      ("BOOK SECOND.", "Book Second", 2, nil),
      ("Chapter Third: The Ball", "Chapter Third: The Ball", 3, "The Ball"),
      ("Chapter One Hundred", "Chapter One Hundred", 100, nil),
      ("Chapter One Hundred and Five: Home", "Chapter One Hundred and Five: Home", 105, "Home"),
      ("CHAPTER ONE PLAYING PILGRIMS", "Chapter One: Playing Pilgrims", 1, "Playing Pilgrims"),
      ("CHAPTER XII THE STORM", "Chapter XII: The Storm", 12, "The Storm"),
    ] as [(String, String, Int, String?)])
  func recognisesNumbersInWords(line: String, title: String, number: Int, subtitle: String?) throws {
    let heading = try #require(ChapterHeading.parse(line))
    #expect(heading.title == title)
    #expect(heading.number == number)
    #expect(heading.subtitle == subtitle)
  }

  @Test(arguments: [
    "Chapter Twenty Years Later, she wrote.",
    "Chapter the end",
    "Chapter the Twenty One",
    "Chapter first appeared in a magazine.",
    "Chapter Second thoughts came later.",
    "CHAPTER ONE WAS THE BEST.",
    "Chapter One playing pilgrims",
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

  @Test(
    arguments: [
      ("PART ONE", "Part One", 1), ("Book II", "Book II", 2), ("VOLUME I.", "Volume I", 1),
      ("Part Two: The Hill", "Part Two: The Hill", 2),
    ] as [(String, String, Int)])
  func partsGroupChapters(line: String, title: String, number: Int) throws {
    let heading = try #require(ChapterHeading.parse(line))
    #expect(heading.kind == .part)
    #expect(heading.title == title)
    #expect(heading.number == number)
  }

  /// Headings in the other languages' words, whatever the book's language.
  @Test(
    arguments: [
      ("Chapitre premier", "Chapitre premier", 1, nil, ChapterHeading.Kind.chapter),
      ("CHAPITRE II", "Chapitre II", 2, nil, .chapter),
      ("Chapitre trois : Le retour", "Chapitre trois: Le retour", 3, "Le retour", .chapter),
      ("Kapitel 3", "Kapitel 3", 3, nil, .chapter),
      ("Erstes Kapitel", "Erstes Kapitel", 1, nil, .chapter),
      ("ZWEITER TEIL: DIE STADT", "Zweiter Teil: Die Stadt", 2, "Die Stadt", .part),
      ("Capítulo IV", "Capítulo IV", 4, nil, .chapter),
      ("Capitolo quinto", "Capitolo quinto", 5, nil, .chapter),
      ("Hoofdstuk 6", "Hoofdstuk 6", 6, nil, .chapter),
      ("Rozdział VII", "Rozdział VII", 7, nil, .chapter),
      ("Глава восьмая", "Глава восьмая", 8, nil, .chapter),
      ("Partie 2", "Partie 2", 2, nil, .part),
      ("Libro primero", "Libro primero", 1, nil, .part),
      ("Часть первая", "Часть первая", 1, nil, .part),
    ] as [(String, String, Int, String?, ChapterHeading.Kind)])
  func headingsInOtherLanguages(line: String, title: String, number: Int, subtitle: String?, kind: ChapterHeading.Kind)
    throws
  {
    let heading = try #require(ChapterHeading.parse(line))
    #expect(heading.title == title)
    #expect(heading.number == number)
    #expect(heading.subtitle == subtitle)
    #expect(heading.kind == kind)
  }

  @Test func namedSectionsInOtherLanguages() {
    for line in ["Préface", "VORWORT", "Prólogo", "Epilogo", "Voorwoord", "Przedmowa", "Эпилог"] {
      #expect(ChapterHeading.parse(line)?.kind == .section, "\(line)")
    }
    // A German ordinal before a word that is no label is prose.
    #expect(ChapterHeading.parse("Erstes Mal sah er sie.") == nil)
  }

  @Test func namedSectionsAreSectionsInTitleCase() throws {
    let heading = try #require(ChapterHeading.parse("PREFACE."))
    #expect(heading.kind == .section)
    #expect(heading.title == "Preface")
    #expect(ChapterHeading.parse("Etymology")?.kind == .section)
  }

  /// A numeral alone is a heading only where the layout says so: `I.` can open prose.
  @Test func aRomanNumeralAloneIsAHeadingOnlyWhenAsked() throws {
    #expect(ChapterHeading.parse("IV") == nil)
    #expect(ChapterHeading.parse("IV", bareNumeral: true)?.number == 4)
    #expect(ChapterHeading.parse("  XII.  ", bareNumeral: true)?.title == "XII")
    let titled = try #require(ChapterHeading.parse("I. Playing Pilgrims", bareNumeral: true))
    #expect(titled.title == "I. Playing Pilgrims")
    #expect(titled.subtitle == "Playing Pilgrims")
    #expect(ChapterHeading.parse("I. went home, and so did she.", bareNumeral: true) == nil)
    #expect(ChapterHeading.parse("MIX", bareNumeral: true) == nil)
  }

  @Test func aTitleOnTheNextLineJoinsTheHeading() throws {
    let heading = try #require(ChapterHeading.parse("CHAPTER I."))
    #expect(heading.withSubtitle("Down the Rabbit-Hole")?.title == "Chapter I: Down the Rabbit-Hole")
    #expect(heading.withSubtitle("PLAYING PILGRIMS")?.title == "Chapter I: Playing Pilgrims")
    #expect(ChapterHeading.parse("IV", bareNumeral: true)?.withSubtitle("The Storm")?.title == "IV. The Storm")
    // An opening sentence, dialogue or another heading is not a title.
    #expect(heading.withSubtitle("It rained.") == nil)
    #expect(heading.withSubtitle("“Come in,” she said") == nil)
    #expect(heading.withSubtitle("Chapter 2") == nil)
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
