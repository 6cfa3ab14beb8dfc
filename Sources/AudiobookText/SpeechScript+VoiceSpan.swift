extension SpeechScript.VoiceSpan {
  /// The stretches of the sentence at `range` in one voice each, in order, trimmed of
  /// surrounding whitespace and never empty: where a span of `voices` overlaps the sentence,
  /// its voice; elsewhere the narrator's. `voices` are in order and do not overlap. Punctuation
  /// that opens a stretch (the comma after a closing mark) ends the one before it instead.
  static func stretches(of range: Range<Int>, in text: [Character], voices: [Self]) -> [(Range<Int>, String)] {
    var stretches: [(Range<Int>, String)] = []
    let trailing: Set<Character> = [",", ";", ":", ".", "!", "?", "…"]
    func add(_ lower: Int, _ upper: Int, _ voice: String) {
      var (lower, upper) = (lower, upper)
      while lower < upper, text[lower].isWhitespace { lower += 1 }
      while let last = stretches.last, lower < upper, trailing.contains(text[lower]) {
        stretches[stretches.count - 1].0 = last.0.lowerBound..<lower + 1
        lower += 1
        while lower < upper, text[lower].isWhitespace { lower += 1 }
      }
      while upper > lower, text[upper - 1].isWhitespace { upper -= 1 }
      guard lower < upper else { return }
      // A stretch of nothing but punctuation (the comma after a closing mark) joins the one before.
      if let last = stretches.last, !text[lower..<upper].contains(where: { $0.isLetter || $0.isNumber }) {
        stretches[stretches.count - 1].0 = last.0.lowerBound..<upper
        return
      }
      stretches.append((lower..<upper, voice))
    }
    var position = range.lowerBound
    // The first span that reaches into the sentence, by halving: a paragraph may hold thousands.
    var (low, high) = (0, voices.count)
    while low < high {
      let middle = (low + high) / 2
      if voices[middle].range.upperBound > range.lowerBound { high = middle } else { low = middle + 1 }
    }
    for span in voices[low...].prefix(while: { $0.range.lowerBound < range.upperBound })
    where span.range.upperBound > range.lowerBound {
      let lower = max(span.range.lowerBound, range.lowerBound)
      let upper = min(span.range.upperBound, range.upperBound)
      if lower > position { add(position, lower, SpeechScript.narrator) }
      add(max(lower, position), upper, span.voice)
      position = max(position, upper)
    }
    if position < range.upperBound { add(position, range.upperBound, SpeechScript.narrator) }
    // Neighbours in the same voice are one part.
    var merged: [(Range<Int>, String)] = []
    for stretch in stretches {
      if let last = merged.last, last.1 == stretch.1 {
        merged[merged.count - 1].0 = last.0.lowerBound..<stretch.0.upperBound
      } else {
        merged.append(stretch)
      }
    }
    return merged
  }
}
