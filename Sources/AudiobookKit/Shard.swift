import AudiobookCore

/// One of N shares of a book's synthesis, for spreading a render over CI jobs.
///
/// Every shard computes the same assignment from the book alone: the distinct clips, longest
/// text first (ties by key), each given to the shard with the least text so far. The shares
/// are therefore balanced by text length, not by count, and never overlap.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
  /// 1-based.
  public var index: Int
  public var count: Int

  /// The most shares a book is cut into: far more machines than any CI runs at once, and
  /// few enough that the assignment table stays small.
  public static let maximumCount = 10_000

  public init?(index: Int, count: Int) {
    guard (1...Self.maximumCount).contains(count), (1...count).contains(index) else { return nil }
    self.index = index
    self.count = count
  }

  /// `K/N`, K from 1 to N.
  public init?(_ text: String) {
    let parts = text.split(separator: "/")
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
    self.init(index: index, count: count)
  }

  public var description: String { "\(index)/\(count)" }

  /// The shard (1-based) of each distinct clip key among `batches`.
  static func assignment(of batches: [RenderPlan.Batch], count: Int) -> [ClipKey: Int] {
    var lengths: [ClipKey: Int] = [:]
    for batch in batches { lengths[batch.key] = batch.pieces.reduce(0) { $0 + $1.utf8.count } }
    let ordered = lengths.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.hex < $1.key.hex }
    var loads = [Int](repeating: 0, count: count)
    var assignment: [ClipKey: Int] = [:]
    for (key, length) in ordered {
      let lightest = loads.indices.min { loads[$0] != loads[$1] ? loads[$0] < loads[$1] : $0 < $1 } ?? 0
      loads[lightest] += length
      assignment[key] = lightest + 1
    }
    return assignment
  }
}
