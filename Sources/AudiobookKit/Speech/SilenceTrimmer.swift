/// Cuts espeak-ng's own silence from both ends of a piece, so the preset alone sets pauses.
enum SilenceTrimmer {
  /// Samples at or below this magnitude (about −60 dBFS) count as silence at the edges.
  static let threshold: Int16 = 32

  /// The piece without leading and trailing near-silence; word starts shift with the head.
  static func trim(samples: consuming [Int16], words: [EspeakEngine.WordEvent]) -> SpokenPiece {
    let loud = { (sample: Int16) in sample > threshold || sample < -threshold }
    guard let first = samples.firstIndex(where: loud), let last = samples.lastIndex(where: loud) else {
      return SpokenPiece(samples: [], words: [])
    }
    // Trimmed in place: a piece is megabytes, and a copy would fault in fresh pages for all of it.
    var kept = samples
    kept.removeLast(kept.count - 1 - last)
    kept.removeFirst(first)
    let timings = words.filter { $0.textPosition > 0 }.map { word in
      WordTiming(
        textOffset: word.textPosition - 1, length: word.length,
        startFrame: min(max(0, word.sample - first), kept.count))
    }
    return SpokenPiece(samples: kept, words: timings)
  }
}
