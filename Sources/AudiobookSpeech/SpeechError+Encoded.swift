import AudiobookCore

/// A `SpeechError` as it crosses the worker's pipe: a byte naming the case, then its fields
/// (`ByteWriter` strings and integers), so the parent throws the very case the worker threw.
extension SpeechError {
  private enum Tag: UInt8 {
    case engineUnavailable = 0
    case unknownVoice = 1
    case synthesisFailed = 2
    case espeak = 3
    case workerCrashed = 4
    case workerFailed = 5
  }

  /// The error's bytes, for `init(encoded:)`.
  package var encoded: [UInt8] {
    var writer = ByteWriter()
    func tagged(_ tag: Tag, _ text: String) {
      writer.append(tag.rawValue)
      writer.append(text)
    }
    switch self {
    case .engineUnavailable(let message): tagged(.engineUnavailable, message)
    case .unknownVoice(let name): tagged(.unknownVoice, name)
    case .synthesisFailed(let message): tagged(.synthesisFailed, message)
    case .workerCrashed(let message): tagged(.workerCrashed, message)
    case .workerFailed(let message): tagged(.workerFailed, message)
    case .espeak(let error):
      writer.append(Tag.espeak.rawValue)
      writer.append(error.status)
      writer.append(error.function)
      writer.append(error.message)
      writer.append(UInt8(error.context == nil ? 0 : 1))
      writer.append(error.context ?? "")
    }
    return writer.bytes
  }

  /// The error `encoded` gave; nil for bytes it did not write (a truncated or foreign message).
  package init?(encoded bytes: ArraySlice<UInt8>) {
    var reader = ByteReader(bytes)
    guard let tag = reader.uint8().flatMap(Tag.init(rawValue:)) else { return nil }
    switch tag {
    case .espeak:
      guard let status = reader.uint32(), let function = reader.string(), let message = reader.string(),
        let hasContext = reader.uint8(), hasContext <= 1, let context = reader.string()
      else { return nil }
      self = .espeak(
        EspeakError(function: function, status: status, message: message, context: hasContext == 1 ? context : nil))
    default:
      guard let text = reader.string() else { return nil }
      switch tag {
      case .engineUnavailable: self = .engineUnavailable(text)
      case .unknownVoice: self = .unknownVoice(text)
      case .synthesisFailed: self = .synthesisFailed(text)
      case .workerCrashed: self = .workerCrashed(text)
      case .workerFailed, .espeak: self = .workerFailed(text)
      }
    }
    guard reader.isAtEnd else { return nil }
  }
}
