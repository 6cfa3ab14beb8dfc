import AudiobookBook
import AudiobookCore
import AudiobookSpeech

/// A book's cast with every voice worked out: the espeak-ng settings of the narrator, of
/// `dialogue` and of each character, by the cast's names. A render, `say` and the studio
/// speak each quotation in its speaker's voice through it.
public struct CastVoices: Sendable, Equatable {
  /// The cast as the preset and the book give it (the book's members win).
  public var cast: Cast
  /// By member name, `narrator` included; and for words of another language (`ForeignPhrase`),
  /// each voice in that language as `NAME (TAG)`: `narrator (fr)`.
  public var settings: [String: EngineSettings]
  /// The words the book reads in another language's voice.
  public var foreignPhrases: [ForeignPhrase] = []

  /// The narrator's settings: the preset's.
  public var narrator: EngineSettings { settings[Cast.narrator] ?? EngineSettings() }

  /// The settings of the voice the cast calls `name`; the narrator's for nil or a name it lacks.
  public func settings(_ name: String?) -> EngineSettings { name.flatMap { settings[$0] } ?? narrator }

  /// The voice unattributed quotations take: `dialogue` when the cast has one, else the narrator.
  public var dialogueVoice: String { settings[Cast.dialogue] != nil ? Cast.dialogue : Cast.narrator }

  /// The cast of `book` read by `preset` (the preset's `cast:`, then the book's), each member's
  /// voice its preset (from `library`; the narrator's when it names none) with its inline keys
  /// laid over. Nil when there is no cast: the book is read as before, in one voice.
  ///
  /// - Throws: `.badInput` naming the member's file and line for a preset, voice or variant
  ///   that does not exist.
  public static func resolve(book: Book, preset: VoicePreset, library: VoiceLibrary) throws(AudiobookError)
    -> CastVoices?
  {
    let cast = preset.cast.merging(book.cast)
    let foreign = foreignPhrases(of: book, preset: preset)
    // Corrections alone (speaker marks, `at:`) make no cast: the book is read in one voice.
    guard cast.members.contains(where: \.setsVoice) || !foreign.isEmpty else { return nil }
    var settings = [Cast.narrator: preset.engine]
    if let dialogue = cast[Cast.dialogue] {
      settings[Cast.dialogue] = try voice(of: dialogue, narrator: preset, library: library)
    }
    for member in cast.members where member.name != Cast.dialogue && (member.name != Cast.narrator || member.setsVoice)
    {
      // A character given corrections alone (`at:`, a speaker mark) speaks in the dialogue voice.
      settings[member.name] =
        member.setsVoice
        ? try voice(of: member, narrator: preset, library: library)
        : settings[Cast.dialogue]
          ?? preset.engine
    }
    // Each voice again in each language the book's foreign words are in (its first phrase
    // names the place in messages).
    let voices = settings
    var languages: Set<String> = []
    for phrase in foreign where languages.insert(phrase.language).inserted {
      let voice = try languageVoice(phrase)
      for (name, engine) in voices {
        var speaking = engine
        speaking.voice = voice
        settings[ForeignPhrase.voice(name, speaking: phrase.language)] = speaking
      }
    }
    return CastVoices(
      cast: cast.members.contains(where: \.setsVoice) ? cast : Cast(), settings: settings, foreignPhrases: foreign)
  }

  /// The book's foreign words (its markup's, then its and the voice's lexicons'), without those
  /// in the book's own language or in none (`und`, `mul`, `zxx`).
  static func foreignPhrases(of book: Book, preset: VoicePreset) -> [ForeignPhrase] {
    let lexicon = preset.lexicon(forBookIn: book.language).merging(book.lexicon)
    let own = BookLanguage.primary(of: book.language) ?? "en"
    var seen: Set<String> = []
    return (book.foreignPhrases + lexicon.foreignPhrases).filter { phrase in
      guard let primary = BookLanguage.primary(of: phrase.language), !BookLanguage.noLanguage.contains(primary)
      else { return false }
      return primary != own && seen.insert(phrase.text).inserted
    }
  }

  /// The installed espeak-ng voice for a phrase's language.
  private static func languageVoice(_ phrase: ForeignPhrase) throws(AudiobookError) -> String {
    guard let voice = EspeakVoices.installed().first(speaking: phrase.language) else {
      throw AudiobookError(
        .badInput,
        "'\(phrase.text.quotedForMessage)' is marked as '\(phrase.language.quotedForMessage)', a language espeak-ng "
          + "has no voice for (see `audiobook voices`)", file: phrase.file, line: phrase.line)
    }
    return voice.identifier
  }

  private static func voice(of member: Cast.Member, narrator: VoicePreset, library: VoiceLibrary)
    throws(AudiobookError) -> EngineSettings
  {
    func fail(_ message: String) -> AudiobookError {
      AudiobookError(
        .badInput, "cast member '\(member.name.quotedForMessage)': \(message)", file: member.file, line: member.line)
    }
    var engine = narrator.engine
    if let name = member.preset {
      do {
        engine = try library.preset(named: name).engine
      } catch {
        throw fail(error.message)
      }
    }
    if let voice = member.voice {
      guard EspeakVoices.installed().first(matching: voice) != nil else {
        throw fail("'\(voice.quotedForMessage)' is not an installed espeak-ng voice (see `audiobook voices`)")
      }
      engine.voice = voice
      // A voice named afresh starts without the preset's variant.
      if member.variant == nil && member.preset == nil { engine.variant = "" }
    }
    if let variant = member.variant {
      if !variant.isEmpty, let installed = EspeakVariants.installed, !installed.contains(variant) {
        throw fail("variant '\(variant.quotedForMessage)' is not an installed espeak-ng variant")
      }
      engine.variant = variant
    }
    engine.rate = member.rate ?? engine.rate
    engine.pitch = member.pitch ?? engine.pitch
    engine.range = member.range ?? engine.range
    engine.volume = member.volume ?? engine.volume
    engine.wordGap = member.wordGap ?? engine.wordGap
    return engine
  }
}
