import AudiobookCore

/// Splits prose into sentences the way a careful narrator would pause.
///
/// English reuses the period for many jobs besides ending a sentence: abbreviations, initials,
/// decimals, list numbers, web addresses. A wrong stop is audible in an audiobook ("Mr." followed
/// by a full pause sounds broken) and so is a missed one (two sentences run together), so the
/// splitter walks the paragraph, finds every run of sentence-ending punctuation, and asks a few
/// small named rules whether a reader would really stop there. The rules look only at the word
/// before the mark and the word after it; they never rewrite the text, they only choose cut
/// positions.
public struct SentenceSplitter: Sendable {
  public init() {}

  /// The sentences of one paragraph, in order, each trimmed of surrounding whitespace, as written
  /// (never altered, only cut). Newlines inside the input are treated as spaces for deciding
  /// boundaries, but a sentence keeps its characters as written.
  public func sentences(in paragraph: String) -> [String] {
    Scan(Array(paragraph)).sentences()
  }
}

extension SentenceSplitter {
  /// Cuts a sentence longer than `limit` characters into pieces of at most `limit` characters at
  /// the last comma, semicolon, colon or dash before the limit, else at the last space; a piece is
  /// never empty. espeak-ng breaks a clause near 727 characters on its own, at an arbitrary place.
  ///
  /// Cutting at clause punctuation first keeps the pause where a reader would breathe anyway; a
  /// space is the next best place; a single word longer than the limit is cut hard, because an
  /// arbitrary cut of our own is still better than one the synthesizer picks. A `limit` below 1 is
  /// treated as 1.
  public static func pieces(of sentence: String, limit: Int) -> [String] {
    let limit = max(1, limit)
    let text = Array(sentence)
    var pieces: [String] = []
    var start = 0
    while start < text.count {
      while start < text.count, text[start].isWhitespace { start += 1 }
      guard start < text.count else { break }
      let end: Int
      if text.count - start <= limit {
        end = text.count
      } else {
        end =
          clauseCut(in: text, from: start, limit: limit)
          ?? spaceCut(in: text, from: start, limit: limit)
          ?? start + limit
      }
      let piece = trimmed(text[start..<end])
      if !piece.isEmpty { pieces.append(String(piece)) }
      start = end
    }
    return pieces
  }

  /// The position just after the last clause mark inside the window, so the mark stays with the
  /// words it closes. A hyphen counts only when it stands alone between spaces, because inside a
  /// word ("self-made") it is not a pause.
  private static func clauseCut(in text: [Character], from start: Int, limit: Int) -> Int? {
    var index = start + limit - 1
    while index > start {
      let mark = text[index]
      if clauseMarks.contains(mark) { return index + 1 }
      if mark == "-", text[index - 1].isWhitespace,
        index + 1 < text.count, text[index + 1].isWhitespace
      {
        return index + 1
      }
      index -= 1
    }
    return nil
  }

  /// The position of the last whitespace that leaves at most `limit` characters before it. The
  /// character right after the window counts too: a space there means the window is whole words.
  private static func spaceCut(in text: [Character], from start: Int, limit: Int) -> Int? {
    var index = start + limit
    while index > start {
      if text[index].isWhitespace { return index }
      index -= 1
    }
    return nil
  }

  private static let clauseMarks: Set<Character> = [",", ";", ":", "—", "–"]
}

// MARK: - Scanning

/// One paragraph as characters, with the rules that decide where it is cut. Working on an array of
/// `Character` keeps look-behind and look-ahead simple and treats "\r\n" and combining marks as
/// single characters, as a reader would.
private struct Scan {
  package let text: [Character]

  init(_ text: [Character]) {
    self.text = text
  }

  package func sentences() -> [String] {
    let starts = [0] + cutPositions()
    var result: [String] = []
    for (index, start) in starts.enumerated() {
      let end = index + 1 < starts.count ? starts[index + 1] : text.count
      let sentence = trimmed(text[start..<end])
      if !sentence.isEmpty { result.append(String(sentence)) }
    }
    return result
  }

