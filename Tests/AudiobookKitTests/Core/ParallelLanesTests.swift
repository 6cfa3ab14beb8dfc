import Foundation
import Testing

@testable import AudiobookCore

@Suite struct ParallelLanesTests {
  /// Counts calls from several threads.
  final class Calls: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [Int: Int] = [:]
    private var threads: Set<String> = []
    private var running = 0
    private(set) var mostAtOnce = 0

    func enter(_ index: Int) {
      lock.withLock {
        counts[index, default: 0] += 1
        threads.insert("\(Unmanaged.passUnretained(Thread.current).toOpaque())")
        running += 1
        mostAtOnce = max(mostAtOnce, running)
      }
    }

    func leave() { lock.withLock { running -= 1 } }
    var calls: [Int: Int] { lock.withLock { counts } }
    var threadCount: Int { lock.withLock { threads.count } }
  }

  @Test(arguments: [(0, 3), (1, 3), (7, 1), (50, 3), (5, 16)])
  func everyIndexRunsOnceAndAllAreDoneOnReturn(count: Int, lanes: Int) {
    let calls = Calls()
    ParallelLanes.run(count, lanes: lanes) { index in
      calls.enter(index)
      // Some work, so that lanes overlap.
      var sum = 0
      for value in 0..<20_000 { sum &+= value * index }
      _ = sum
      calls.leave()
    }
    #expect(calls.calls == Dictionary(uniqueKeysWithValues: (0..<count).map { ($0, 1) }))
    #expect(calls.mostAtOnce <= max(1, min(lanes, count)))
  }

  @Test(arguments: [1, 2, 5])
  func mapGivesTheResultsInIndexOrder(lanes: Int) {
    #expect(ParallelLanes.map(40, lanes: lanes) { $0 * $0 } == (0..<40).map { $0 * $0 })
    #expect(ParallelLanes.map(0, lanes: lanes) { $0 }.isEmpty)
  }

  @Test func oneLaneRunsInOrderOnTheCallingThread() {
    var order: [Int] = []
    let caller = Thread.current
    var onCaller = true
    ParallelLanes.run(5, lanes: 1) { index in
      order.append(index)
      onCaller = onCaller && Thread.current == caller
    }
    #expect(order == [0, 1, 2, 3, 4])
    #expect(onCaller)
  }

  /// Several lanes really run at once: each of two items waits until the other has started,
  /// which one lane at a time could never satisfy (the wait gives up after 10 s, and fails).
  @Test func lanesRunAtOnce() {
    final class Met: @unchecked Sendable { var both = [false, false] }
    let started = NSCondition()
    var count = 0
    let met = Met()
    ParallelLanes.run(2, lanes: 2) { index in
      started.lock()
      count += 1
      started.broadcast()
      let deadline = Date() + 10
      while count < 2 && started.wait(until: deadline) {}
      met.both[index] = count == 2
      started.unlock()
    }
    #expect(met.both == [true, true])
  }
}
