/// A sentence's words as the book writes them, timed from the words espeak-ng spoke.
///
/// What espeak-ng is given differs from the book: a lexicon respells (`Siobhan` is said as
/// `shiv-AWN`), numbers and money are written out (`1887` as `18 87`, `£3` as `3 pounds`), a
/// title gains a word (`IV.` as `Chapter 4`). The written and spoken words are lined up where
/// they are the same word; each stretch between such anchors is shared out: one written word
/// over several spoken ones spans them all, several written words share the stretch's time
/// by length. Punctuation standing alone (a dash, a quotation mark) joins the word before it,
/// so the words joined with spaces give the sentence back.
package enum WrittenWords {
  /// How far ahead the alignment looks for the next word both have, in written and spoken
  /// words: past the longest spoken form of one written word (a long number read out).
  static let writtenLookahead = 8
  static let spokenLookahead = 24

  /// The words of `text`, each timed from `spoken` (in order, as `ChapterAssembler.words`
  /// times them); `end` is where the last spoken word ends.
  static func timed(_ text: String, spoken: [TimedWord]) -> [TimedWord] {
    let written = tokens(of: text)
    guard !written.isEmpty, let first = spoken.first, let last = spoken.last else { return [] }
    let writtenKeys = written.map(key)
    let spokenKeys = spoken.map { key($0.text) }
    var result: [TimedWord] = []
    var (w, s) = (0, 0)
    var gapStart = first.startFrame
    while w < written.count || s < spoken.count {
      // The next pair of words both have, nearest first.
      var next: (w: Int, s: Int)?
      search: for distance in 0...(writtenLookahead + spokenLookahead) {
        for dw in 0...min(distance, writtenLookahead) {
          let ds = distance - dw
          guard ds <= spokenLookahead, w + dw < written.count, s + ds < spoken.count else { continue }
          if !writtenKeys[w + dw].isEmpty && writtenKeys[w + dw] == spokenKeys[s + ds] {
            next = (w + dw, s + ds)
            break search
          }
        }
      }
      // No anchor near: pair one word with one word and go on, so the text never stalls.
      let (gapEndW, gapEndS) = next ?? (min(w + 1, written.count), min(s + 1, spoken.count))
      let stretchEnd = gapEndS < spoken.count ? spoken[gapEndS].startFrame : last.startFrame + last.frames
      if gapEndS > s { gapStart = spoken[s].startFrame }
      if gapEndW - w > 1 && gapEndS - s >= gapEndW - w {
        split(written[w..<gapEndW], over: spoken[s..<gapEndS], to: stretchEnd, into: &result)
      } else {
        share(written[w..<gapEndW], from: gapStart, to: stretchEnd, into: &result)
      }
      gapStart = stretchEnd
      (w, s) = (gapEndW, gapEndS)
      if let anchor = next {
        let word = spoken[anchor.s]
        result.append(TimedWord(text: written[anchor.w], startFrame: word.startFrame, frames: word.frames))
        (w, s) = (anchor.w + 1, anchor.s + 1)
        gapStart = word.startFrame + word.frames
      }
    }
    return result
  }

  /// Several written words over at least as many spoken ones: each takes whole spoken words,
  /// the boundaries put where the lengths of the words on both sides agree best (`1887
  /// Siobhan` over `18 87 shiv-AWN`: the first takes two).
  private static func split(
    _ words: ArraySlice<String>, over spoken: ArraySlice<TimedWord>, to end: Int, into result: inout [TimedWord]
  ) {
    let writtenLengths = words.map { max(1, key($0).count) }
    let spokenLengths = spoken.map { max(1, key($0.text).count) }
    let (writtenTotal, spokenTotal) = (writtenLengths.reduce(0, +), spokenLengths.reduce(0, +))
    var spokenSums = [0]
    for length in spokenLengths { spokenSums.append(spokenSums[spokenSums.count - 1] + length) }
    // boundaries[k]: the first spoken word of written word k; at least one spoken word each.
    var boundaries = [0]
    var writtenSum = 0
    for (index, length) in writtenLengths.dropLast().enumerated() {
      writtenSum += length
      let target = Double(writtenSum) / Double(writtenTotal) * Double(spokenTotal)
      let lowest = boundaries[boundaries.count - 1] + 1
      let highest = spoken.count - (writtenLengths.count - 1 - index)
      let best = (lowest...highest).min { abs(Double(spokenSums[$0]) - target) < abs(Double(spokenSums[$1]) - target) }
      boundaries.append(best ?? lowest)
    }
    boundaries.append(spoken.count)
    let base = spoken.startIndex
    for (index, word) in words.enumerated() {
      let from = spoken[base + boundaries[index]].startFrame
      let to = boundaries[index + 1] < spoken.count ? spoken[base + boundaries[index + 1]].startFrame : end
      result.append(TimedWord(text: word, startFrame: from, frames: max(0, to - from)))
    }
  }

  /// Written words sharing a stretch of speech by their lengths; spoken words no written one
  /// claims (an empty `words`) lengthen the word before.
  private static func share(
    _ words: ArraySlice<String>, from start: Int, to end: Int, into result: inout [TimedWord]
  ) {
    guard !words.isEmpty else {
      if var previous = result.popLast() {
        previous.frames = max(previous.frames, end - previous.startFrame)
        result.append(previous)
      }
      return
    }
    let lengths = words.map { max(1, key($0).count) }
    let total = lengths.reduce(0, +)
    var done = 0
    for (word, length) in zip(words, lengths) {
      let from = start + (end - start) * done / total
      done += length
      let to = start + (end - start) * done / total
      result.append(TimedWord(text: word, startFrame: from, frames: max(0, to - from)))
    }
  }

  /// The sentence's words as written: split at whitespace, punctuation standing alone joined
  /// to the word before (or after, at the start).
  package static func tokens(of text: String) -> [String] {
    var words: [String] = []
    var pending = ""
    for token in text.split(whereSeparator: \.isWhitespace) {
      guard token.contains(where: { $0.isLetter || $0.isNumber }) else {
        if words.isEmpty {
          pending += pending.isEmpty ? String(token) : " " + token
        } else {
          words[words.count - 1] += " " + token
        }
        continue
      }
      words.append(pending.isEmpty ? String(token) : pending + " " + token)
      pending = ""
    }
    if !pending.isEmpty { words.append(pending) }
    return words
  }

  /// A word for comparing: its letters and digits, lowercased.
  package static func key(_ word: String) -> String {
    String(word.lowercased().filter { $0.isLetter || $0.isNumber })
  }
}
