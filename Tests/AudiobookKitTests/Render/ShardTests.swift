import Testing

@testable import AudiobookSpeech
@testable import AudiobookKit

@Suite struct ShardTests {
  let engine = EngineInfo(version: "1.51", dataPath: "/usr/share/espeak-ng-data", sampleRate: 22_050)

  func batch(_ text: String, order: Int) -> RenderPlan.Batch {
    RenderPlan.Batch(
      pieces: [text], voice: EngineSettings(), key: ClipKey(pieces: [text], settings: EngineSettings(), engine: engine),
      order: order)
  }

  @Test func aShardIsKOfN() {
    #expect(Shard("2/5") == Shard(index: 2, count: 5))
    #expect(Shard("1/1")?.description == "1/1")
    #expect(Shard("10000/10000")?.description == "10000/10000")
    for text in ["0/5", "6/5", "1/0", "1/10001", "-1/5", "1", "1/2/3", "a/b", "", "1/", "/2", " 1/2"] {
      #expect(Shard(text) == nil, "\(text)")
    }
  }

  /// Longest text first, each to the shard with the least text so far: the shares balance
  /// by length, not count, and every distinct clip has exactly one shard.
  @Test func clipsGoToTheLightestShardLongestFirst() {
    let batches = [
      batch(String(repeating: "a", count: 100), order: 0), batch(String(repeating: "b", count: 60), order: 1),
      batch(String(repeating: "c", count: 50), order: 2), batch(String(repeating: "d", count: 30), order: 3),
      batch(String(repeating: "e", count: 20), order: 4),
    ]
    let assignment = Shard.assignment(of: batches, count: 2)
    // 100 → 1; 60 → 2; 50 → 2 (110); 30 → 1 (130); 20 → 2 (130).
    #expect(batches.map { assignment[$0.key] } == [1, 2, 2, 1, 2])
    #expect(Set(Shard.assignment(of: batches, count: 1).values) == [1])
    // More shards than clips: each clip alone, the rest idle.
    let many = Shard.assignment(of: batches, count: 8)
    #expect(batches.map { many[$0.key] } == [1, 2, 3, 4, 5])
  }

  /// A clip the book asks for twice is one clip in one shard; equal lengths go by key, so
  /// every machine computes the same assignment whatever the reading order.
  @Test func theAssignmentDependsOnTheClipsAloneNotTheirOrder() {
    let texts = (0..<40).map { "Sentence number \($0) of the book." }
    let batches = texts.enumerated().map { batch($1, order: $0) }
    let assignment = Shard.assignment(of: batches + [batch(texts[3], order: 40)], count: 3)
    #expect(assignment.count == 40)
    #expect(Shard.assignment(of: batches.reversed(), count: 3) == assignment)
    let loads = (1...3).map { shard in
      batches.filter { assignment[$0.key] == shard }.reduce(0) { $0 + $1.pieces[0].utf8.count }
    }
    #expect((loads.max() ?? 0) - (loads.min() ?? 0) <= 35)
    #expect(Shard.assignment(of: [], count: 4).isEmpty)
  }
}
