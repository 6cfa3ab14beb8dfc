import Testing
import Yams

@testable import AudiobookBook
@testable import AudiobookCore
@testable import AudiobookSpeech
@testable import AudiobookText
@testable import AudiobookKit

@Suite struct ChapterDialogueTests {
  let chapter = Chapter(
    number: 1, title: "One", sourceLine: 1,
    paragraphs: [
      Paragraph(number: 1, id: "a", sourceLine: 3, text: "“Is anyone there?” called Harriet.", lastLine: 4),
      Paragraph(number: 2, id: "b", sourceLine: 6, text: "“Only me,” he said. “I came for the apples and the pears.”"),
      Paragraph(number: 3, id: "c", sourceLine: 8, text: "The gate creaked."),
    ])

  func cast(_ yaml: String) throws -> CastVoices {
    var book = Book(title: "T", author: nil, chapters: [chapter], sourceFile: "t.md")
    book.cast = try Cast.parse(try #require(try Yams.compose(yaml: yaml)), file: "t.md")
    return try #require(
      try CastVoices.resolve(book: book, preset: VoicePreset(name: "narrator"), library: VoiceLibrary()))
  }

  @Test func quotationsAsVoiceSpansAndReportLines() throws {
    let dialogue = ChapterDialogue(chapter, cast: try cast("Harriet: { variant: f2 }\nTom: { variant: m1 }"))
    #expect(dialogue.spans[0] == [SpeechScript.VoiceSpan(range: 0..<18, voice: "Harriet")])
    // "he said": Tom is nobody named yet; without a dialogue voice the narrator reads it.
    #expect(dialogue.spans[1].isEmpty && dialogue.spans[2].isEmpty)
    #expect(dialogue.lines.map(\.voice) == ["Harriet", "narrator", "narrator"])
    #expect(dialogue.lines.map(\.sourceLine) == [3, 6, 6])
    #expect(dialogue.lines[2].opening == "“I came for the apples and …")
  }

  /// A correction names any line of its paragraph.
  @Test func aCorrectionAtAnyLineOfTheParagraph() throws {
    let dialogue = ChapterDialogue(
      chapter, cast: try cast("Harriet: { variant: f2, at: [4] }\nTom: { variant: m1, at: [6] }"))
    #expect(dialogue.lines.map(\.voice) == ["Harriet", "Tom", "Tom"])
    #expect(dialogue.lines.map(\.reason) == [.correction, .correction, .correction])
  }

  @Test func aVariantTellsTheGender() {
    #expect(ChapterDialogue.gender(of: "f2") == .female && ChapterDialogue.gender(of: "m7") == .male)
    #expect(ChapterDialogue.gender(of: "") == nil && ChapterDialogue.gender(of: "klatt") == nil)
    #expect(ChapterDialogue.gender(of: "m") == nil && ChapterDialogue.gender(of: "mb-en1") == nil)
  }

  /// Foreign words take their language in the voice that says them: the narrator's, or the
  /// quotation's speaker's.
  @Test func foreignWordsInTheVoiceThatSaysThem() throws {
    var book = Book(title: "T", author: nil, chapters: [chapter], sourceFile: "t.md")
    book.cast = try Cast.parse(try #require(try Yams.compose(yaml: "Harriet: { variant: f2 }")), file: "t.md")
    book.foreignPhrases = [ForeignPhrase(text: "Harriet", language: "fr", file: "t.md", line: 3)]
    book.lexicon = try Lexicon.parse(text: "anyone: { language: de }\n", file: "t.lexicon.yaml")
    let cast = try #require(
      try CastVoices.resolve(book: book, preset: VoicePreset(name: "narrator"), library: VoiceLibrary()))
    #expect(cast.settings["narrator (fr)"]?.voice.hasSuffix("fr") == true)
    #expect(cast.settings["Harriet (de)"]?.variant == "f2")
    let dialogue = ChapterDialogue(chapter, cast: cast)
    #expect(
      dialogue.spans[0] == [
        SpeechScript.VoiceSpan(range: 0..<4, voice: "Harriet"),
        SpeechScript.VoiceSpan(range: 4..<10, voice: "Harriet (de)"),
        SpeechScript.VoiceSpan(range: 10..<18, voice: "Harriet"),
        SpeechScript.VoiceSpan(range: 26..<33, voice: "narrator (fr)"),
      ])
    // Without a cast, foreign words alone make the voices: the narrator's in each language.
    book.cast = Cast()
    let alone = try #require(
      try CastVoices.resolve(book: book, preset: VoicePreset(name: "narrator"), library: VoiceLibrary()))
    #expect(ChapterDialogue(chapter, cast: alone).spans[2].isEmpty)
    #expect(ChapterDialogue(chapter, cast: alone).spans[0].map(\.voice) == ["narrator (de)", "narrator (fr)"])
    // Marks in no language (`und`, `mul`, `zxx`) change nothing.
    book.foreignPhrases = [ForeignPhrase(text: "gate", language: "und", file: "t.md", line: 8)]
    book.lexicon = .empty
    #expect(try CastVoices.resolve(book: book, preset: VoicePreset(name: "narrator"), library: VoiceLibrary()) == nil)
    // A language espeak-ng has no voice for names the mark.
    book.foreignPhrases = [ForeignPhrase(text: "gate", language: "tlh", file: "t.md", line: 8)]
    #expect(throws: AudiobookError.self) {
      try CastVoices.resolve(book: book, preset: VoicePreset(name: "narrator"), library: VoiceLibrary())
    }
  }
}
