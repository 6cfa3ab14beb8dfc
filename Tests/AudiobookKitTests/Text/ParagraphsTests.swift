import Testing

@testable import AudiobookText

@Suite struct ParagraphsTests {
  @Test func linesEndWithLFOrCRLF() {
    #expect(Paragraphs.lines(of: "One\r\nTwo\nThree") == ["One", "Two", "Three"])
    // A final line ending leaves an empty last line; blank lines stay.
    #expect(Paragraphs.lines(of: "One\n\nTwo\r\n") == ["One", "", "Two", ""])
    #expect(Paragraphs.lines(of: "") == [""])
  }

  /// Blank lines separate paragraphs; a paragraph's lines are trimmed and joined with one
  /// space; each paragraph knows the 1-based line it starts on.
  @Test func hardWrappedLinesJoinIntoParagraphs() {
    let paragraphs = Paragraphs.of(lines: ["", "  The fog came  ", "in at six.", " \t ", "", "It stayed."])
    #expect(paragraphs.map(\.text) == ["The fog came in at six.", "It stayed."])
    #expect(paragraphs.map(\.line) == [2, 6])
    #expect(Paragraphs.of(lines: ["", "   "]).isEmpty)
  }
}
