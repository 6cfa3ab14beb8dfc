import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookKit

@Suite struct ChapterSequenceTests {
  /// What the sequence passed on, in the order it did.
  final class Heard: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
  }

  func sequence(_ heard: Heard) -> ChapterSequence {
    ChapterSequence(
      progress: { event in
        if case .paragraph(let chapter, let paragraph, _, _, _) = event { heard.add("\(chapter).\(paragraph)") }
      }, warn: { heard.add("warning \($0)") })
  }

  func paragraph(_ chapter: Int, _ number: Int) -> RenderEvent {
    .paragraph(chapter: chapter, paragraph: number, cached: true, frames: 1, characters: 10)
  }

  @Test func laterChaptersWaitForTheEarlierOnesAndComeOutInReadingOrder() {
    let heard = Heard()
    let sequence = sequence(heard)
    sequence.progress(paragraph(2, 1), chapter: 1)
    sequence.warn("two", chapter: 1)
    sequence.progress(paragraph(3, 1), chapter: 2)
    sequence.finish(2)
    #expect(heard.all.isEmpty)
    sequence.progress(paragraph(1, 1), chapter: 0)
    #expect(heard.all == ["1.1"])
    sequence.progress(paragraph(1, 2), chapter: 0)
    sequence.finish(0)
    #expect(heard.all == ["1.1", "1.2", "2.1", "warning two"])
    sequence.progress(paragraph(2, 2), chapter: 1)
    sequence.finish(1)
    #expect(heard.all == ["1.1", "1.2", "2.1", "warning two", "2.2", "3.1"])
  }

  @Test func aFailureStopsTheChaptersAfterItAndSilencesThem() {
    let heard = Heard()
    let sequence = sequence(heard)
    sequence.progress(paragraph(3, 1), chapter: 2)
    sequence.fail(1)
    #expect(!sequence.isStopped(0) && !sequence.isStopped(1) && sequence.isStopped(2))
    sequence.finish(2)
    sequence.progress(paragraph(2, 1), chapter: 1)
    sequence.finish(1)
    sequence.progress(paragraph(1, 1), chapter: 0)
    sequence.finish(0)
    #expect(heard.all == ["1.1", "2.1"])
  }

  @Test func theBookFileTakesChaptersInTurn() throws {
    let sequence = sequence(Heard())
    let heard = Heard()
    ParallelLanes.run(6, lanes: 3) { index in
      _ = try? sequence.inTurn(index) { () throws(AudiobookError) in heard.add("\(index)") }
      sequence.finish(index)
    }
    #expect(heard.all == ["0", "1", "2", "3", "4", "5"])
  }

  @Test func aChapterWaitingForItsTurnStopsWhenAnEarlierOneFails() {
    let sequence = sequence(Heard())
    let heard = Heard()
    ParallelLanes.run(3, lanes: 3) { index in
      if index == 0 {
        sequence.fail(0)
        sequence.finish(0)
        return
      }
      do {
        try sequence.inTurn(index) { () throws(AudiobookError) in heard.add("\(index)") }
      } catch {
        heard.add("stopped \(index)")
      }
      sequence.finish(index)
    }
    #expect(heard.all.sorted() == ["stopped 1", "stopped 2"])
  }
}
