import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookSpeech

@Suite struct SynthesisPoolTests {
  /// Short texts of different lengths, so the longest-first choice reorders them.
  static let texts = (1...14).map { index in
    "Line \(index)." + String(repeating: " The lamp burned.", count: index % 4)
  }

  static func jobs() -> [SynthesisPool.Job] {
    texts.enumerated().map { SynthesisPool.Job(order: 100 + $0, pieces: [$1]) }
  }

  final class Clips: @unchecked Sendable {
    private let lock = NSLock()
    private var byOrder: [Int: Clip] = [:]
    private var stored: [Int] = []
    func add(_ clip: Clip, order: Int) { lock.withLock { byOrder[order] = clip } }
    func store(_ order: Int) { lock.withLock { stored.append(order) } }
    var all: [Int: Clip] { lock.withLock { byOrder } }
    var storedOrders: [Int] { lock.withLock { stored } }
  }

  /// Whatever the order clips are asked for in, and from however many threads, each comes
  /// back, the same as one synthesized alone; a clip asked for far beyond the window (the
  /// last one first, on one worker) is started at once rather than waiting for the others.
  @Test(arguments: [1, 3])
  func clipsTakenInAnyOrderFromSeveralThreadsAreTheOnesAskedFor(jobs: Int) throws {
    let clips = Clips()
    let pool = try SynthesisPool(
      requests: Self.jobs(), settings: EngineSettings(), workerExecutable: TestSupport.workerExecutable, jobs: jobs
    ) { job, _ in clips.store(job.order) }
    defer { pool.close() }
    // Three consumers: the even orders backwards, the odd ones forwards, and one more lane
    // taking nothing; the last order is asked for first.
    let orders = Self.jobs().map(\.order)
    let lanes = [orders.filter { $0 % 2 == 0 }.reversed(), orders.filter { $0 % 2 == 1 }, []]
    ParallelLanes.run(lanes.count, lanes: lanes.count) { lane in
      for order in lanes[lane] {
        if let clip = try? pool.clip(order: order).clip { clips.add(clip, order: order) }
      }
    }
    #expect(Set(clips.all.keys) == Set(orders))
    #expect(clips.storedOrders.count == orders.count)
    let synthesizer = try Synthesizer(settings: EngineSettings(), workerExecutable: TestSupport.workerExecutable)
    defer { synthesizer.close() }
    for (order, text) in zip(orders, Self.texts) where order % 5 == 0 {
      #expect(clips.all[order] == (try synthesizer.synthesize([text])), "order \(order)")
    }
  }

  @Test func aClipNeverRequestedIsAnErrorNotAWait() throws {
    let pool = try SynthesisPool(
      requests: Array(Self.jobs().prefix(2)), settings: EngineSettings(),
      workerExecutable: TestSupport.workerExecutable, jobs: 1
    ) { _, _ in }
    defer { pool.close() }
    #expect(throws: SpeechError.self) { try pool.clip(order: 7) }
    #expect(try pool.clip(order: 101).clip.pieces.count == 1)
  }
}
