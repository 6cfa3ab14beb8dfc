import AudiobookCore
import AudiobookBook

extension VoiceLibrary {
  /// The default preset for a book in `language` (a BCP 47 tag such as `fr` or `pt-BR`).
  ///
  /// A preset named for the language, `narrator-TAG` (`narrator-fr-ca`, then `narrator-fr`), in
  /// the voices folders, is taken as it is. Otherwise the default preset (`narrator`, British
  /// English) keeps its settings and pauses; only
  /// its espeak-ng voice changes, to the installed voice for the language (`fr-CA` looks
  /// for `fr-ca`, then `fr`). A book in the preset's own language, or with no language,
  /// gets the preset as it is, and so does a language espeak-ng has no voice for, with a
  /// warning saying so. The preset's lexicon, written for its own language, is left behind.
  ///
  /// - Returns: the preset, and a warning for the user when the language has no voice.
  /// - Throws: `.badInput` when the default preset on disk is malformed.
  public func defaultPreset(forLanguage language: String?) throws(AudiobookError) -> (
    preset: VoicePreset, warning: String?
  ) {
    let tag = (language ?? "").trimmingSpaces.lowercased().replacingOccurrences(of: "_", with: "-")
    let primary = tag.split(separator: "-").first.map(String.init) ?? ""
    // A preset made for the language: `narrator-fr-ca`, then `narrator-fr`.
    for name in [tag, primary] where !name.isEmpty && name != "und" && BookLanguage.isTag(name) {
      if let own = try presetIfPresent(named: "\(Self.defaultPresetName)-\(name)") { return (own, nil) }
    }
    let preset = try self.preset(named: Self.defaultPresetName)
    guard !primary.isEmpty, primary != "und", primary != Self.primaryLanguage(of: preset.engine.voice) else {
      return (preset, nil)
    }
    guard let voice = EspeakVoices.installed().first(speaking: tag) else {
      return (
        preset,
        "warning: espeak-ng has no voice for the book's language '\((language ?? tag).quotedForMessage)'; "
          + "reading it with "
          + "\(preset.name) (\(preset.engine.voice)); give --voice to choose another"
      )
    }
    var speaking = preset
    speaking.name = "\(preset.name) (\(voice.primaryLanguage))"
    speaking.description = "\(preset.name) with espeak-ng voice \(voice.name), for the book's language"
    speaking.engine.voice = voice.identifier
    // The preset's lexicon respells words of its own language.
    speaking.lexicon = .empty
    return (speaking, nil)
  }

  /// `en-gb` → `en`; `gmw/en-US` → `en`.
  package static func primaryLanguage(of voice: String) -> String {
    let name = voice.split(separator: "/").last.map(String.init) ?? voice
    return name.lowercased().split(separator: "-").first.map(String.init) ?? ""
  }
}
