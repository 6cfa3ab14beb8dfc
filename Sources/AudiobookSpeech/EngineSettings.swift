/// The espeak-ng settings a voice preset chooses: which voice and how it speaks.
public struct EngineSettings: Codable, Sendable, Equatable, Hashable {
  /// espeak-ng voice name, e.g. `en-gb`; a variant is appended with `+`, e.g. `en-gb+m3`.
  public var voice: String
  /// espeak-ng voice variant, e.g. `m3` or `f2`; empty for none.
  public var variant: String
  /// Words per minute (espeak-ng accepts 80–450).
  public var rate: Int
  /// Base pitch, 0–100 (50 is normal).
  public var pitch: Int
  /// Pitch range, 0–100 (0 is monotone, 50 normal).
  public var range: Int
  /// Volume, 0–200 (100 is normal).
  public var volume: Int
  /// Extra pause between words, in units of 10 ms at the default speed.
  public var wordGap: Int

  public init(
    voice: String = "en-gb", variant: String = "", rate: Int = 165, pitch: Int = 50, range: Int = 50,
    volume: Int = 100, wordGap: Int = 0
  ) {
    self.voice = voice
    self.variant = variant
    self.rate = rate
    self.pitch = pitch
    self.range = range
    self.volume = volume
    self.wordGap = wordGap
  }

  /// The name espeak-ng's `espeak_SetVoiceByName` takes: voice plus optional `+variant`.
  package var espeakVoiceName: String { variant.isEmpty ? voice : "\(voice)+\(variant)" }
}
