/// Levenshtein distance, for "did you mean" suggestions.
package enum EditDistance {
  static func between(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased()), b = Array(b.lowercased())
    guard !a.isEmpty else { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in stride(from: 1, through: b.count, by: 1) {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      previous = current
    }
    return previous[b.count]
  }

  /// Up to `limit` candidates nearest to `word`, nearest first, none further than half its length.
  package static func closest(to word: String, among candidates: some Sequence<String>, limit: Int) -> [String] {
    let bound = Swift.max(2, word.count / 2)
    return candidates.map { ($0, between(word, $0)) }
      .filter { $0.1 <= bound }
      .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
      .prefix(limit)
      .map(\.0)
  }
}
