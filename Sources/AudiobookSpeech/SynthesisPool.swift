import Foundation
import AudiobookCore

/// Synthesizes a known sequence of requests on `jobs` worker processes at once and hands the
/// clips back in order.
///
/// Every clip comes from a fresh fork of an identically initialized worker, so which worker
/// speaks which request does not matter: the output is the same for every `jobs`. Workers run
/// at most `window` requests ahead of the consumer, so memory stays flat however long the book.
package final class SynthesisPool: @unchecked Sendable {
  /// A request to synthesize; `order` is its position in the consumer's sequence.
  package struct Job: Sendable {
    package var order: Int
    package var pieces: [String]

    package init(order: Int, pieces: [String]) {
      self.order = order
      self.pieces = pieces
    }
  }

  private let condition = NSCondition()
  private var pending: [Job]
  private var nextJob = 0
  private var results: [Int: (Result<Clip, SpeechError>, seconds: Double)] = [:]
  /// How many jobs (by position in `pending`) the consumer has taken.
  private var consumed = 0
  private let window: Int
  private var synthesizers: [Synthesizer] = []
  private var threads = 0
  /// Called on a worker thread with each clip as it arrives, and its bytes (to store in the cache).
  private let onClip: @Sendable (Job, ArraySlice<UInt8>) -> Void

  /// Starts `jobs` workers (no more than there are requests) on `requests`, in order.
  ///
  /// - Throws: `SpeechError` when a worker cannot start (unknown voice, missing executable).
  package init(
    requests: [Job], settings: EngineSettings, workerExecutable: String, jobs: Int,
    onClip: @escaping @Sendable (Job, ArraySlice<UInt8>) -> Void
  ) throws(SpeechError) {
    pending = requests
    window = jobs + 2
    self.onClip = onClip
    let count = min(max(1, jobs), requests.count)
    for _ in 0..<count {
      synthesizers.append(try Synthesizer(settings: settings, workerExecutable: workerExecutable))
    }
    for synthesizer in synthesizers {
      threads += 1
      let thread = Thread { [self] in self.serve(synthesizer) }
      thread.stackSize = 1 << 20
      thread.start()
    }
  }

  /// The clip of the job at `order` and the seconds a worker spent on it, waiting for it if
  /// need be. Jobs must be taken in order.
  package func clip(order: Int) throws(SpeechError) -> (clip: Clip, seconds: Double) {
    condition.lock()
    defer { condition.unlock() }
    while results[order] == nil {
      condition.wait()
    }
    let (result, seconds) = results.removeValue(forKey: order) ?? (.failure(.workerFailed("no result")), 0)
    consumed += 1
    condition.broadcast()
    return (try result.get(), seconds)
  }

  /// Stops handing out work and ends the workers once their current request is done.
  package func close() {
    condition.lock()
    nextJob = pending.count
    condition.broadcast()
    while threads > 0 { condition.wait() }
    condition.unlock()
  }

  deinit { close() }

  private func serve(_ synthesizer: Synthesizer) {
    while true {
      condition.lock()
      while nextJob < pending.count && nextJob >= consumed + window { condition.wait() }
      guard nextJob < pending.count else {
        threads -= 1
        condition.broadcast()
        condition.unlock()
        synthesizer.close()
        return
      }
      let job = pending[nextJob]
      nextJob += 1
      condition.unlock()

      let started = ContinuousClock.now
      let result: Result<Clip, SpeechError>
      do {
        let (clip, encoded) = try synthesizer.synthesizeEncoded(job.pieces)
        onClip(job, encoded)
        result = .success(clip)
      } catch {
        result = .failure(error)
      }
      condition.lock()
      let elapsed = ContinuousClock.now - started
      results[job.order] = (result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
      condition.broadcast()
      condition.unlock()
    }
  }
}
