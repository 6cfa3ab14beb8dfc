/// What espeak-ng reports about itself once initialized; part of every clip's identity.
public struct EngineInfo: Codable, Sendable, Equatable {
  /// e.g. `1.51`.
  public var version: String
  /// The espeak-ng-data folder in use.
  public var dataPath: String
  /// Samples per second of the audio espeak-ng produces (22,050 Hz).
  public var sampleRate: Int
}
