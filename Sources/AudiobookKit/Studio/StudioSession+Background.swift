import Foundation

extension StudioSession {
  /// Has `addresses` (`C:P`) synthesized in the background, into the clip cache and the
  /// paragraphs kept at hand, so that they play at once when asked for.
  public func synthesizeInBackground(_ addresses: [String]) {
    work.withLock {
      pending.removeAll { addresses.contains($0) }
      pending += addresses
      work.broadcast()
    }
  }

  /// Makes `chapter` (the one in view) the first the background synthesis works on.
  public func focus(chapter: Int) {
    work.withLock { focusChapter = chapter }
  }

  /// How many paragraphs wait for the background synthesis.
  public var waitingForSynthesis: Int { work.withLock { pending.count } }

  /// Starts the thread that synthesizes what `synthesizeInBackground` queued, in the order the
  /// author is likely to listen: the chapter in view, then the chapters after it, then those
  /// before; in reading order within each. It ends with `close`.
  public func startBackgroundSynthesis() {
    let thread = Thread { [self] in
      while let next = nextPending() {
        let parts = next.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2 else { continue }
        // A paragraph that no longer exists or cannot be said is left for the page to ask for
        // and be told why.
        _ = try? audio(chapter: parts[0], paragraph: parts[1])
      }
    }
    thread.name = "studio-synthesis"
    thread.start()
  }

  /// Waits for a queued paragraph and takes the first in listening order; nil once closed.
  private func nextPending() -> String? {
    work.lock()
    defer { work.unlock() }
    while pending.isEmpty && !closed { work.wait() }
    guard !closed else { return nil }
    let focus = focusChapter
    func rank(_ address: String) -> (Int, Int, Int) {
      let parts = address.split(separator: ":").compactMap { Int($0) }
      guard parts.count == 2 else { return (3, 0, 0) }
      let chapter = parts[0]
      return (chapter >= focus ? 0 : 1, abs(chapter - focus), parts[1])
    }
    guard let index = pending.indices.min(by: { rank(pending[$0]) < rank(pending[$1]) }) else { return nil }
    return pending.remove(at: index)
  }
}
