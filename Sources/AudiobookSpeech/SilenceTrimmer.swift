import AudiobookCore

/// Cuts espeak-ng's own silence from both ends of a piece, so the preset alone sets pauses.
enum SilenceTrimmer {
  /// Samples at or below this magnitude (about −60 dBFS) count as silence at the edges.
  package static let threshold: Int16 = 32

  /// The span of `samples` between the first and the last sound; empty when there is none.
  package static func kept(_ samples: some RandomAccessCollection<Int16>) -> Range<Int> {
    let loud = { (sample: Int16) in sample > threshold || sample < -threshold }
    guard let first = samples.firstIndex(where: loud), let last = samples.lastIndex(where: loud) else { return 0..<0 }
    let start = samples.distance(from: samples.startIndex, to: first)
    return start..<(samples.distance(from: samples.startIndex, to: last) + 1)
  }

  /// Word timings for the samples in `kept`: word starts shift with the head.
  package static func timings(_ words: [EspeakEngine.WordEvent], kept: Range<Int>) -> [WordTiming] {
    guard !kept.isEmpty else { return [] }
    return words.filter { $0.textPosition > 0 }.map { word in
      WordTiming(
        textOffset: word.textPosition - 1, length: word.length,
        startFrame: min(max(0, word.sample - kept.lowerBound), kept.count))
    }
  }
}
