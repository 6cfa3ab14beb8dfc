import Foundation

extension StudioSession {
  /// Has `addresses` (`C:P`) synthesized in the background, into the clip cache and the
  /// paragraphs kept at hand, so that they play at once when asked for.
  public func synthesizeInBackground(_ addresses: [String]) {
    var added: [Int: Set<Int>] = [:]
    for address in addresses {
      let parts = address.split(separator: ":").compactMap { Int($0) }
      if parts.count == 2, (1..<1 << 31).contains(parts[0]) { added[parts[0], default: []].insert(parts[1]) }
    }
    work.withLock {
      for (chapter, paragraphs) in added {
        // Kept in reverse reading order, so that the next is the last.
        pending[chapter] = Set(pending[chapter] ?? []).union(paragraphs).sorted(by: >)
      }
      work.broadcast()
    }
  }

  /// Makes `chapter` (the one in view) the first the background synthesis works on.
  public func focus(chapter: Int) {
    let chapters = book.chapters.count
    work.withLock { focusChapter = min(max(chapter, 1), max(chapters, 1)) }
  }

  /// How many paragraphs wait for the background synthesis.
  public var waitingForSynthesis: Int { work.withLock { pending.values.reduce(0) { $0 + $1.count } } }

  /// Starts the thread that synthesizes what `synthesizeInBackground` queued, in the order the
  /// author is likely to listen: the chapter in view, then the chapters after it, then those
  /// before; in reading order within each. It ends with `close`.
  public func startBackgroundSynthesis() {
    let thread = Thread { [self] in
      while let (chapter, paragraph) = nextPending() {
        // A paragraph that no longer exists or cannot be said is left for the page to ask for
        // and be told why.
        _ = try? audio(chapter: chapter, paragraph: paragraph)
      }
    }
    thread.name = "studio-synthesis"
    thread.start()
  }

  /// Waits for a queued paragraph and takes the first in listening order; nil once closed.
  private func nextPending() -> (chapter: Int, paragraph: Int)? {
    work.lock()
    defer { work.unlock() }
    while pending.isEmpty && !closed { work.wait() }
    guard !closed else { return nil }
    let focus = focusChapter
    // Chapters are from 1 to 2^31 (`synthesizeInBackground`, `focus`): no distance overflows.
    guard
      let chapter = pending.keys.min(by: {
        ($0 < focus ? 1 : 0, abs($0 - focus)) < ($1 < focus ? 1 : 0, abs($1 - focus))
      }),
      let paragraph = pending[chapter]?.popLast()
    else { return nil }
    if pending[chapter]?.isEmpty == true { pending[chapter] = nil }
    return (chapter, paragraph)
  }
}
