import AudiobookCore

/// A plain-text heading: a chapter (`Chapter 1`, `CHAPTER IV.`, `Chapter One`, `Letter 3`,
/// `Chapter 3: The Gala`, a roman numeral alone), a part that groups chapters (`Part One`,
/// `BOOK II`, `VOLUME I`), or a named section (`Preface`). Recognised strictly, so that prose
/// starting with "Chapter" stays prose.
public struct ChapterHeading: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    case chapter
    /// `Part`, `Book` or `Volume`: groups the chapters that follow it.
    case part
    /// Preface, Prologue, Epilogue, ...: a chapter without a number.
    case section
  }

  public var kind: Kind
  /// The heading as a reader sees it: `Chapter IV`, `Chapter 1: Loomings`, `IV. The Storm`.
  /// Words printed in capitals are written in title case; the number stays as printed.
  public var title: String
  /// The chapter's number, when it has one that can be read (`IV` → 4, `Twenty-One` → 21).
  public var number: Int?
  /// The word before the number (`Chapter`, `Letter`, `Part`), nil for a numeral alone.
  public var label: String?
  /// The title after the number, e.g. "The Gala".
  public var subtitle: String?

  /// The number as printed (`IV`, `3`, `premier`), nil for a named section.
  public var numberText: String?
  /// Whether the number comes before the label (`Erstes Kapitel`).
  public var numberFirst = false

  /// What may stand between a heading's number and its title: `IV. The Storm`, `3 – Home`.
  static let separators: Set<Character> = [".", ":", "-", "–", "—"]

  static let namedSections = ChapterWords.namedSections
  static let chapterLabels = ChapterWords.chapterLabels
  static let partLabels = ChapterWords.partLabels

  /// Whether the number is written in digits or roman numerals, as opposed to words.
  public var numberIsDigits: Bool {
    guard let numberText else { return false }
    return Int(numberText) != nil || RomanNumeral.value(of: numberText) != nil
  }

  /// The label and number as printed, without the subtitle (`Chapitre Premier`, `Erstes Kapitel`).
  public var head: String {
    let number = numberText ?? ""
    guard let label else { return number }
    return numberFirst ? "\(TitleCase.fromCapitals(number)) \(label)" : "\(label) \(number)"
  }

  /// The heading in `line`, or nil when the line is prose.
  ///
  /// - Parameters:
  ///   - bareNumeral: whether a roman numeral alone (`IV`, `IV.`, `IV. The Storm`) is a
  ///     heading; only where the layout says so (a line standing alone), since `I.` can be prose.
  ///   - standsAlone: whether the line is a block of its own, where a labelled number and a
  ///     separator make a heading whatever its title holds (`CHAPTER 42. The Whiteness of the
  ///     Whale.`, `Chapter 7. "Who Goes There?"`); elsewhere a title must not read like a sentence.
  public static func parse(_ line: String, bareNumeral: Bool = false, standsAlone: Bool = false) -> ChapterHeading? {
    let text = line.trimmingSpaces
    guard text.count <= 120, let first = text.first, first.isLetter || first.isNumber else { return nil }
    let bare = text.hasSuffix(".") ? String(text.dropLast()) : text
    if namedSections.contains(bare.lowercased()) {
      return ChapterHeading(kind: .section, title: TitleCase.fromCapitals(bare), number: nil)
    }
    let words = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
    if words.count == 2 {
      let label = words[0].lowercased()
      let kind: Kind? = chapterLabels.contains(label) ? .chapter : partLabels.contains(label) ? .part : nil
      if let kind,
        let heading = numbered(String(words[1]), label: String(words[0]), kind: kind, standsAlone: standsAlone)
      {
        return heading
      }
      if let heading = numberFirst(text) { return heading }
    }
    guard bareNumeral else { return nil }
    return numbered(text, label: nil, kind: .chapter, romanOnly: true)
  }

  /// `IV. The Gala` / `3: The Gala` / `One` / `Twenty One` / `the First` after `label`: the
  /// number and what follows it. In a heading printed in capitals the title may follow the
  /// number without a separator (`CHAPTER ONE PLAYING PILGRIMS`).
  private static func numbered(
    _ rest: String, label: String?, kind: Kind, romanOnly: Bool = false, standsAlone: Bool = false
  ) -> ChapterHeading? {
    var numberEnd = rest.firstIndex { !($0.isLetter || $0.isNumber || $0 == "-") } ?? rest.endIndex
    var number: Int?
    if romanOnly {
      number = RomanNumeral.value(of: String(rest[..<numberEnd])).flatMap { $0 <= 200 ? $0 : nil }
    } else if let words = NumberWords.leadingNumber(in: rest)
      ?? otherLanguagesNumber(in: rest, token: rest[..<numberEnd])
    {
      (number, numberEnd) = (words.value, words.end)
    } else {
      number = Self.number(String(rest[..<numberEnd]))
    }
    guard let number else { return nil }
    let numberText = String(rest[..<numberEnd])
    var tail = rest[numberEnd...].trimmingSpaces
    var separated = false
    if let first = tail.first, Self.separators.contains(first) {
      tail = String(tail.dropFirst()).trimmingSpaces
      separated = true
    } else if !tail.isEmpty {
      // "Chapter 3 was the best." is a sentence, not a heading; `CHAPTER ONE PLAYING PILGRIMS`,
      // all in capitals and not ending a sentence, is one.
      let inCapitals = !rest.contains(where: \.isLowercase) && !(label ?? "").contains(where: \.isLowercase)
      guard label != nil, inCapitals, let last = tail.last, !".!?".contains(last) else { return nil }
    }
    var heading = ChapterHeading(kind: kind, title: "", number: number, label: label.map(TitleCase.fromCapitals))
    heading.numberText = numberText
    if !tail.isEmpty {
      // A heading's title is short and does not run on like a sentence.
      let loose = standsAlone && separated && label != nil
      guard loose ? isLooseTitle(tail) : isTitleLike(tail) else { return nil }
      heading.subtitle = TitleCase.fromCapitals(tail.hasSuffix(".") ? String(tail.dropLast()) : tail)
    }
    heading.title = heading.composedTitle(
      number: Int(numberText) == nil && RomanNumeral.value(of: numberText) == nil
        ? NumberWords.titleCase(numberText) : numberText)
    return heading
  }

  /// A number in another language's words (`premier`, `Dix`, `восьмая`); nil for digits and
  /// roman numerals in capitals, which need no look in the other languages' table (built on first use).
  private static func otherLanguagesNumber(in rest: String, token: Substring) -> (value: Int, end: String.Index)? {
    guard !token.isEmpty, !token.allSatisfy({ $0.isASCII && ($0.isNumber || "IVXLCDM".contains($0)) }) else {
      return nil
    }
    return ForeignNumberWords.leadingNumber(in: rest)
  }

  /// `Erstes Kapitel`, `ZWEITER TEIL`, `Drittes Buch: Die Reise`: an ordinal in words before the
  /// label, as German numbers its chapters and parts.
  private static func numberFirst(_ text: String) -> ChapterHeading? {
    let words = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
    guard words.count >= 2 else { return nil }
    var labelWord = words[1]
    var separated = false
    if let last = labelWord.last, ".:".contains(last) {
      labelWord = labelWord.dropLast()
      separated = true
    }
    // The label and the layout first: most lines are prose, and reading a number in words costs
    // more (the other languages' table is built on first use).
    let label = labelWord.lowercased()
    let kind: Kind? = chapterLabels.contains(label) ? .chapter : partLabels.contains(label) ? .part : nil
    let titled = words.count == 3 && (separated || words[2].first.map(separators.contains) == true)
    guard let kind, words.count == 2 || titled, let number = ForeignNumberWords.value(of: String(words[0])) else {
      return nil
    }
    var heading = ChapterHeading(
      kind: kind, title: "", number: number, label: TitleCase.fromCapitals(String(labelWord)))
    heading.numberText = String(words[0])
    heading.numberFirst = true
    if words.count == 3 {
      var tail = String(words[2]).trimmingSpaces
      if !separated, let first = tail.first, separators.contains(first) {
        tail = String(tail.dropFirst()).trimmingSpaces
        separated = true
      }
      guard separated, isTitleLike(tail) else { return nil }
      heading.subtitle = TitleCase.fromCapitals(tail.hasSuffix(".") ? String(tail.dropLast()) : tail)
    }
    heading.title = heading.subtitle.map { "\(heading.head): \($0)" } ?? heading.head
    return heading
  }

  /// `Chapter IV`, `Chapter IV: The Storm`, `IV`, `IV. The Storm`.
  private func composedTitle(number: String) -> String {
    let head = label.map { "\($0) \(number)" } ?? number
    guard let subtitle else { return head }
    return label == nil ? "\(head). \(subtitle)" : "\(head): \(subtitle)"
  }

  /// The heading with `subtitle` (a title printed on the line after a bare `Chapter I.`).
  public func withSubtitle(_ line: String) -> ChapterHeading? {
    guard subtitle == nil, kind != .section, Self.isSubtitleLine(line),
      Self.parse(line, bareNumeral: true) == nil
    else { return nil }
    var heading = self
    let subtitle = TitleCase.fromCapitals(line.trimmingSpaces)
    heading.subtitle = subtitle
    heading.title = label == nil ? "\(title). \(subtitle)" : "\(title): \(subtitle)"
    return heading
  }

  /// A line under a heading that is its title: title-like and not ending in a full stop (a
  /// one-line opening paragraph such as `It rained.` does).
  static func isSubtitleLine(_ line: String) -> Bool {
    let text = line.trimmingSpaces
    return isTitleLike(text) && !text.hasSuffix(".")
  }

  /// Short, not running on like a sentence: at most 80 characters and 12 words, not ending in
  /// a comma, and not ending a sentence unless it has at most a few words (`Loomings.`).
  static func isTitleLike(_ text: String) -> Bool {
    guard let first = text.first, let last = text.last, text.count <= 80,
      first.isLetter || first.isNumber, first.isUppercase || first.isNumber,
      !",;:".contains(last)
    else { return false }
    let words = text.split(separator: " ").count
    if "!?".contains(last) || text.hasSuffix("...") || text.hasSuffix("…") { return false }
    return words <= (last == "." ? 4 : 12)
  }

  /// A title after `Chapter 42.` on a line of its own: any punctuation, up to 110 characters,
  /// opening with a capital, a digit or a quotation mark and not breaking off at a comma.
  static func isLooseTitle(_ text: String) -> Bool {
    guard let first = text.first, let last = text.last, text.count <= 110,
      first.isUppercase || first.isNumber || "\"“‘'(".contains(first),
      !",;:".contains(last)
    else { return false }
    return true
  }

  /// Reads `12`, `XII`/`xii` or `Twelve`/`Twenty-One` as a number.
  package static func number(_ text: String) -> Int? {
    if let value = Int(text), value >= 0 { return value }
    if let value = RomanNumeral.value(of: text) { return value }
    return NumberWords.value(of: text)
  }
}
