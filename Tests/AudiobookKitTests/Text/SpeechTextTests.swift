import Testing

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

  @Test func longSentencesAreCutIntoPiecesAtMostTheLimit() throws {
    let sentence = Array(repeating: "word", count: 1000).joined(separator: " ")
    let pieces = try SpeechText.pieces(of: sentence, file: "b.txt", line: 7)
    #expect(pieces.count > 1)
    #expect(pieces.allSatisfy { $0.count <= SpeechText.pieceLimit })
    #expect(pieces.joined(separator: " ") == sentence)
  }

  @Test func whitespaceIsCollapsed() throws {
    #expect(try SpeechText.pieces(of: "A  wrapped\n line.", file: "b.txt", line: 1) == ["A wrapped line."])
  }

  @Test func aRunWithoutSpacesIsRefusedWithItsLine() {
    let error = #expect(throws: AudiobookError.self) {
      try SpeechText.pieces(of: "Look: " + String(repeating: "x", count: 5000), file: "b.txt", line: 9)
    }
    #expect(error?.kind == .badInput)
    #expect(error?.line == 9)
    #expect(error?.file == "b.txt")
  }
}