  /// Every position where a new sentence begins, in order. Candidates come from punctuation and
  /// from list markers; a candidate is kept only when both sides contain a letter or digit, so
  /// stray quotes or an ellipsis never become a "sentence" of their own.
  private func cutPositions() -> [Int] {
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

  private func isContent(_ character: Character) -> Bool {
    character.isLetter || character.isNumber
  }

  private func hasContent(_ range: Range<Int>) -> Bool {
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

  private func terminatorRun(at index: Int) -> Run? {
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
    while after < text.count, Marks.closers.contains(text[after]) {
      if Marks.closingQuotes.contains(text[after]) { run.closedByQuote = true }
      after += 1
    }
    run.closersEnd = after
    // A dash only ends a sentence when it breaks off a quotation; elsewhere it is a pause.
    if run.kind == .dash, !run.closedByQuote { return nil }
    return run
  }

  /// Recognizes ". . ." (at least three periods separated by single spaces), returning where it
  /// ends and how many periods it has.
  private func spacedEllipsis(from index: Int) -> (end: Int, dots: Int)? {
    var dots = 1
    var end = index + 1
    while end + 1 < text.count, text[end] == " ", text[end + 1] == "." {
      dots += 1
      end += 2
    }
    return dots >= 3 ? (end, dots) : nil
  }

  /// An em or en dash, or two or more hyphens standing in for one.
  private func dashEnd(from index: Int) -> Int? {
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

  private func following(_ run: Run) -> Following? {
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
  private func isMissingSpace(after run: Run) -> Bool {
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
  private func isInsideAddress(_ index: Int) -> Bool {
    var lower = index
    while lower > 0, !text[lower - 1].isWhitespace { lower -= 1 }
    var upper = index
    while upper < text.count, !text[upper].isWhitespace { upper += 1 }
    let token = String(text[lower..<upper]).lowercased()
    return token.contains("@") || token.contains("://") || token.contains("www.")
  }

  // MARK: Decisions

  /// Where the next sentence starts if the run ends one, or nil if the narrator reads on.
  private func boundary(after run: Run, enumeratorPeriods: Set<Int>) -> Int? {
    guard let next = following(run) else { return nil }
    switch run.kind {
    case .emphatic, .dash:
      return emphaticBoundary(after: run, next: next)
    case .ellipsis:
      return ellipsisBoundary(after: run, next: next)
    case .period:
      if enumeratorPeriods.contains(run.start) { return nil }
      return periodBoundary(after: run, next: next)
    }
  }

  /// "?", "!" and a broken-off quotation end the sentence unless the text goes on in lowercase
  /// ("Yahoo! in", "“Stop!” he cried") or the quotation is followed by its speaker
  /// ("“Where?” Elizabeth asked"), which is read as one sentence.
  private func emphaticBoundary(after run: Run, next: Following) -> Int? {
    if next.lead.isLowercase { return nil }
    if run.closedByQuote, isAttribution(from: next) { return nil }
    return next.start
  }

  /// An ellipsis trails off mid-sentence unless a capital follows. "I" is capitalized anyway, so
  /// it only signals a new sentence after four dots (ellipsis plus full stop). An ellipsis in
  /// square brackets marks omitted words and is never a stop.
  private func ellipsisBoundary(after run: Run, next: Following) -> Int? {
    if run.start > 0, text[run.start - 1] == "[", run.end < text.count, text[run.end] == "]" {
      return nil
    }
    guard next.lead.isUppercase else { return nil }
    if run.closedByQuote, isAttribution(from: next) { return nil }
    if run.dots >= 4 {
      // "compounds. . . . The": the period ends the sentence and the ellipsis opens the next,
      // marking words left out at its start.
      let attached = run.start > 0 && !text[run.start - 1].isWhitespace
      if run.spaced, attached, run.closersEnd == run.end { return run.start + 1 }
      return next.start
    }
    return next.word == "I" ? nil : next.start
  }

  /// A single period. Lowercase after it means the sentence goes on; a closing quote or bracket
  /// after it means a quoted sentence ended. Otherwise the word before decides: titles never end a
  /// sentence, ambiguous abbreviations (U.S., a.m., Co., initials) end one only when the next word
  /// is a typical sentence opener, and ordinary words always do.
  private func periodBoundary(after run: Run, next: Following) -> Int? {
    if next.lead.isLowercase { return nil }
    if run.closersEnd > run.end { return next.start }
    let word = wordBefore(run.start)
    let key = word.lowercased()
    if next.lead.isNumber { return numberFollows(word) ? next.start : nil }
    if Abbreviations.numbered.contains(key), isRomanNumeral(next) { return nil }
    if Abbreviations.titles.contains(key) { return nil }
    if Abbreviations.times.contains(key) { return continuesTime(next) ? nil : next.start }
    if Abbreviations.ambiguous.contains(key) || isInitialism(word) || isSingleLetter(word) {
      return Words.sentenceStarters.contains(next.word) ? next.start : nil
    }
    return next.start
  }

  /// Whether the capitalized word after "a.m." or "p.m." goes on with the time: a time zone
  /// ("a.m. EST", "p.m. Eastern Time"), a day or month ("5 p.m. Tuesday"), or a title and a
  /// name ("At 5 a.m. Mr. Smith went"), which is the likelier reading. Anything else starts a
  /// sentence: a time is the usual last thing in one ("He arrived at 10 a.m. Everyone cheered.").
  private func continuesTime(_ next: Following) -> Bool {
    if Words.timeContinuations.contains(next.word) { return true }
    if (2...4).contains(next.word.count), next.word.allSatisfy(\.isUppercase) { return true }
    guard Abbreviations.titles.contains(next.word.lowercased()) else { return false }
    var end = next.start
    while end < text.count, Marks.openers.contains(text[end]) { end += 1 }
    end += next.word.count
    return end < text.count && text[end] == "."
  }

  /// Before a number, a period ends a sentence only after another number ("$100.00. 50 more")
  /// or an ordinary word; "p. 55", "No. 5", "Jan. 3" and "N°. 12" read on.
  private func numberFollows(_ word: String) -> Bool {
    if word.last?.isNumber == true { return true }
    let key = word.lowercased()
    if Abbreviations.all.contains(key) { return false }
    return word.count >= 3 && word.allSatisfy(\.isLetter)
  }

  /// The token the period is attached to, without leading quotes or brackets. It stops at a
  /// glued sentence end ("Tuesday.Mr" gives "Mr") so the missing-space rule sees the right word.
  private func wordBefore(_ index: Int) -> String {
    var start = index
    while start > 0, !text[start - 1].isWhitespace {
      if text[start - 1] == ".", start + 1 < index, text[start].isUppercase,
        text[start + 1].isLowercase
      {
        break
      }
      start -= 1
    }
    while start < index, Marks.openers.contains(text[start]) { start += 1 }
    return String(text[start..<index])
  }

  /// "U.S", "a.m", "Ph.D": letter groups of one or two joined by periods.
  private func isInitialism(_ word: String) -> Bool {
    let parts = word.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count >= 2
      && parts.allSatisfy { (1...2).contains($0.count) && $0.allSatisfy(\.isLetter) }
  }

  private func isSingleLetter(_ word: String) -> Bool {
    word.count == 1 && word.first?.isLetter == true
  }

  /// "Vol. II", "Ch. IV": a numeral written in Roman letters after a numbering abbreviation.
  private func isRomanNumeral(_ next: Following) -> Bool {
    next.word.count >= 2 && next.word.allSatisfy { "IVXLCDM".contains($0) }
  }

  /// Whether the words after a closed quotation name its speaker: up to three capitalized words
  /// ("Elizabeth", "Mr. Darcy", "I"), an optional "-ly" adverb, then a speech verb. A capitalized
  /// "He" or "She" is not a tag: a tag after "?" or "!" is written in lowercase ("he said"), so the
  /// capital marks a new sentence ("“Yes!” He laughed."); names and "I" have no lowercase form.
  private func isAttribution(from next: Following) -> Bool {
    guard !next.hasOpener, !Words.capitalizedPronouns.contains(next.word) else { return false }
    let tokens = tokens(from: next.start, count: 5)
    var index = 0
    while index < min(3, tokens.count), isNameLike(tokens[index]) { index += 1 }
    guard index > 0 else { return false }
    if index < tokens.count, tokens[index].hasSuffix("ly"), tokens[index].first?.isLowercase == true {
      index += 1
    }
    guard index < tokens.count else { return false }
    return Words.speechVerbs.contains(tokens[index].prefix { $0.isLetter }.lowercased())
  }

  private func isNameLike(_ token: String) -> Bool {
    guard let first = token.first, first.isUppercase else { return false }
    return token.allSatisfy { $0.isLetter || $0 == "." || $0 == "'" || $0 == "’" || $0 == "-" }
  }

  private func tokens(from start: Int, count: Int) -> [String] {
    var result: [String] = []
    var index = start
    while result.count < count, index < text.count {
      while index < text.count, text[index].isWhitespace { index += 1 }
      let tokenStart = index
      while index < text.count, !text[index].isWhitespace { index += 1 }
      if index > tokenStart { result.append(String(text[tokenStart..<index])) }
    }
    return result
  }
}

// MARK: - Lists

/// Numbered, lettered and bulleted items written inline in one paragraph ("1. First 2. Second",
/// "a. One b. Two", "• One • Two"). Each item is read as its own sentence even without a final
/// period, and the period of an item's own number is not a stop. A paragraph counts as a list
/// only when it starts with a marker, and later numbers must continue the sequence, so a stray
/// "2." in prose is left alone.
private struct ListLayout {
  var itemStarts: Set<Int> = []
  var enumeratorPeriods: Set<Int> = []

  struct Enumerator {
    package var value: Int
    package var isLetter: Bool
    var suffix: String
    var period: Int?
    package var end: Int
  }

  init(_ text: [Character]) {
    guard let first = text.firstIndex(where: { !$0.isWhitespace }) else { return }
    if Marks.bullets.contains(text[first]) {
      let bullet = text[first]
      for index in first..<text.count
      where text[index] == bullet && (index == first || text[index - 1].isWhitespace) {
        if index != first { itemStarts.insert(index) }
        var numberStart = index + 1
        while numberStart < text.count, text[numberStart].isWhitespace { numberStart += 1 }
        if let period = Self.enumerator(in: text, at: numberStart)?.period {
          enumeratorPeriods.insert(period)
        }
      }
      return
    }
    guard var previous = Self.enumerator(in: text, at: first) else { return }
    if let period = previous.period { enumeratorPeriods.insert(period) }
    var index = previous.end
    while index < text.count {
      if text[index - 1].isWhitespace, let item = Self.enumerator(in: text, at: index),
        item.isLetter == previous.isLetter, item.suffix == previous.suffix,
        item.value == previous.value + 1
      {
        itemStarts.insert(index)
        if let period = item.period { enumeratorPeriods.insert(period) }
        previous = item
        index = item.end
      } else {
        index += 1
      }
    }
  }

  /// "12." "3)" "4.)" or "b." followed by whitespace: one to three digits or one lowercase letter.
  package static func enumerator(in text: [Character], at start: Int) -> Enumerator? {
    var index = start
    var value = 0
    while index < text.count, index - start < 3, text[index].isASCII,
      let digit = text[index].wholeNumberValue
    {
      value = value * 10 + digit
      index += 1
    }
    var isLetter = false
    if index == start {
      guard index < text.count, let ascii = text[index].asciiValue, (97...122).contains(ascii)
      else { return nil }
      value = Int(ascii)
      isLetter = true
      index += 1
    }
    var suffix = ""
    var period: Int?
    if index < text.count, text[index] == "." {
      period = index
      suffix.append(".")
      index += 1
    }
    if index < text.count, text[index] == ")" {
      suffix.append(")")
      index += 1
    }
    guard !suffix.isEmpty, index < text.count, text[index].isWhitespace else { return nil }
    return Enumerator(value: value, isLetter: isLetter, suffix: suffix, period: period, end: index)
  }
}

// MARK: - Character classes and word lists

private enum Marks {
  static let sentenceEnds: Set<Character> = [".", "?", "!", "…", "‼", "⁇", "⁈", "⁉"]
  static let dashes: Set<Character> = ["—", "–"]
  static let closingQuotes: Set<Character> = ["\"", "'", "”", "’", "»", "›"]
  static let closers: Set<Character> = closingQuotes.union([")", "]", "}"])
  static let openers: Set<Character> = [
    "\"", "'", "“", "‘", "„", "«", "‹", "(", "[", "{", "¿", "¡",
  ]
  static let bullets: Set<Character> = ["•", "⁃", "◦", "▪", "▫", "‣", "∙", "●", "○", "■", "□"]
}

/// Abbreviations, lowercased and without their final period.
private enum Abbreviations {
  /// Titles and Latin connectives that always lead into more words, so "Mr. Smith" and
  /// "e.g. Paris" never break.
  package static let titles: Set<String> = [
    "mr", "mrs", "ms", "messrs", "mmes", "mme", "mlle", "dr", "prof", "rev", "revd", "fr", "hon",
    "gen", "col", "capt", "cpt", "cmdr", "lt", "sgt", "cpl", "pvt", "maj", "adm", "gov", "sen",
    "rep", "pres", "supt", "insp", "det", "mt", "e.g", "i.e", "cf", "vs", "viz", "approx", "ca",
  ]
  /// "a.m." and "p.m.": often the last words of a sentence, and before a capital they end it
  /// unless the time goes on (see `continuesTime`).
  static let times: Set<String> = ["a.m", "p.m"]
  /// Abbreviations that often close a sentence ("& Co.", "Jr.", "Main St.") yet often sit inside
  /// one; they end a sentence only before a typical sentence opener.
  static let ambiguous: Set<String> = [
    "co", "corp", "inc", "ltd", "llc", "plc", "bros", "jr", "sr", "esq", "st", "ave", "rd", "blvd",
    "ft", "al", "dept", "univ", "assn", "govt", "ibid",
  ]
  /// Abbreviations that introduce a number ("No. 5", "Fig. 3", "Jan. 12"). Before anything else
  /// they behave like ordinary words, because "fig", "no" and "Jan" are words and names too.
  static let numbered: Set<String> = [
    "no", "nos", "vol", "vols", "fig", "figs", "p", "pp", "ch", "chap", "sec", "sect", "para",
    "art", "eq", "ed", "op", "pt", "pl", "tab", "ex", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec",
  ]
  package static let all = titles.union(ambiguous).union(numbered)
}

private enum Words {
  /// Words that typically open a sentence: pronouns, determiners, conjunctions, question words
  /// and sentence adverbs. After an ambiguous abbreviation they tip the balance to a stop; a
  /// capitalized name ("U.S. Government", "St. Michael's") does not.
  static let sentenceStarters: Set<String> = [
    "A", "After", "Again", "All", "Also", "An", "And", "Another", "Any", "As", "At", "Because",
    "Before", "Being", "Both", "But", "By", "Did", "Do", "Does", "During", "Each", "Even", "Every",
    "Finally", "First", "For", "From", "Had", "Has", "Have", "He", "Her", "Here", "His", "How",
    "However", "I", "If", "In", "Instead", "It", "Its", "Later", "Let", "Many", "Meanwhile",
    "Millions", "More", "Most", "Much", "My", "Never", "No", "Nobody", "None", "Nor", "Not",
    "Nothing", "Now", "Of", "On", "Once", "One", "Only", "Or", "Our", "Perhaps", "She", "Since",
    "So", "Some", "Soon", "Still", "Such", "That", "The", "Their", "Then", "There", "These", "They",
    "This", "Those", "Though", "Thus", "To", "Today", "Tomorrow", "Under", "Unless", "Until", "We",
    "Well", "What", "When", "Where", "Whether", "Which", "While", "Who", "Why", "With", "Without",
    "Yes", "Yesterday", "Yet", "You", "Your",
  ]
  /// Capitalized words that go on with a time of day: time zones, days and months.
  static let timeContinuations: Set<String> = [
    "Eastern", "Central", "Mountain", "Pacific", "Atlantic", "Greenwich", "Standard", "Daylight", "Universal",
    "Time", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
  ]
  static let capitalizedPronouns: Set<String> = ["He", "She", "It", "They", "We", "You"]
  /// Verbs of speaking that mark a dialogue tag after a quotation ("“Why?” Elizabeth asked").
  static let speechVerbs: Set<String> = [
    "said", "says", "asked", "asks", "cried", "replied", "replies", "answered", "shouted",
    "yelled", "screamed", "whispered", "murmured", "muttered", "mumbled", "called", "exclaimed",
    "added", "continued", "began", "demanded", "inquired", "enquired", "insisted", "repeated",
    "returned", "retorted", "snapped", "sighed", "laughed", "gasped", "growled", "hissed",
    "observed", "remarked", "suggested", "admitted", "agreed", "explained", "protested", "pleaded",
    "begged", "interrupted", "declared", "announced", "stammered", "breathed", "chuckled",
    "groaned", "moaned", "roared", "sobbed", "wailed", "warned", "urged", "went", "cut", "broke",
    "wondered", "thought",
  ]
}

/// The slice without leading and trailing whitespace (spaces, tabs, newlines).
private func trimmed(_ slice: ArraySlice<Character>) -> ArraySlice<Character> {
  var lower = slice.startIndex
  var upper = slice.endIndex
  while lower < upper, slice[lower].isWhitespace { lower += 1 }
  while upper > lower, slice[upper - 1].isWhitespace { upper -= 1 }
  return slice[lower..<upper]
}
