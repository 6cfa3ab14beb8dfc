import Testing

@testable import AudiobookBook
@testable import AudiobookText

/// A paragraph's script with a cast: sentences cut into parts where a quotation starts or ends.
@Suite struct SpeechScriptVoicesTests {
  func script(_ text: String, voices: [SpeechScript.VoiceSpan]?) throws -> SpeechScript {
    try SpeechScript.paragraph(text, splitter: SentenceSplitter(), file: "book.md", line: 1, voices: voices)
  }

  /// The span of `quoted` in `text`, in characters.
  func span(_ quoted: String, in text: String, voice: String) throws -> SpeechScript.VoiceSpan {
    let characters = Array(text)
    let target = Array(quoted)
    let start = try #require(
      (0...(characters.count - target.count)).first { Array(characters[$0..<$0 + target.count]) == target })
    return SpeechScript.VoiceSpan(range: start..<start + target.count, voice: voice)
  }

  @Test func aSentenceIsCutWhereTheVoiceChanges() throws {
    let text = "“Only me,” said Mr. Knightley. “I came for the apples.” He smiled."
    let voices = [
      try span("“Only me,”", in: text, voice: "Knightley"),
      try span("“I came for the apples.”", in: text, voice: "Knightley"),
    ]
    let script = try script(text, voices: voices)
    #expect(
      script.sentences.map(\.text) == ["“Only me,” said Mr. Knightley.", "“I came for the apples.”", "He smiled."])
    #expect(script.sentences[0].parts.map(\.text) == ["“Only me,”", "said Mr. Knightley."])
    #expect(script.sentences[0].parts.map(\.voice) == ["Knightley", "narrator"])
    #expect(script.sentences[0].parts.map(\.pieces) == [1, 1])
    #expect(script.sentences[0].pieces == ["\"Only me,\"", "said Mr Knightley."])
    #expect(script.sentences[1].parts.map(\.voice) == ["Knightley"])
    #expect(script.sentences[2].parts.map(\.voice) == ["narrator"])
    // A batch per change of voice, in reading order.
    #expect(script.batches.map(\.voice) == ["Knightley", "narrator", "Knightley", "narrator"])
    #expect(script.batches.flatMap(\.pieces) == script.pieces)
  }

  /// Without a cast nothing changes: no parts, one batch of up to eight pieces with no voice.
  @Test func withoutACastTheScriptIsAsBefore() throws {
    let text = "“Only me,” said Mr. Knightley. “I came for the apples.”"
    let plain = try script(text, voices: nil)
    #expect(plain.sentences.allSatisfy { $0.parts.isEmpty })
    #expect(plain.batches.count == 1 && plain.batches[0].voice == nil)
    #expect(plain.pieces == ["\"Only me,\" said Mr Knightley.", "\"I came for the apples.\""])
    // With a cast but no quotation claimed, every sentence is the narrator's, spoken as before.
    let narrated = try script(text, voices: [])
    #expect(narrated.pieces == plain.pieces)
    #expect(narrated.sentences.flatMap(\.parts).map(\.voice) == ["narrator", "narrator"])
  }

  /// A quotation's trailing comma or stop stays with it; a mark of punctuation alone between two
  /// voices is never a part of its own.
  @Test func punctuationAloneJoinsAPart() throws {
    let text = "He called it “nonsense”, and left."
    let script = try script(text, voices: [try span("“nonsense”", in: text, voice: "Tom")])
    #expect(script.sentences[0].parts.map(\.text) == ["He called it", "“nonsense”,", "and left."])
  }

  /// A quotation running over sentences gives each its voice; one spanning a sentence break
  /// inside it (`“Stop! Go away,” said he.`) cuts both.
  @Test func aQuotationOverSeveralSentences() throws {
    let text = "“Stop! Go away,” said he."
    let script = try script(text, voices: [try span("“Stop! Go away,”", in: text, voice: "Tom")])
    #expect(script.sentences.count == 2)
    #expect(script.sentences.flatMap(\.parts).map(\.voice) == ["Tom", "Tom", "narrator"])
  }
}
