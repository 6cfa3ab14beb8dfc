import FlyingFox
import FlyingSocks
import Foundation

/// The pages listening on `GET /api/events`, each a Server-Sent Events stream: `send` writes an
/// event to all of them. A page that went away is dropped at the next event or heartbeat.
final class StudioEvents: @unchecked Sendable {
  private let lock = NSLock()
  private var listeners: [UUID: AsyncStream<[UInt8]>.Continuation] = [:]

  /// How many pages listen.
  var count: Int { lock.withLock { listeners.count } }

  /// A new listener's stream: it starts by asking the browser to reconnect after a second.
  func listen() -> EventBytes {
    let id = UUID()
    let stream = AsyncStream<[UInt8]>(bufferingPolicy: .bufferingNewest(64)) { continuation in
      continuation.yield(Array("retry: 1000\n\n".utf8))
      continuation.onTermination = { [weak self] _ in
        self?.lock.withLock { _ = self?.listeners.removeValue(forKey: id) }
      }
      lock.withLock { listeners[id] = continuation }
    }
    return EventBytes(stream: stream)
  }

  /// Sends `event` with `data` (one line of JSON) to every listener.
  func send(_ event: String, data: String) {
    write(Array("event: \(event)\ndata: \(data)\n\n".utf8))
  }

  /// A comment line, which browsers ignore: it finds the listeners that went away.
  func heartbeat() {
    write(Array(": heartbeat\n\n".utf8))
  }

  /// Ends every stream.
  func finish() {
    for listener in lock.withLock({ Array(listeners.values) }) { listener.finish() }
  }

  private func write(_ bytes: [UInt8]) {
    for listener in lock.withLock({ Array(listeners.values) }) { listener.yield(bytes) }
  }
}

/// An event stream's bytes as FlyingFox sends a body of unknown length: chunk by chunk, each as
/// soon as it is sent.
struct EventBytes: AsyncBufferedSequence {
  typealias Element = UInt8
  let stream: AsyncStream<[UInt8]>

  func makeAsyncIterator() -> Iterator { Iterator(base: stream.makeAsyncIterator()) }

  struct Iterator: AsyncBufferedIteratorProtocol {
    var base: AsyncStream<[UInt8]>.Iterator
    var waiting: ArraySlice<UInt8> = []

    mutating func next() async -> UInt8? {
      guard await fill() else { return nil }
      return waiting.popFirst()
    }

    mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
      guard await fill() else { return nil }
      let buffer = waiting.prefix(Swift.max(1, count))
      waiting = waiting.dropFirst(buffer.count)
      return buffer
    }

    /// Waits for the next event when the last is all sent; false once the stream has ended.
    private mutating func fill() async -> Bool {
      while waiting.isEmpty {
        guard let chunk = await base.next() else { return false }
        waiting = chunk[...]
      }
      return true
    }
  }
}
