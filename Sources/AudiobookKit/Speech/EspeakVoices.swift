/// The espeak-ng voices installed here, read once in this process.
///
/// Listing voices initializes espeak-ng in the calling process; that is harmless because
/// synthesis never happens in it, only in forked workers.
public enum EspeakVoices {
  public static func installed() -> [InstalledVoice] { cache }

  private static let cache: [InstalledVoice] = {
    guard (try? EspeakEngine.initialize()) != nil else { return [] }
    return EspeakEngine.installedVoices()
  }()
}
