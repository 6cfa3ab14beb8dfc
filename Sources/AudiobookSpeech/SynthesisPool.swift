import Foundation
import AudiobookCore

/// Synthesizes a known set of requests on `jobs` worker processes at once and hands each
/// clip to whoever asks for it by `order`, from any thread.
///
/// Every clip comes from a fresh fork of an identically initialized worker, so which worker
/// speaks which request, and when, does not matter: the output is the same for every `jobs`.
///
/// Scheduling: a request someone is waiting for goes to the next free worker first; otherwise
/// a free worker takes the longest of the next `window` requests not yet started (in the
/// order given, which is the order they will be asked for), so long paragraphs start early
/// and do not hold up the end. At most `window` clips are started but not yet taken, besides
/// those asked for, so memory stays flat however long the book.
package final class SynthesisPool: @unchecked Sendable {
  /// A request to synthesize; `order` is how the consumer asks for its clip.
  package struct Job: Sendable {
    package var order: Int
    package var pieces: [String]
    /// The voice, when not the pool's (a cast's character).
    package var voice: EngineSettings?

    package init(order: Int, pieces: [String], voice: EngineSettings? = nil) {
      self.order = order
      self.pieces = pieces
      self.voice = voice
    }
  }

  private let condition = NSCondition()
  private let pending: [Job]
  /// Each job's text length, the measure of its work.
  private let lengths: [Int]
  /// The position in `pending` of each job's `order`.
  private let positions: [Int: Int]
  private var started: [Bool]
  /// The first position in `pending` not yet started.
  private var firstWaiting = 0
  /// Jobs started whose clip has not been taken yet.
  private var outstanding = 0
  /// Positions of jobs a consumer is waiting for.
  private var asked: Set<Int> = []
  private var closed = false
  private var results: [Int: (Result<Clip, SpeechError>, seconds: Double)] = [:]
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
    lengths = requests.map { $0.pieces.reduce(0) { $0 + $1.utf8.count } }
    positions = Dictionary(requests.enumerated().map { ($1.order, $0) }) { first, _ in first }
    started = Array(repeating: false, count: requests.count)
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
  /// need be. Each job's clip is taken once, from any thread, in any order.
  package func clip(order: Int) throws(SpeechError) -> (clip: Clip, seconds: Double) {
    condition.lock()
    defer { condition.unlock() }
    guard let position = positions[order] else { throw .workerFailed("no request \(order) was made") }
    asked.insert(position)
    condition.broadcast()
    while results[order] == nil && !(closed && !started[position]) {
      condition.wait()
    }
    asked.remove(position)
    guard let (result, seconds) = results.removeValue(forKey: order) else { throw .workerFailed("the workers stopped") }
    outstanding -= 1
    condition.broadcast()
    return (try result.get(), seconds)
  }

  /// Stops handing out work and ends the workers once their current request is done.
  package func close() {
    condition.lock()
    closed = true
    condition.broadcast()
    while threads > 0 { condition.wait() }
    condition.unlock()
  }

  deinit { close() }

  /// Under the lock: the position of the job a free worker should start next, if any may start.
  private func nextPosition() -> Int? {
    guard !closed else { return nil }
    if let wanted = asked.filter({ !started[$0] }).min() { return wanted }
    guard outstanding < window else { return nil }
    var longest: Int?
    var seen = 0
    var position = firstWaiting
    while position < pending.count && seen < window {
      if !started[position] {
        seen += 1
        if longest.map({ lengths[position] > lengths[$0] }) ?? true { longest = position }
      }
      position += 1
    }
    return longest
  }

  private func serve(_ synthesizer: Synthesizer) {
    while true {
      condition.lock()
      var next = nextPosition()
      while next == nil && !closed && firstWaiting < pending.count {
        condition.wait()
        next = nextPosition()
      }
      guard let position = next else {
        threads -= 1
        condition.broadcast()
        condition.unlock()
        synthesizer.close()
        return
      }
      started[position] = true
      outstanding += 1
      while firstWaiting < pending.count && started[firstWaiting] { firstWaiting += 1 }
      let job = pending[position]
      condition.unlock()

      let began = ContinuousClock.now
      let result: Result<Clip, SpeechError>
      do {
        let (clip, encoded) = try synthesizer.synthesizeEncoded(job.pieces, as: job.voice)
        onClip(job, encoded)
        result = .success(clip)
      } catch {
        result = .failure(error)
      }
      condition.lock()
      let elapsed = ContinuousClock.now - began
      results[job.order] = (result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
      condition.broadcast()
      condition.unlock()
    }
  }
}
