import AudiobookCore

/// Holds peaks at or below a ceiling with a smooth, look-ahead gain: the gain reaches its
/// lowest before the peak arrives and recovers after it, so nothing clicks and the rest of
/// the chapter keeps its one gain.
///
/// The gain at sample `n` is the mean, over `smoothing` samples either side, of the lowest
/// gain any sample within `reach` of it needs. With `smoothing <= reach`, every sample gets at
/// most the gain it needs. Plain arithmetic, in order, so the same input gives the same output.
package final class PeakLimiter {
  /// The largest magnitude let through, in [0, 1].
  package let ceiling: Float
  private let reach: Int
  private let smoothing: Int
  /// Input not yet given out, from absolute index `start`.
  private var pending: [Float] = []
  private var start = 0
  /// Samples given out so far.
  private var emitted = 0
  /// The last `reach + smoothing` samples given out, which later gains still look back on.
  private var history: [Float] = []
  /// Whether any sample was turned down.
  package private(set) var engaged = false

  /// - Parameters:
  ///   - ceiling: the largest magnitude let through.
  ///   - sampleRate: sets the look-ahead, 5 ms, and the smoothing, 5 ms either side.
  package init(ceiling: Float, sampleRate: Int) {
    self.ceiling = ceiling
    reach = max(1, sampleRate / 200)
    smoothing = max(1, sampleRate / 200)
  }

  /// Takes `input` and gives out what can be finished: `reach + smoothing` samples stay
  /// behind until more arrive or `finish` is called.
  package func process(_ input: [Float]) -> [Float] {
    pending += input
    let total = start + pending.count
    return emit(upTo: total - reach - smoothing, total: total)
  }

  /// Gives out the rest.
  package func finish() -> [Float] {
    emit(upTo: start + pending.count, total: start + pending.count)
  }

  private func emit(upTo end: Int, total: Int) -> [Float] {
    guard end > emitted else { return [] }
    // Samples from `emitted - reach - smoothing` to `end + reach + smoothing` decide the gains.
    let margin = reach + smoothing
    let low = emitted - margin
    let high = min(total, end + margin)
    func sample(_ index: Int) -> Float {
      if index < 0 || index >= high { return 0 }
      if index >= start { return pending[index - start] }
      let back = start - index
      return back <= history.count ? history[history.count - back] : 0
    }
    // The gain each sample needs, then the lowest within `reach`, then the mean over `smoothing`.
    let count = high - low
    var needed = [Float](repeating: 1, count: count)
    for offset in 0..<count {
      let magnitude = abs(sample(low + offset))
      if magnitude > ceiling { needed[offset] = ceiling / magnitude }
    }
    let lowest = Self.slidingMinimum(needed, radius: reach)
    // Running sums of the reduction (1 - gain), exact to Double's precision, so a stretch
    // needing no reduction sums to exactly zero and keeps its samples untouched.
    var reduction = [Double](repeating: 0, count: count + 1)
    for offset in 0..<count { reduction[offset + 1] = reduction[offset] + Double(1 - lowest[offset]) }
    var output = [Float](repeating: 0, count: end - emitted)
    let width = Double(2 * smoothing + 1)
    for index in emitted..<end {
      let center = index - low
      let from = max(0, center - smoothing)
      let to = min(count, center + smoothing + 1)
      let reduced = reduction[to] - reduction[from]
      guard reduced > 0 else {
        output[index - emitted] = sample(index)
        continue
      }
      engaged = true
      output[index - emitted] = sample(index) * Float(1 - reduced / width)
    }
    // Keep what later gains look back on; drop what was given out.
    let given = end - start
    history += pending[0..<given]
    if history.count > margin { history.removeFirst(history.count - margin) }
    pending.removeFirst(given)
    start = end
    emitted = end
    return output
  }

  /// The minimum of `values` within `radius` of each index (a monotonic queue, linear time).
  static func slidingMinimum(_ values: [Float], radius: Int) -> [Float] {
    var result = [Float](repeating: 1, count: values.count)
    var queue: [Int] = []
    var head = 0
    var next = 0
    for index in 0..<values.count {
      while next < values.count && next <= index + radius {
        while queue.count > head, let last = queue.last, values[last] >= values[next] { queue.removeLast() }
        queue.append(next)
        next += 1
      }
      while queue[head] < index - radius { head += 1 }
      result[index] = values[queue[head]]
      if head > 4096 {
        queue.removeFirst(head)
        head = 0
      }
    }
    return result
  }
}
