import AudiobookBook
import AudiobookCore
import AudiobookSpeech

/// A book's cast with every voice worked out: the espeak-ng settings of the narrator, of
/// `dialogue` and of each character, by the cast's names. A render, `say` and the studio
/// speak each quotation in its speaker's voice through it.
public struct CastVoices: Sendable, Equatable {
  /// The cast as the preset and the book give it (the book's members win).
  public var cast: Cast
  /// By member name, `narrator` included.
  public var settings: [String: EngineSettings]

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
    // Corrections alone (speaker marks, `at:`) make no cast: the book is read in one voice.
    guard cast.members.contains(where: \.setsVoice) else { return nil }
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
    return CastVoices(cast: cast, settings: settings)
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
