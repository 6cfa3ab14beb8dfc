import AudiobookAudio

/// A sentence (or a spoken title) laid out as subtitles people can read, as common subtitle
/// practice has it: at most 2 lines of at most 42 characters, at most 7 seconds on screen,
/// split at clause boundaries (after punctuation, else before a conjunction) and never inside
/// a word. A single word longer than a line is a cue of its own.
///
/// Cues are timed from the words' own times (espeak-ng's word events, `TimedSpan.words`): the
/// first starts exactly where the sentence does, each later one where its first word does,
/// and each lasts until the next begins, the last until the sentence ends.
public struct SubtitleCue: Sendable, Equatable {
  public var startFrame: Int
  public var endFrame: Int
  /// One or two lines of the book's text.
  public var lines: [String]
  /// How many of the cue's words each line holds.
  public var wordsPerLine: [Int]
  /// The cue's words with their times, when the sentence has word timings.
  public var words: [TimedWord]
  /// With a cast, the voice of each of the cue's words (in the order of `lines`); else empty.
  public var voices: [String] = []

  public static let maximumLineLength = 42
  public static let maximumLines = 2
  public static let maximumMilliseconds = 7_000

  /// Words before which a clause starts: a second-best place to split a long sentence.
  static let conjunctions: Set<String> = [
    "and", "but", "or", "nor", "yet", "so", "because", "although", "though", "while", "whilst", "when", "where",
    "which", "who", "whom", "whose", "that", "if", "unless", "until", "till", "since", "before", "after", "then",
  ]

  /// The cues of `span`. Without word timings the words share the sentence's time by length.
  public static func cues(of span: TimedSpan, sampleRate: Int) -> [SubtitleCue] {
    let end = span.startFrame + span.frames
    let words = timedWords(of: span)
    guard !words.isEmpty else {
      return [SubtitleCue(startFrame: span.startFrame, endFrame: end, lines: [], wordsPerLine: [], words: [])]
    }
    let maximumFrames = maximumMilliseconds * sampleRate / 1000
    func start(_ index: Int) -> Int { index == 0 ? span.startFrame : words[index].startFrame }
    func finish(_ index: Int) -> Int { index < words.count ? words[index].startFrame : end }

    // best[i]: the least cost of laying out words[..<i], and where its last cue starts.
    var best: [(cost: Int, from: Int)] = [(0, 0)] + Array(repeating: (Int.max, 0), count: words.count)
    for from in 0..<words.count where best[from].cost != Int.max {
      var length = -1
      for to in (from + 1)...words.count {
        length += words[to - 1].text.count + 1
        let single = to == from + 1
        guard single || (length <= maximumLineLength * maximumLines + 1 && finish(to) - start(from) <= maximumFrames)
        else { break }
        guard single || lines(of: words[from..<to].map(\.text)) != nil else { continue }
        let cost =
          best[from].cost
          + self.cost(of: words, from: from, to: to, frames: finish(to) - start(from), sampleRate: sampleRate)
        if cost < best[to].cost { best[to] = (cost, from) }
      }
    }
    var bounds: [Int] = []
    var index = words.count
    while index > 0 {
      bounds.append(index)
      index = best[index].from
    }
    var cues: [SubtitleCue] = []
    var from = 0
    let voices = Self.voices(of: span, words: words)
    for to in bounds.reversed() {
      let texts = words[from..<to].map(\.text)
      let lines = lines(of: texts) ?? [texts]
      var cue = SubtitleCue(
        startFrame: start(from), endFrame: finish(to), lines: lines.map { $0.joined(separator: " ") },
        wordsPerLine: lines.map(\.count), words: span.words?.isEmpty == false ? Array(words[from..<to]) : [])
      if !voices.isEmpty { cue.voices = Array(voices[from..<to]) }
      cues.append(cue)
      from = to
    }
    return cues
  }

  /// What a cue of `words[from..<to]` costs: each cue costs, a split inside a clause costs
  /// more than one after punctuation, and a fragment of a word or two or under a second costs.
  private static func cost(of words: [TimedWord], from: Int, to: Int, frames: Int, sampleRate: Int) -> Int {
    var cost = 10
    if to < words.count {
      cost += breakCost(after: words[to - 1].text, before: words[to].text)
    }
    if words.count > 2 && (to - from <= 2 || frames < sampleRate) { cost += 6 }
    return cost
  }

  /// What splitting a sentence between two words costs: nothing after a question or an
  /// exclamation (`"Why?" she asked`), little after a comma, colon, semicolon or dash, more
  /// before a conjunction, most inside a clause. A full stop inside a sentence ends an
  /// abbreviation (`Dr.`, `a.m.`), not a clause.
  static func breakCost(after word: String, before next: String) -> Int {
    let last = word.droppingTrailing("\"'”’)]»").last
    if let last, "!?…".contains(last) { return 0 }
    if let last, ",;:—–".contains(last) { return 2 }
    return conjunctions.contains(WrittenWords.key(next)) ? 4 : 8
  }

  /// The words on at most two lines of at most `maximumLineLength`, the break where the lines
  /// come out most even, a clause boundary counting for a few characters; nil when they do
  /// not fit.
  static func lines(of words: [String]) -> [[String]]? {
    let lengths = words.map(\.count)
    let whole = lengths.reduce(0, +) + words.count - 1
    if whole <= maximumLineLength { return [words] }
    var best: (score: Int, split: Int)?
    var top = -1
    for split in 1..<max(1, words.count) {
      top += lengths[split - 1] + 1
      let longest = max(top, whole - top - 1)
      guard longest <= maximumLineLength else { continue }
      let score = longest + breakCost(after: words[split - 1], before: words[split]) / 2
      if score < (best?.score ?? .max) { best = (score, split) }
    }
    return best.map { [Array(words[..<$0.split]), Array(words[$0.split...])] }
  }

  /// With a cast, each word's voice: the sentence's, or its part's, counting the words of
  /// each part as written (by time where the counts disagree); empty without a cast.
  static func voices(of span: TimedSpan, words: [TimedWord]) -> [String] {
    guard span.hasVoices else { return [] }
    if let voice = span.voice { return Array(repeating: voice, count: words.count) }
    let parts = span.parts ?? []
    let counted = parts.flatMap { part in
      Array(repeating: part.voice, count: WrittenWords.tokens(of: part.text).count)
    }
    if counted.count == words.count { return counted }
    return words.map { span.voice(at: $0.startFrame) ?? "" }
  }

  /// The span's words with times: its own, or its text's words sharing its time by length.
  private static func timedWords(of span: TimedSpan) -> [TimedWord] {
    if let words = span.words, !words.isEmpty { return words }
    let texts = WrittenWords.tokens(of: span.text)
    let lengths = texts.map { max(1, $0.count) }
    let total = max(1, lengths.reduce(0, +))
    var done = 0
    return zip(texts, lengths).map { text, length in
      let from = span.startFrame + span.frames * done / total
      done += length
      return TimedWord(text: text, startFrame: from, frames: span.startFrame + span.frames * done / total - from)
    }
  }
}

extension String {
  /// The text without the characters of `set` at its end.
  fileprivate func droppingTrailing(_ set: String) -> Substring {
    var text = self[...]
    while let last = text.last, set.contains(last) { text = text.dropLast() }
    return text
  }
}
