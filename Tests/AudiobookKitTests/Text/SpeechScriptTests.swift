import Testing

@testable import AudiobookBook
@testable import AudiobookText

@Suite struct SpeechScriptTests {
  /// A paragraph of `count` numbered sentences, one speech piece each.
  func script(sentences count: Int) throws -> SpeechScript {
    let text = (1...count).map { "Sentence \($0) is here." }.joined(separator: " ")
    return try SpeechScript.paragraph(text, splitter: SentenceSplitter(), file: "book.txt", line: 1)
  }

  /// Pieces in batches of `batchSize`, in reading order, the last one short.
  @Test func batchesHoldThePiecesInOrderAtMostBatchSizeEach() throws {
    #expect(SpeechScript.batchSize == 8)
    let script = try script(sentences: 19)
    #expect(script.pieces.count == 19)
    #expect(script.batches.map(\.pieces.count) == [8, 8, 3])
    #expect(script.batches.flatMap(\.pieces) == script.pieces)
    #expect(script.batches[1].pieces[0] == "Sentence 9 is here.")
    #expect(try self.script(sentences: 16).batches.map(\.pieces.count) == [8, 8])
    #expect(try self.script(sentences: 1).batches.map(\.pieces) == [["Sentence 1 is here."]])
    #expect(SpeechScript(sentences: []).batches.isEmpty)
  }

  /// An overlong sentence is several pieces, and its pieces may span two batches.
  @Test func aSentenceOfSeveralPiecesIsBatchedPieceByPiece() throws {
    let long = "Then " + (1...60).map { "clause \($0) goes on," }.joined(separator: " ") + " and ends."
    let text =
      ["Fog", "Rain", "Snow", "Hail", "Mist", "Wind", "Frost"].map { "\($0) came." }.joined(separator: " ") + " " + long
    let script = try SpeechScript.paragraph(text, splitter: SentenceSplitter(), file: "book.txt", line: 1)
    try #require(script.sentences.count == 8, "\(script.sentences.map(\.text))")
    let longPieces = script.sentences[7].pieces
    try #require(longPieces.count > 1 && script.batches.count == 2)
    #expect(longPieces.allSatisfy { $0.count <= SpeechText.pieceLimit })
    #expect(script.batches[0].pieces.suffix(1) == longPieces.prefix(1))
    #expect(script.batches[1].pieces == Array(longPieces.dropFirst()))
  }

  /// Sentences keep the text as written; their pieces are what espeak-ng hears, the
  /// lexicon applied.
  @Test func aParagraphIsItsSentencesAsWrittenAndAsSpoken() throws {
    let lexicon = Lexicon(entries: [.init(word: "Siobhan", spoken: .respelling("shiv-AWN"), file: "l.yaml", line: 1)])
    let script = try SpeechScript.paragraph(
      "Mr. Gale lit the lamp.   “Will it hold?” asked Siobhan.", splitter: SentenceSplitter(), lexicon: lexicon,
      file: "book.txt", line: 3)
    #expect(script.sentences.map(\.text) == ["Mr. Gale lit the lamp.", "“Will it hold?” asked Siobhan."])
    #expect(
      script.sentences.map(\.pieces) == [
        SpeechText.pieces(of: "Mr. Gale lit the lamp."),
        SpeechText.pieces(of: "“Will it hold?” asked Siobhan.", lexicon: lexicon),
      ])
    #expect(script.pieces.last?.contains("shiv-AWN") == true)
  }

  @Test func aTitleIsOneSentenceOfItsSpokenPhrases() {
    let chapter = Chapter(number: 3, title: "Chapter 3: The Gala", sourceLine: 40, paragraphs: [])
    let script = SpeechScript.title(of: chapter)
    #expect(script.sentences == [.init(text: "Chapter 3: The Gala", pieces: ["Chapter 3.", "The Gala."])])
    #expect(script.batches.map(\.pieces) == [["Chapter 3.", "The Gala."]])
  }
}
