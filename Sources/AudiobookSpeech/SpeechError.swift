/// What can go wrong between the text and its audio.
public enum SpeechError: Error, Equatable, Sendable {
  /// espeak-ng could not start (missing data folder, library trouble).
  case engineUnavailable(String)
  /// espeak-ng has no voice of this name.
  case unknownVoice(String)
  /// espeak-ng returned an error for a piece of text.
  case synthesisFailed(String)
  /// The process synthesizing a paragraph died (a crash inside espeak-ng).
  case workerCrashed(String)
  /// The synthesis worker process could not be started or talked nonsense.
  case workerFailed(String)
}

extension SpeechError: CustomStringConvertible {
  /// The message alone, as a user should read it.
  public var description: String {
    switch self {
    case .engineUnavailable(let message), .synthesisFailed(let message), .workerCrashed(let message),
      .workerFailed(let message):
      message
    case .unknownVoice(let name): "espeak-ng has no voice '\(name)'"
    }
  }
}
