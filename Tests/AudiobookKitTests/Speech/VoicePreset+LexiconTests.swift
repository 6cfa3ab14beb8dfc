import Testing

@testable import AudiobookBook
@testable import AudiobookCore
@testable import AudiobookSpeech

@Suite struct VoicePresetLexiconTests {
  /// A voice's lexicon respells words of the voice's language: a book in another language does
  /// not get it.
  @Test func aVoicesLexiconAppliesToItsLanguageOnly() throws {
    let preset = try VoicePreset(
      yaml: "voice: en-gb\nlexicon:\n  Hermione: her-MY-oh-nee\n", name: "reader", file: "r.yaml", source: .builtIn)
    #expect(preset.lexicon(forBookIn: nil).entries.count == 1)
    #expect(preset.lexicon(forBookIn: "en-US").entries.count == 1)
    #expect(preset.lexicon(forBookIn: "fr").entries.isEmpty)
    let french = try VoicePreset(
      yaml: "voice: fr\nlexicon:\n  Dupont: du-pon\n", name: "lecteur", file: "l.yaml", source: .builtIn)
    #expect(french.lexicon(forBookIn: "fr-CA").entries.count == 1)
    #expect(french.lexicon(forBookIn: "de").entries.isEmpty)
  }
}
