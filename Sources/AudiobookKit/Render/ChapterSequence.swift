import AudiobookCore
import Foundation

/// What chapters assembled at once (`RenderRun.assemble`) say and share, kept in reading order:
/// a chapter's progress events and warnings go out as they happen while every chapter before
/// it is done, and wait until then otherwise; the whole-book file takes the chapters in turn;
/// and a failure stops the chapters after it, while the ones before it finish (one of them may
/// fail too, and the earliest failure is the one reported, as when chapters ran one by one).
final class ChapterSequence: @unchecked Sendable {
  private enum Message {
    case event(RenderEvent)
    case warning(String)
  }

  private let condition = NSCondition()
  private let progress: (RenderEvent) -> Void
  private let warn: (String) -> Void
  /// The earliest chapter not finished: its messages go out at once.
  private var head = 0
  private var finished: Set<Int> = []
  private var held: [Int: [Message]] = [:]
  /// The earliest chapter that failed.
  private var failed: Int?
  /// The earliest chapter that has not had (or passed on) its turn at the whole-book file.
  private var turn = 0
  private var turnsTaken: Set<Int> = []

  init(progress: @escaping (RenderEvent) -> Void, warn: @escaping (String) -> Void) {
    self.progress = progress
    self.warn = warn
  }

  func progress(_ event: RenderEvent, chapter: Int) { say(.event(event), chapter: chapter) }

  func warn(_ warning: String, chapter: Int) { say(.warning(warning), chapter: chapter) }

  private func say(_ message: Message, chapter: Int) {
    condition.lock()
    defer { condition.unlock() }
    if chapter == head { deliver(message) } else { held[chapter, default: []].append(message) }
  }

  /// Called on the calling thread, under the lock: one message at a time, in order.
  private func deliver(_ message: Message) {
    switch message {
    case .event(let event): progress(event)
    case .warning(let warning): warn(warning)
    }
  }

  /// Marks `chapter` done (or failed, or stopped): the messages of the chapters after it that
  /// are now at the head go out. A chapter after a failure says nothing.
  func finish(_ chapter: Int) {
    condition.lock()
    defer { condition.unlock() }
    finished.insert(chapter)
    passTurn(chapter)
    while finished.contains(head) {
      held[head] = nil
      head += 1
      if failed.map({ head > $0 }) ?? false { continue }
      for message in held[head] ?? [] { deliver(message) }
      held[head] = nil
    }
  }

  /// Records that `chapter` failed: the chapters after it stop (`isStopped`).
  func fail(_ chapter: Int) {
    condition.lock()
    defer { condition.unlock() }
    failed = min(failed ?? chapter, chapter)
    condition.broadcast()
  }

  /// Whether an earlier chapter failed, so `chapter` need not go on.
  func isStopped(_ chapter: Int) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    return failed.map { chapter > $0 } ?? false
  }

  /// Runs `body` once every chapter before `chapter` has had its turn at the whole-book file.
  ///
  /// - Throws: `stopped` when an earlier chapter fails meanwhile.
  func inTurn<T>(_ chapter: Int, _ body: () throws(AudiobookError) -> T) throws(AudiobookError) -> T {
    condition.lock()
    while turn < chapter && !(failed.map { chapter > $0 } ?? false) { condition.wait() }
    let stopped = failed.map { chapter > $0 } ?? false
    condition.unlock()
    if stopped { throw Self.stopped }
    defer {
      condition.lock()
      passTurn(chapter)
      condition.unlock()
    }
    return try body()
  }

  /// Under the lock.
  private func passTurn(_ chapter: Int) {
    turnsTaken.insert(chapter)
    while turnsTaken.contains(turn) { turn += 1 }
    condition.broadcast()
  }

  /// What a chapter stopped by an earlier failure throws; never reported, since that failure is.
  static let stopped = AudiobookError(.failure, "stopped: an earlier chapter failed")
}
