import Crypto
import Foundation
import AudiobookCore
import AudiobookSpeech

/// The identity of a clip: everything that decides its samples, hashed (SHA-256, hex).
///
/// The speech text after normalization, the espeak-ng settings, the espeak-ng version and
/// data folder, and the sample rate. Pauses are not part of it: they sit between clips, so
/// changing a pause re-assembles a chapter without synthesizing anything.
public struct ClipKey: Hashable, Sendable, CustomStringConvertible {
  public let hex: String

  /// Bump when the clip format or what a clip holds changes, so old entries are not reused.
  static let formatVersion = "audiobook-clip-1"

  init(pieces: [String], settings: EngineSettings, engine: EngineInfo) {
    var hasher = SHA256()
    func add(_ text: String) {
      hasher.update(data: Array(text.utf8))
      hasher.update(data: [0])  // a separator no text contains, so fields cannot run together
    }
    add(Self.formatVersion)
    add(settings.espeakVoiceName)
    for value in [settings.rate, settings.pitch, settings.range, settings.volume, settings.wordGap] {
      add(String(value))
    }
    add(engine.version)
    add(engine.dataPath)
    add(String(engine.sampleRate))
    add(String(pieces.count))
    pieces.forEach(add)
    hex = Hex.string(hasher.finalize())
  }

  init?(hex: String) {
    guard hex.count == 64, hex.allSatisfy(\.isHexDigit) else { return nil }
    self.hex = hex
  }

  public var description: String { hex }
}
