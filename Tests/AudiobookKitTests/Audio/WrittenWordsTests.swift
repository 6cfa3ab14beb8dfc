import Testing

@testable import AudiobookAudio

@Suite struct WrittenWordsTests {
  /// Spoken words, 100 frames each from frame 1000, one after the other.
  func spoken(_ text: String) -> [TimedWord] {
    text.split(separator: " ").enumerated().map { index, word in
      TimedWord(text: String(word), startFrame: 1_000 + index * 100, frames: 100)
    }
  }

  @Test func theSameWordsKeepTheirTimesAndTheirPunctuation() {
    let words = WrittenWords.timed("\"Dear Doctor,\" it began.", spoken: spoken("Dear Doctor it began"))
    #expect(words.map(\.text) == ["\"Dear", "Doctor,\"", "it", "began."])
    #expect(words.map(\.startFrame) == [1_000, 1_100, 1_200, 1_300])
    #expect(words.map(\.frames) == [100, 100, 100, 100])
  }

  /// A number read as two words is one written word spanning both; money and a respelling too.
  @Test func aWrittenWordSpansTheSpokenWordsItBecame() {
    let words = WrittenWords.timed(
      "In 1887 Siobhan paid £3 for it.", spoken: spoken("In 18 87 shiv-AWN paid 3 pounds for it"))
    #expect(words.map(\.text) == ["In", "1887", "Siobhan", "paid", "£3", "for", "it."])
    #expect(words.map(\.startFrame) == [1_000, 1_100, 1_300, 1_400, 1_500, 1_700, 1_800])
    #expect(words.map(\.frames) == [100, 200, 100, 100, 200, 100, 100])
  }

  /// A spoken title's extra words (`IV.` said as `Chapter 4`) belong to the written word.
  @Test func aTitlesNumeralSpansTheWordsSaidForIt() {
    let words = WrittenWords.timed("IV. The Storm", spoken: spoken("Chapter 4 The Storm"))
    #expect(words.map(\.text) == ["IV.", "The", "Storm"])
    #expect(words.map(\.startFrame) == [1_000, 1_200, 1_300])
    #expect(words[0].frames == 200)
  }

  /// A dash standing alone joins the word before; the words joined give the sentence back.
  @Test func punctuationStandingAloneJoinsAWord() {
    let text = "— So it was — the end ."
    let words = WrittenWords.timed(text, spoken: spoken("So it was the end"))
    #expect(words.map(\.text) == ["— So", "it", "was —", "the", "end ."])
    #expect(words.map(\.text).joined(separator: " ") == text)
  }

  /// Nothing in common: one to one, in order, every written word timed, never stalling.
  @Test func wordsWithNothingInCommonArePairedInOrder() {
    let words = WrittenWords.timed("alpha beta gamma", spoken: spoken("x y z w"))
    #expect(words.map(\.text) == ["alpha", "beta", "gamma"])
    #expect(words.map(\.startFrame) == [1_000, 1_100, 1_200])
    // The spoken word left over lengthens the last written one.
    #expect(words[2].frames == 200)
    #expect(WrittenWords.timed("alpha", spoken: []).isEmpty)
  }

  /// A long sentence aligns in time linear in its length.
  @Test func aLongSentenceAligns() {
    let text = Array(repeating: "the 12 boats", count: 5_000).joined(separator: " ")
    let said = Array(repeating: "the twelve boats", count: 5_000).joined(separator: " ")
    let words = WrittenWords.timed(text, spoken: spoken(said))
    #expect(words.count == 15_000)
    #expect(words.map(\.startFrame) == words.map(\.startFrame).sorted())
  }
}
