/// English number words, cardinal and ordinal, from one to nine hundred and ninety-nine
/// (chapter numbers written out: `Twenty-One`, `Twenty One`, `One Hundred`, `the First`).
enum NumberWords {
  static let units = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
  ]
  static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
  static let unitOrdinals = [
    "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
    "nineteenth",
  ]
  static let tenOrdinals = [
    "", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth",
  ]

  /// A number written as one word or two joined by a hyphen (`seven`, `Twenty-One`).
  package static func value(of text: String) -> Int? {
    let parts = text.lowercased().split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    guard let (value, used, ordinal) = phrase(parts), used == parts.count, !ordinal else { return nil }
    return value
  }

  /// The number words `text` opens with (`Twenty One`, `ONE HUNDRED AND FIVE`, `the First`,
  /// `the Twenty-First`, `Twenty-First`, `First`) and where they end; the longest reading wins.
  /// `the` must be followed by an ordinal, and an ordinal by nothing but a title.
  static func leadingNumber(in text: String) -> (value: Int, end: String.Index)? {
    // Words separated by one space or hyphen, up to the first character of another kind.
    var words: [(word: String, end: String.Index)] = []
    var start = text.startIndex
    while start < text.endIndex, words.count < 6 {
      let end = text[start...].firstIndex { !$0.isLetter } ?? text.endIndex
      guard end > start else { break }
      words.append((text[start..<end].lowercased(), end))
      guard end < text.endIndex, text[end] == " " || text[end] == "-" else { break }
      start = text.index(after: end)
    }
    var parts = words.map(\.word)
    let article = parts.first == "the"
    if article { parts.removeFirst() }
    guard let (value, used, ordinal) = phrase(parts), used > 0, ordinal || !article else { return nil }
    // A single cardinal is read by `value(of:)` as before; phrases and ordinals need this path.
    guard article || ordinal || used > 1 else { return nil }
    return (value, words[used - (article ? 0 : 1)].end)
  }

  /// The longest number phrase at the start of `words`: its value, how many words it used,
  /// and whether it is an ordinal.
  private static func phrase(_ words: [String]) -> (Int, Int, Bool)? {
    var index = 0
    func word(_ at: Int) -> String? { at < words.count ? words[at] : nil }
    // [unit] hundred [and] ...
    var hundreds = 0
    if let first = word(0), let unit = units.firstIndex(of: first), (1...9).contains(unit) {
      if word(1) == "hundred" {
        hundreds = unit * 100
        index = 2
      } else if word(1) == "hundredth" {
        return (unit * 100, 2, true)
      }
    }
    guard hundreds == 0 || index < words.count else { return hundreds > 0 ? (hundreds, index, false) : nil }
    var afterAnd = index
    if hundreds > 0, word(index) == "and" { afterAnd = index + 1 }
    guard let below = belowHundred(Array(words.dropFirst(afterAnd))) else {
      return hundreds > 0 ? (hundreds, index, false) : nil
    }
    return (hundreds + below.value, afterAnd + below.used, below.ordinal)
  }

  /// `twenty one`, `twenty-first`, `seven`, `forty`, `nineteenth`.
  private static func belowHundred(_ words: [String]) -> (value: Int, used: Int, ordinal: Bool)? {
    guard let first = words.first else { return nil }
    if let ten = tens.firstIndex(of: first), ten >= 2 {
      if words.count > 1 {
        if let unit = units.firstIndex(of: words[1]), (1...9).contains(unit) { return (ten * 10 + unit, 2, false) }
        if let unit = unitOrdinals.firstIndex(of: words[1]), (1...9).contains(unit) {
          return (ten * 10 + unit, 2, true)
        }
      }
      return (ten * 10, 1, false)
    }
    if let ten = tenOrdinals.firstIndex(of: first), ten >= 2 { return (ten * 10, 1, true) }
    if let unit = units.firstIndex(of: first) { return (unit, 1, false) }
    if let unit = unitOrdinals.firstIndex(of: first), unit >= 1 { return (unit, 1, true) }
    return nil
  }

  /// Number words as a title prints them: `TWENTY ONE` → `Twenty One`, `THE FIRST` → `the First`.
  static func titleCase(_ text: String) -> String {
    let cased = TitleCase.fromCapitals(text)
    return cased.hasPrefix("The ") ? "the" + cased.dropFirst(3) : cased
  }
}
