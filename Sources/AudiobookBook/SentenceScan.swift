import AudiobookCore

/// One paragraph as characters, with the rules that decide where it is cut. Working on an array of
/// `Character` keeps look-behind and look-ahead simple and treats "\r\n" and combining marks as
/// single characters, as a reader would.
struct SentenceScan {
  let text: [Character]
  let rules: SentenceRules

  init(_ text: [Character], rules: SentenceRules = .forLanguage(nil)) {
    self.text = text
    self.rules = rules
  }

  func sentences() -> [String] {
    sentenceRanges().map { String(text[$0]) }
  }

  /// Where each sentence sits in the text (character offsets), trimmed of surrounding whitespace.
  func sentenceRanges() -> [Range<Int>] {
    let starts = [0] + cutPositions()
    var result: [Range<Int>] = []
    for (index, start) in starts.enumerated() {
      let end = index + 1 < starts.count ? starts[index + 1] : text.count
      let sentence = trimmed(text[start..<end])
      if !sentence.isEmpty { result.append(sentence.startIndex..<sentence.endIndex) }
    }
    return result
  }

  /// Every position where a new sentence begins, in order. Candidates come from punctuation and
  /// from list markers; a candidate is kept only when both sides contain a letter or digit, so
  /// stray quotes or an ellipsis never become a "sentence" of their own.
  func cutPositions() -> [Int] {
    let list = ListLayout(text)
    var candidates = list.itemStarts
    var index = 0
    while index < text.count {
      guard let run = terminatorRun(at: index) else {
        index += 1
        continue
      }
      if let cut = boundary(after: run, enumeratorPeriods: list.enumeratorPeriods) {
        candidates.insert(cut)
      }
      index = max(run.closersEnd, index + 1)
    }
    // Everything after the last letter or digit is trailing punctuation, never a sentence.
    guard let lastContent = text.lastIndex(where: isContent) else { return [] }
    var kept: [Int] = []
    var sentenceStart = 0
    for cut in candidates.sorted()
    where cut > sentenceStart && cut <= lastContent && hasContent(sentenceStart..<cut) {
      kept.append(cut)
      sentenceStart = cut
    }
    return kept
  }

  func isContent(_ character: Character) -> Bool {
    character.isLetter || character.isNumber
  }

  func hasContent(_ range: Range<Int>) -> Bool {
    text[range].contains(where: isContent)
  }

  // MARK: Punctuation runs

  /// A run of sentence-ending marks plus the closing quotes or brackets right after it.
  struct Run {
    enum Kind {
      /// A single period: the ambiguous case that most rules are about.
      case period
      /// Two or more periods, "…", or the spaced form ". . .".
      case ellipsis
      /// Any run containing "?" or "!".
      case emphatic
      /// A dash closing a quotation: speech broken off ("But I—").
      case dash
    }

    package var kind: Kind
    package var start: Int
    package var end: Int
    /// Periods in the run, counting "…" as three; four or more means ellipsis plus full stop.
    var dots = 0
    /// Written ". . ." with spaces between the periods.
    var spaced = false
    var closersEnd: Int
    var closedByQuote = false
  }

  func terminatorRun(at index: Int) -> Run? {
    let mark = text[index]
    var run: Run
    if mark == ".", let spaced = spacedEllipsis(from: index) {
      run = Run(kind: .ellipsis, start: index, end: spaced.end, closersEnd: spaced.end)
      run.dots = spaced.dots
      run.spaced = true
    } else if Marks.sentenceEnds.contains(mark) {
      var end = index
      var dots = 0
      var emphatic = false
      while end < text.count, Marks.sentenceEnds.contains(text[end]) {
        switch text[end] {
        case ".": dots += 1
        case "…": dots += 3
        default: emphatic = true
        }
        end += 1
      }
      let kind: Run.Kind = emphatic ? .emphatic : (dots >= 2 ? .ellipsis : .period)
      run = Run(kind: kind, start: index, end: end, closersEnd: end)
      run.dots = dots
    } else if let end = dashEnd(from: index) {
      run = Run(kind: .dash, start: index, end: end, closersEnd: end)
    } else {
      return nil
    }
    var after = run.end
    while after < text.count {
      if isCloser(text[after]) {
        if Marks.closingQuotes.contains(text[after]) || rules.extraClosingQuotes.contains(text[after]) {
          run.closedByQuote = true
        }
        after += 1
      } else if let closer = spacedCloser(from: after) {
        run.closedByQuote = true
        after = closer + 1
      } else {
        break
      }
    }
    run.closersEnd = after
    // A dash only ends a sentence when it breaks off a quotation; elsewhere it is a pause.
    if run.kind == .dash, !run.closedByQuote { return nil }
    return run
  }

