import AudiobookCore

/// An espeak-ng voice installed on this machine, as `espeak_ListVoices` describes it.
public struct InstalledVoice: Sendable, Equatable {
  /// A language the voice speaks, with espeak-ng's preference (lower is better).
  public struct Language: Sendable, Equatable {
    public var code: String
    public var priority: Int
  }

  /// Human name, e.g. `English_(Great_Britain)`.
  public var name: String
  /// File identifier under espeak-ng-data/voices, e.g. `gmw/en`.
  public var identifier: String
  public var languages: [Language]

  /// The language code users type, e.g. `en-gb`.
  public var primaryLanguage: String { languages.first?.code ?? identifier }
}

extension [InstalledVoice] {
  /// The voice a user means by `name`: an identifier, a voice name, or else the voice that
  /// speaks that language code with the best priority (as `espeak-ng -v en-gb` picks).
  public func first(matching name: String) -> InstalledVoice? {
    let wanted = name.lowercased()
    if let exact = first(where: { $0.identifier.lowercased() == wanted || $0.name.lowercased() == wanted }) {
      return exact
    }
    // mbrola voices (identifier `mb/...`) need separate data files; prefer espeak-ng's own.
    let speakers = self.compactMap { voice -> (InstalledVoice, Int)? in
      guard let language = voice.languages.first(where: { $0.code.lowercased() == wanted }) else { return nil }
      return (voice, language.priority + (voice.identifier.hasPrefix("mb/") ? 100 : 0))
    }
    return speakers.min { $0.1 < $1.1 }?.0
  }

  /// The voice for a language tag: the tag's own (`fr-ca`), else its primary language's (`fr`).
  public func first(speaking tag: String) -> InstalledVoice? {
    let tag = tag.lowercased()
    return first(matching: tag) ?? tag.split(separator: "-").first.flatMap { first(matching: String($0)) }
  }
}
