import Testing

@testable import AudiobookCore
@testable import AudiobookBook
@testable import AudiobookText
@testable import AudiobookPublish
@testable import AudiobookKit

@Suite struct SpeechTextTests {
  @Test func chapterTitlesAreReadAsANarratorWould() {
    #expect(SpeechText.spokenTitle("CHAPTER IV.") == ["Chapter 4."])
    #expect(SpeechText.spokenTitle("Chapter 3: The Gala") == ["Chapter 3.", "The Gala."])
    #expect(SpeechText.spokenTitle("Chapter Twenty-One") == ["Chapter 21."])
    #expect(SpeechText.spokenTitle("Prologue") == ["Prologue."])
    #expect(SpeechText.spokenTitle("Is It Over?") == ["Is It Over?"])
    #expect(SpeechText.spokenTitle("IV. The Storm") == ["Chapter 4.", "The Storm."])
    #expect(SpeechText.spokenTitle("Letter 3") == ["Letter 3."])
    #expect(SpeechText.spokenTitle("Chapter 1: Loomings") == ["Chapter 1.", "Loomings."])
  }

  @Test func theFirstChapterOfAPartSaysThePartFirst() {
    var chapter = Chapter(number: 2, title: "Chapter I", sourceLine: 9, paragraphs: [], part: "Book II")
    #expect(SpeechText.spokenTitle(of: chapter) == ["Chapter 1."])
    chapter.opensPart = true
    #expect(SpeechText.spokenTitle(of: chapter) == ["Book 2.", "Chapter 1."])
  }

  /// A title is spoken like a sentence: the lexicon and the spoken forms apply to its words,
  /// not to the heading's label and number.
  @Test func chapterTitlesUseTheLexiconAndTheSpokenForms() throws {
    let lexicon = Lexicon(entries: [
      .init(word: "Hermione", spoken: .respelling("her-MY-oh-nee"), file: "l.yaml", line: 1),
      .init(word: "Chapter", spoken: .respelling("KAP-ter"), file: "l.yaml", line: 2),
    ])
    #expect(SpeechText.spokenTitle("Chapter 1: Hermione", lexicon: lexicon) == ["Chapter 1.", "her-MY-oh-nee."])
    #expect(SpeechText.spokenTitle("Chapter IV", lexicon: lexicon) == ["Chapter 4."])
    #expect(SpeechText.spokenTitle("Hermione and Gen. Lee", lexicon: lexicon) == ["her-MY-oh-nee and General Lee."])
    #expect(SpeechText.spokenTitle("The Winter of 1850") == ["The Winter of 18 50."])
    var chapter = Chapter(number: 1, title: "Hermione’s Cat", sourceLine: 3, paragraphs: [], part: "Book I")
    chapter.opensPart = true
    let (phrases, replacements) = SpeechText.spokenTitleWithReplacements(of: chapter, lexicon: lexicon)
    #expect(phrases == ["Book 1.", "her-MY-oh-nee's Cat."])
    #expect(replacements.map(\.written) == ["Hermione's"])
    #expect(
      SpeechScript.title(of: chapter, lexicon: lexicon).pieces == ["Book 1.", "her-MY-oh-nee's Cat."])
  }

  @Test func longSentencesAreCutIntoPiecesAtMostTheLimit() throws {
    let sentence = Array(repeating: "word", count: 1000).joined(separator: " ")
    let pieces = SpeechText.pieces(of: sentence)
    #expect(pieces.count > 1)
    #expect(pieces.allSatisfy { $0.count <= SpeechText.pieceLimit })
    #expect(pieces.joined(separator: " ") == sentence)
  }

  @Test func whitespaceIsCollapsed() throws {
    #expect(SpeechText.pieces(of: "A  wrapped\n line.") == ["A wrapped line."])
  }

  /// A title in another language is read in its words: a number in words as written, digits
  /// and roman numerals after the language's label.
  @Test func chapterTitlesInOtherLanguages() {
    #expect(SpeechText.spokenTitle("Chapitre premier", language: "fr") == ["Chapitre premier."])
    #expect(SpeechText.spokenTitle("CHAPITRE II", language: "fr") == ["Chapitre 2."])
    #expect(SpeechText.spokenTitle("Erstes Kapitel: Die Reise", language: "de") == ["Erstes Kapitel.", "Die Reise."])
    #expect(SpeechText.spokenTitle("Глава III", language: "ru") == ["Глава 3."])
    #expect(SpeechText.spokenTitle("IV.", language: "es") == ["Capítulo 4."])
    #expect(SpeechText.spokenTitle("IV.", language: nil) == ["Chapter 4."])
  }
}
