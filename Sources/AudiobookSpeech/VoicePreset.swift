import AudiobookCore
import AudiobookBook

/// A named voice: espeak-ng settings plus the pauses between sentences, paragraphs and chapters.
public struct VoicePreset: Sendable, Equatable {
  /// Where a preset was read from, so `voices` can say which one wins.
  public enum Source: Sendable, Equatable, CustomStringConvertible {
    /// A `NAME.yaml` file on disk.
    case file(String)
    /// The copy of the repository's `Voices/` compiled into the executable.
    case builtIn
    /// No preset: an espeak-ng voice named directly, with the default settings.
    case espeakVoice

    public var description: String {
      switch self {
      case .file(let path): path
      case .builtIn: "built-in"
      case .espeakVoice: "espeak-ng voice"
      }
    }
  }

  public var name: String
  public var description: String
  public var engine: EngineSettings
  public var pauses: Pauses
  public var source: Source
  /// How this voice says particular words (`lexicon:` in the preset); a book's lexicon adds to it.
  public var lexicon: Lexicon = .empty
  /// Who reads a book's quotations with this voice as narrator (`cast:` in the preset); a
  /// book's own cast wins, name by name.
  public var cast = Cast()

  public init(
    name: String, description: String = "", engine: EngineSettings = .init(), pauses: Pauses = .init(),
    source: Source = .builtIn
  ) {
    self.name = name
    self.description = description
    self.engine = engine
    self.pauses = pauses
    self.source = source
  }
}

extension VoicePreset {
  /// A synthesis failure as the user should hear of it: a voice espeak-ng lacks is the
  /// preset's fault (bad input, naming the preset); anything else is a failure.
  package func failure(_ error: SpeechError) -> AudiobookError {
    if case .unknownVoice(let voice) = error {
      return AudiobookError(
        .badInput,
        "voice preset '\(name.quotedForMessage)' names espeak-ng voice '\(voice.quotedForMessage)', "
          + "which is not installed",
        file: source.description)
    }
    return AudiobookError(.failure, "\(error)")
  }
}
