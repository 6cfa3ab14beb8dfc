import AudiobookKit

/// `audiobook --version`: this package's version and the espeak-ng it speaks with.
enum AudiobookVersion {
  /// The package's version (there are no releases yet; the first takes this number).
  static let package = "0.1.0"

  /// `audiobook 0.1.0 (espeak-ng 1.51)`, or `(espeak-ng unavailable)` when it cannot start.
  static var line: String { "audiobook \(package) (espeak-ng \(espeakVersion() ?? "unavailable"))" }

  /// The version a synthesis worker reports when it starts (`Synthesizer.info`): espeak-ng is
  /// initialized in the worker only, never in this process.
  private static func espeakVersion() -> String? {
    guard
      let synthesizer = try? Synthesizer(
        settings: EngineSettings(), workerExecutable: SynthesisWorker.defaultExecutable())
    else { return nil }
    defer { synthesizer.close() }
    return synthesizer.info.version
  }
}
