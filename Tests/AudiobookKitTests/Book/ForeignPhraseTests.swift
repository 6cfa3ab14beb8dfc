import Testing

@testable import AudiobookBook

@Suite struct ForeignPhraseTests {
  static func phrase(_ text: String, _ language: String = "fr") -> ForeignPhrase {
    ForeignPhrase(text: text, language: language, file: "book.md", line: 1)
  }

  @Test func wholeWordsLongestFirstInOrder() {
    let phrases = [Self.phrase("Jean"), Self.phrase("Jean-Pierre Leblanc"), Self.phrase("Gruber", "de")]
    let found = ForeignPhrase.ranges(
      of: phrases, in: "Jeanne saw Jean-Pierre Leblanc, then Jean and Herr Gruber; Grubers no.")
    #expect(found.map(\.range) == [11..<30, 37..<41, 51..<57])
    #expect(found.map(\.language) == ["fr", "fr", "de"])
    #expect(ForeignPhrase.ranges(of: [], in: "Jean").isEmpty)
    #expect(ForeignPhrase.ranges(of: [Self.phrase("Jean")], in: "Je").isEmpty)
  }

  /// A phrase is matched from its first word to its last; many alike cost one walk.
  @Test func fromTheFirstWordToTheLastAndManyAlike() {
    #expect(
      ForeignPhrase.ranges(of: [Self.phrase("Valérie,")], in: "Then Valérie. And Valérie, too.").map(\.range) == [
        5..<12, 18..<25,
      ])
    let alike = (1...300).map { Self.phrase(String(repeating: "a ", count: $0) + "b") }
    let text = String(repeating: "a ", count: 5_000) + "b"
    let found = ForeignPhrase.ranges(of: alike, in: text)
    #expect(found.count == 1 && found.first?.range.upperBound == text.count)
  }

  /// The voice that says foreign words is named `SPEAKER (TAG)`, and read back so (the
  /// subtitles' language spans).
  @Test func aVoiceSpeakingAnotherLanguageIsNamedAndReadBack() {
    #expect(ForeignPhrase.voice("narrator", speaking: "fr") == "narrator (fr)")
    #expect(ForeignPhrase.speakerAndLanguage(of: "narrator (fr)") == ("narrator", "fr"))
    #expect(ForeignPhrase.speakerAndLanguage(of: "Mr. Darcy (de-AT)") == ("Mr. Darcy", "de-AT"))
    #expect(ForeignPhrase.speakerAndLanguage(of: "Bob (the elder)") == ("Bob (the elder)", nil))
    #expect(ForeignPhrase.speakerAndLanguage(of: "(fr)") == ("(fr)", nil))
    #expect(ForeignPhrase.speakerAndLanguage(of: "narrator") == ("narrator", nil))
  }
}
