import Foundation

/// Work items run on a few threads at once, each thread taking the next item as it finishes
/// one: items start in order, lower indices first, and may finish in any order.
package enum ParallelLanes {
  /// Calls `body` once with each index in `0..<count`, on up to `lanes` threads at once, and
  /// returns when every call has returned. With one lane, or one item, everything runs on the
  /// calling thread.
  package static func run(_ count: Int, lanes: Int, _ body: (Int) -> Void) {
    let lanes = max(1, min(lanes, count))
    guard lanes > 1 else {
      for index in 0..<count { body(index) }
      return
    }
    withoutActuallyEscaping(body) { body in
      let queue = Queue(count: count, lanes: lanes, body: body)
      for _ in 1..<lanes {
        // Chapter assembly, resampling and encoding run here: the main thread's stack size.
        let thread = Thread { queue.serve() }
        thread.stackSize = 8 << 20
        thread.start()
      }
      queue.serve()
      queue.waitForAll()
    }
  }

  /// `transform` of each index in `0..<count`, in index order, computed on up to `lanes`
  /// threads at once (`run`).
  package static func map<T>(_ count: Int, lanes: Int, _ transform: (Int) -> T) -> [T] {
    var results = [T?](repeating: nil, count: count)
    let lock = NSLock()
    run(count, lanes: lanes) { index in
      let result = transform(index)
      lock.withLock { results[index] = result }
    }
    // `run` calls `transform` once with every index, so every slot is filled.
    return results.compactMap { $0 }
  }

  /// The next index to hand out, and how many lanes still run. `body` never outlives `run`:
  /// `run` waits for every lane, and the queue lets go of `body` (which the threads' own
  /// objects may outlive it holding) before it returns.
  private final class Queue: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private var next = 0
    private var running: Int
    private var body: ((Int) -> Void)?

    init(count: Int, lanes: Int, body: @escaping (Int) -> Void) {
      self.count = count
      running = lanes
      self.body = body
    }

    func serve() {
      while true {
        condition.lock()
        let index = next
        next += 1
        let work = body
        condition.unlock()
        guard index < count, let work else { break }
        work(index)
      }
      condition.lock()
      running -= 1
      condition.broadcast()
      condition.unlock()
    }

    func waitForAll() {
      condition.lock()
      while running > 0 { condition.wait() }
      body = nil
      condition.unlock()
    }
  }
}