  func isCloser(_ character: Character) -> Bool {
    Marks.closers.contains(character) || rules.extraClosingQuotes.contains(character)
  }

  /// Where a closing guillemet set off by spaces stands (`Non ! »`), in a language that spaces
  /// its marks; nil elsewhere.
  func spacedCloser(from index: Int) -> Int? {
    guard rules.spacedMarks else { return nil }
    var end = index
    while end < text.count, Marks.inlineSpaces.contains(text[end]) { end += 1 }
    guard end > index, end < text.count, text[end] == "»" || text[end] == "›" else { return nil }
    return end
  }

  /// Recognizes ". . ." (at least three periods separated by single spaces), returning where it
  /// ends and how many periods it has.
  func spacedEllipsis(from index: Int) -> (end: Int, dots: Int)? {
    var dots = 1
    var end = index + 1
    while end + 1 < text.count, text[end] == " ", text[end + 1] == "." {
      dots += 1
      end += 2
    }
    return dots >= 3 ? (end, dots) : nil
  }

  /// An em or en dash, or two or more hyphens standing in for one.
  func dashEnd(from index: Int) -> Int? {
    var end = index
    while end < text.count, Marks.dashes.contains(text[end]) || text[end] == "-" { end += 1 }
    let written = text[index..<end]
    if written.contains(where: { Marks.dashes.contains($0) }) || written.count >= 2 { return end }
    return nil
  }

  // MARK: The word after

  /// The next token after a run: where it starts, its first character after any opening quotes
  /// or brackets, and its leading letters (enough to compare with word lists).
  struct Following {
    package var start: Int
    var lead: Character
    package var word: String
    var hasOpener: Bool
  }

  func following(_ run: Run) -> Following? {
    var start = run.closersEnd
    guard start < text.count else { return nil }
    if text[start].isWhitespace {
      while start < text.count, text[start].isWhitespace { start += 1 }
      guard start < text.count else { return nil }
    } else if !isMissingSpace(after: run) {
      return nil
    }
    var leadIndex = start
    while leadIndex < text.count, Marks.openers.contains(text[leadIndex]) { leadIndex += 1 }
    guard leadIndex < text.count else { return nil }
    let word = String(text[leadIndex...].prefix { $0.isLetter })
    return Following(
      start: start, lead: text[leadIndex], word: word, hasOpener: leadIndex > start)
  }

  /// "world.Today": a period glued to a capitalized word, as in text that lost its spaces. Only a
  /// plain period between a letter or digit and a capital followed by a lowercase letter counts
  /// ("U.S.A" and "Ph.D" do not), and never inside a web or email address.
  func isMissingSpace(after run: Run) -> Bool {
    let next = run.end
    guard run.kind == .period, run.closersEnd == run.end, run.start > 0,
      next + 1 < text.count,
      text[run.start - 1].isLetter || text[run.start - 1].isNumber,
      text[next].isUppercase, text[next + 1].isLowercase
    else { return false }
    return !isInsideAddress(run.start)
  }

  /// Whether the whitespace-delimited token around `index` looks like a URL or email address,
  /// whose periods are never sentence ends.
  func isInsideAddress(_ index: Int) -> Bool {
    var lower = index
    while lower > 0, !text[lower - 1].isWhitespace { lower -= 1 }
    var upper = index
    while upper < text.count, !text[upper].isWhitespace { upper += 1 }
    let token = String(text[lower..<upper]).lowercased()
    return token.contains("@") || token.contains("://") || token.contains("www.")
  }
}
