import Foundation
import AudiobookCore
import AudiobookSpeech

/// A clip from the cache when it holds a sound one, else synthesized on a worker started on
/// first need, and then stored in the cache. Safe to use from several threads: cache reads
/// run at once, synthesis one at a time.
final class CachedSynthesis: @unchecked Sendable {
  private let preset: VoicePreset
  private let workerExecutable: String
  private let cache: ClipCache?
  private var synthesizer: Synthesizer?
  private let lock = NSLock()

  init(preset: VoicePreset, workerExecutable: String, cache: ClipCache?) {
    self.preset = preset
    self.workerExecutable = workerExecutable
    self.cache = cache
  }

  /// The clip for `pieces` in `voice` (nil: the preset's), and the seconds spent synthesizing
  /// it (nil when it came from the cache). `onDamaged` hears of a cache entry that failed its
  /// check and is being replaced.
  func clip(
    for pieces: [String], voice: EngineSettings? = nil, key: ClipKey, onDamaged: (String) -> Void = { _ in }
  ) throws(SpeechError) -> (clip: Clip, seconds: Double?) {
    switch cache?.read(key) {
    case .hit(let clip) where clip.pieces.count == pieces.count: return (clip, nil)
    case .hit: onDamaged("wrong number of pieces")
    case .damaged(let reason): onDamaged(reason)
    case .miss, nil: break
    }
    lock.lock()
    defer { lock.unlock() }
    if synthesizer == nil {
      synthesizer = try Synthesizer(settings: preset.engine, workerExecutable: workerExecutable)
    }
    guard let synthesizer else { throw .workerFailed("no synthesizer") }
    let started = ContinuousClock.now
    let (clip, encoded) = try synthesizer.synthesizeEncoded(pieces, as: voice)
    let elapsed = ContinuousClock.now - started
    try? cache?.write(encoded: encoded, for: key)
    return (clip, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
  }

  func close() { lock.withLock { synthesizer?.close() } }
}
