/// A plain-text chapter heading such as `Chapter 1`, `CHAPTER IV.`, `Chapter One` or
/// `Chapter 3: The Gala`, recognised strictly so that prose starting with "Chapter" stays prose.
public struct ChapterHeading: Sendable, Equatable {
  /// The heading as the book writes it, without a trailing period after a bare number.
  public var title: String
  /// The chapter's number, when it has one that can be read (`IV` → 4, `Twenty-One` → 21).
  public var number: Int?
  /// The title after the number, e.g. "The Gala".
  public var subtitle: String?

  /// Sections that stand alone as headings, without a number.
  static let namedSections: Set<String> = [
    "preface", "prologue", "epilogue", "introduction", "foreword", "afterword", "etymology", "extracts",
  ]

  /// The heading in `line`, or nil when the line is prose.
  public static func parse(_ line: String) -> ChapterHeading? {
    let text = line.trimmingSpaces
    guard text.count <= 120 else { return nil }
    let bare = text.hasSuffix(".") ? String(text.dropLast()) : text
    if namedSections.contains(bare.lowercased()) { return ChapterHeading(title: bare, number: nil, subtitle: nil) }
    let words = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
    guard words.count == 2, words[0].lowercased() == "chapter" else { return nil }
    // Split "IV. The Gala" / "3: The Gala" / "One" into the number and what follows it.
    let rest = words[1]
    let numberEnd = rest.firstIndex { !($0.isLetter || $0.isNumber || $0 == "-") } ?? rest.endIndex
    let numberText = String(rest[..<numberEnd])
    guard let number = Self.number(numberText) else { return nil }
    var tail = rest[numberEnd...].trimmingSpaces
    let separators: Set<Character> = [".", ":", "-", "–", "—"]
    if let first = tail.first, separators.contains(first) {
      tail = String(tail.dropFirst()).trimmingSpaces
    } else if !tail.isEmpty {
      return nil  // "Chapter 3 was the best." is a sentence, not a heading.
    }
    let label = "\(words[0]) \(numberText)"
    if tail.isEmpty { return ChapterHeading(title: label, number: number, subtitle: nil) }
    // A heading's title is short and does not run on like a sentence.
    guard tail.count <= 80, !tail.hasSuffix(","), tail.split(separator: " ").count <= 12 else { return nil }
    let subtitle = tail.hasSuffix(".") ? String(tail.dropLast()) : tail
    return ChapterHeading(title: "\(label): \(subtitle)", number: number, subtitle: subtitle)
  }

  /// Reads `12`, `XII`/`xii` or `Twelve`/`Twenty-One` as a number.
  static func number(_ text: String) -> Int? {
    if let value = Int(text), value >= 0 { return value }
    if let value = RomanNumeral.value(of: text) { return value }
    return NumberWords.value(of: text)
  }
}

/// Roman numerals in canonical form (I to MMMCMXCIX), either case.
enum RomanNumeral {
  static func value(of text: String) -> Int? {
    let upper = text.uppercased()
    guard !upper.isEmpty, upper.count <= 15, text == upper || text == text.lowercased() else { return nil }
    let values: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000]
    var total = 0
    let digits = upper.compactMap { values[$0] }
    guard digits.count == upper.count else { return nil }
    for (index, digit) in digits.enumerated() {
      if index + 1 < digits.count && digit < digits[index + 1] { total -= digit } else { total += digit }
    }
    // Only canonical spellings count ("IIII" or "VX" are words, not numbers).
    return total > 0 && roman(total) == upper ? total : nil
  }

  static func roman(_ value: Int) -> String {
    let table: [(Int, String)] = [
      (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
      (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]
    var rest = value
    var result = ""
    for (amount, symbol) in table {
      while rest >= amount {
        result += symbol
        rest -= amount
      }
    }
    return result
  }
}

/// English number words from one to ninety-nine (chapter numbers written out).
enum NumberWords {
  static let units = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
  ]
  static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

  static func value(of text: String) -> Int? {
    let parts = text.lowercased().split(separator: "-").map(String.init)
    switch parts.count {
    case 1:
      if let unit = units.firstIndex(of: parts[0]) { return unit }
      return tens.firstIndex(of: parts[0]).flatMap { $0 >= 2 ? $0 * 10 : nil }
    case 2:
      guard let ten = tens.firstIndex(of: parts[0]), ten >= 2, let unit = units.firstIndex(of: parts[1]),
        (1...9).contains(unit)
      else { return nil }
      return ten * 10 + unit
    default: return nil
    }
  }
}
