import AudiobookCore

/// espeak-ng as this process knows it without synthesizing: its identity and its voices.
///
/// espeak-ng is initialized at most once per process (initializing it again after
/// `espeak_Terminate` hangs, DESIGN.md fact 3); this process never synthesizes with it,
/// only forked workers do, so reading its version and voice list here is harmless.
public enum EspeakVoices {
  /// Version, data path and sample rate of the installed espeak-ng.
  public static func info() throws(SpeechError) -> EngineInfo { try engine.get() }

  public static func installed() -> [InstalledVoice] { voices }

  /// `info()` for a render: a failure becomes an `AudiobookError` the CLI can print.
  package static func usableEngine() throws(AudiobookError) -> EngineInfo {
    do {
      return try info()
    } catch {
      throw AudiobookError(.failure, "espeak-ng is not usable: \(error)")
    }
  }

  private static let engine: Result<EngineInfo, SpeechError> = Result { () throws(SpeechError) in
    try EspeakEngine.initialize()
  }

  private static let voices: [InstalledVoice] = {
    guard (try? engine.get()) != nil else { return [] }
    return EspeakEngine.installedVoices()
  }()
}
