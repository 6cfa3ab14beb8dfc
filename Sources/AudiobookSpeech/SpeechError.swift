/// What can go wrong between the text and its audio.
public enum SpeechError: Error, Equatable, Sendable {
  /// espeak-ng's data cannot be found or read (missing data folder).
  case engineUnavailable(String)
  /// espeak-ng has no voice of this name.
  case unknownVoice(String)
  /// A request the worker could not serve (malformed, or no process to serve it in).
  case synthesisFailed(String)
  /// An espeak-ng call failed: its code and espeak-ng's own message.
  case espeak(EspeakError)
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
    case .espeak(let error) where error.function == "espeak_ng_Initialize":
      "\(error); is espeak-ng-data installed?"
    case .espeak(let error): "\(error)"
    }
  }
}
