import Testing

@testable import AudiobookCore
@testable import AudiobookSpeech

@Suite struct SampleArenaTests {
  @Test func appendsWhatFitsAndRefusesTheRest() throws {
    let arena = try #require(SampleArena(capacity: 5))
    let first: [Int16] = [1, 2, 3]
    #expect(first.withUnsafeBufferPointer { arena.append($0) })
    let tooMany: [Int16] = [4, 5, 6]
    #expect(!tooMany.withUnsafeBufferPointer { arena.append($0) })
    #expect(arena.count == 3)
    #expect(Array(arena.samples(0..<3)) == [1, 2, 3])
    arena.truncate(to: 1)
    #expect(tooMany.withUnsafeBufferPointer { arena.append($0) })
    #expect(Array(arena.samples(0..<4)) == [1, 4, 5, 6])
  }
}
