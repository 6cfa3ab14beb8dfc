import Testing
import Yams

@testable import AudiobookBook
@testable import AudiobookCore
@testable import AudiobookSpeech
@testable import AudiobookKit

@Suite struct CastVoicesTests {
  func book(cast yaml: String) throws -> Book {
    var book = Book(title: "T", author: nil, chapters: [], sourceFile: "t.md")
    book.cast = try Cast.parse(try #require(try Yams.compose(yaml: yaml)), file: "t.md", firstLine: 2)
    return book
  }

  let narrator = VoicePreset(name: "narrator", engine: EngineSettings(voice: "en-gb", rate: 170, pitch: 50))

  @Test func membersLayTheirKeysOverTheirPreset() throws {
    let book = try book(
      cast: """
        dialogue: { variant: m3 }
        Harriet: { variant: f2, pitch: 65 }
        Tom: { preset: draft, pitch: 30 }
        Jane: { at: [9] }
        Marie: { voice: fr }
        """)
    let cast = try #require(try CastVoices.resolve(book: book, preset: narrator, library: VoiceLibrary()))
    #expect(cast.narrator == narrator.engine)
    #expect(cast.settings("Harriet") == EngineSettings(voice: "en-gb", variant: "f2", rate: 170, pitch: 65))
    #expect(cast.settings["Tom"]?.rate == (try VoiceLibrary().preset(named: "draft")).engine.rate)
    #expect(cast.settings["Tom"]?.pitch == 30)
    // Corrections alone: the dialogue voice.
    #expect(cast.settings["Jane"] == cast.settings["dialogue"])
    #expect(cast.settings["Marie"]?.voice == "fr" && cast.settings["Marie"]?.variant == "")
    #expect(cast.dialogueVoice == "dialogue")
    // A name the cast lacks, or none, is the narrator.
    #expect(cast.settings("Nobody") == narrator.engine && cast.settings(nil) == narrator.engine)
  }

  /// Corrections without any voice make no cast: the book is read in one voice.
  @Test func correctionsAloneAreNoCast() throws {
    #expect(
      try CastVoices.resolve(book: try book(cast: "Jane: { at: [9] }"), preset: narrator, library: VoiceLibrary())
        == nil)
    #expect(
      try CastVoices.resolve(
        book: Book(title: "T", author: nil, chapters: [], sourceFile: "t"), preset: narrator, library: VoiceLibrary())
        == nil)
  }

  /// The preset's cast is the default; the book's members win.
  @Test func thePresetsCastUnderTheBooks() throws {
    var preset = narrator
    preset.cast = try Cast.parse(
      try #require(try Yams.compose(yaml: "dialogue: { pitch: 20 }\nJane: { pitch: 70 }")), file: "p.yaml")
    let cast = try #require(
      try CastVoices.resolve(book: try book(cast: "Jane: { pitch: 80 }"), preset: preset, library: VoiceLibrary()))
    #expect(cast.settings["dialogue"]?.pitch == 20 && cast.settings["Jane"]?.pitch == 80)
  }

  @Test(arguments: [
    ("Jane: { variant: zz9 }", "variant 'zz9' is not an installed espeak-ng variant"),
    ("Jane: { voice: xx-nowhere }", "'xx-nowhere' is not an installed espeak-ng voice"),
    ("Jane: no-such-preset", "voice 'no-such-preset' is neither a preset"),
  ])
  func aVoiceThatDoesNotExistNamesTheMember(yaml: String, message: String) throws {
    let book = try book(cast: yaml)
    #expect {
      try CastVoices.resolve(book: book, preset: narrator, library: VoiceLibrary())
    } throws: { error in
      guard let error = error as? AudiobookError else { return false }
      return error.kind == .badInput && error.file == "t.md" && error.line == 2 && error.message.contains(message)
        && error.message.hasPrefix("cast member 'Jane': ")
    }
  }
}
