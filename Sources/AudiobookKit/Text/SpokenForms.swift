/// Rewrites the written forms espeak-ng 1.51 reads wrongly into forms it reads as a narrator
/// would; everything it reads right is left alone. Measured with `espeak-ng -v en-gb -x`:
///
/// | written | espeak-ng alone | given instead |
/// | --- | --- | --- |
/// | `the U.S. Army`, `5 p.m. Tuesday`, `Gen. Lee` | a sentence pause (~340 ms) after the period | `U.S`, `p.m`, `Gen` |
/// | `1999`, `1066`, `1905` (1010 to 1999) | "nineteen hundred ninety-nine", "one thousand and sixty-six" | `19 99`, `10 66`, `19 oh 5` |
/// | `1990s`, `1800s` | "nineteen hundred ninety z" | `19 nineties`, `18 hundreds` |
/// | `1914–1918`, `pages 10–12` | the dash unspoken or read "dash" | `1914 to 1918` |
/// | `$5.50`, `£3`, `€10` | "dollar five point five zero", "pound three" | `5 dollars 50`, `3 pounds` |
/// | `Louis XIV`, `World War II` | "Louis roman fourteen" | `Louis the 14th`, `World War 2` |
/// | `—`, `--`, ` – ` | 120 ms or 250 ms, depending on spacing | `, ` (a short pause, about 170 ms) |
/// | `...`, `. . .` | as `…` | `…` (a longer pause, about 250 ms) |
/// | `“ ” ‘ ’` | as straight quotes | `" " ' '` (the same clips, so the same cache entries) |
///
/// Left to espeak-ng because it reads them right: ordinals (`21st`), times (`7:45`, `a.m.`),
/// `1,000,000`, `25%`, `5p`, years from 2000 on ("two thousand and ten"), and the titles and
/// initials it expands without a pause (`Mr.`, `Dr.`, `St.`, `J. R. R.`).
public enum SpokenForms {
  /// `sentence` (one sentence, whitespace collapsed) in the forms espeak-ng reads right.
  public static func normalize(_ sentence: String) -> String {
    var text = sentence
    // Typographic quotes are UTF-8 sequences that start 0xE2 or 0xC2: most sentences have neither.
    if text.utf8.contains(where: { $0 == 0xE2 || $0 == 0xC2 }),
      text.unicodeScalars.contains(where: { quotes[$0] != nil })
    {
      text = String(String.UnicodeScalarView(text.unicodeScalars.map { quotes[$0] ?? $0 }))
    }
    if text.contains("..") || text.contains(". .") {
      text = text.replacing(Patterns.ellipsis, with: "…")
    }
    if text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
      text = numbers(text)
    }
    if text.contains("—") || text.contains("–") || text.contains("--") {
      text = text.replacing(Patterns.dash, with: ", ")
      text = text.replacing(Patterns.commaRun, with: ",").replacing(Patterns.leadingComma, with: "")
      // A dash before a closing quote: `“Wait—”` → `"Wait,"`.
      text = text.replacing(Patterns.commaBeforeClose, with: ",")
    }
    text = regnalNumbers(text)
    return withoutFalseStops(text).trimmingSpaces
  }

  /// Curly and other typographic quotes as the straight ones.
  static let quotes: [Unicode.Scalar: Unicode.Scalar] = [
    "\u{2018}": "'", "\u{2019}": "'", "\u{201A}": "'", "\u{201B}": "'", "\u{2032}": "'",
    "\u{201C}": "\"", "\u{201D}": "\"", "\u{201E}": "\"", "\u{201F}": "\"", "\u{00AB}": "\"", "\u{00BB}": "\"",
  ]

  // MARK: - Numbers

  private static func numbers(_ sentence: String) -> String {
    var text = sentence
    // Ranges: 1914–1918, 10–12; and 1914-1918 between years.
    text = text.replacing(Patterns.numberRange) { "\($0.output.1) to \($0.output.2)" }
    text = text.replacing(Patterns.yearRange) { "\($0.output.1) to \($0.output.2)" }
    text = text.replacing(
      Patterns.money
    ) { match in
      currency(
        symbol: match.output.1, whole: String(match.output.2), cents: match.output.3.map(String.init),
        scale: match.output.4.map(String.init))
    }
    // Years stand after a space, an opening bracket or quote, or at the start.
    text = text.replacing(Patterns.decade) { match in
      let (before, century, decade) = (match.output.1, match.output.2, Int(match.output.3)!)
      return decade == 0 ? "\(before)\(century) hundreds" : "\(before)\(century) \(decadeWords[decade / 10])"
    }
    text = text.replacing(Patterns.year) { match in
      let (before, century, year) = (match.output.1, match.output.2, Int(match.output.3)!)
      if century == "10" && year < 10 { return String(match.output.0) }  // 1000 is "one thousand".
      if year == 0 { return "\(before)\(century) hundred" }
      return year < 10 ? "\(before)\(century) oh \(year)" : "\(before)\(century) \(year)"
    }
    return text
  }

  static let decadeWords = [
    "", "tens", "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties",
  ]

  /// `$5.50` → `5 dollars 50`; `£1` → `1 pound`; `$0.25` → `25 cents`; `$3 million` → `3 million dollars`.
  private static func currency(symbol: Substring, whole: String, cents: String?, scale: String?) -> String {
    let (one, many, small): (String, String, String) =
      switch symbol {
      case "£": ("pound", "pounds", "pence")
      case "€": ("euro", "euros", "cents")
      default: ("dollar", "dollars", "cents")
      }
    if let scale { return "\(whole)\(scale) \(many)" }
    let unit = whole == "1" ? one : many
    guard let cents, cents != "00" else { return "\(whole) \(unit)" }
    if whole == "0" { return "\(Int(cents)!) \(small)" }
    return "\(whole) \(unit) \(Int(cents)!)"
  }

  // MARK: - Roman numerals after names

  /// Words after which a roman numeral is a plain number (`World War II`, `Part IV`).
  static let numberedThings: Set<String> = [
    "war", "chapter", "part", "book", "volume", "vol", "act", "scene", "section", "article", "phase", "level",
    "type", "class", "mark", "apollo", "stage", "series", "grade", "canto", "psalm", "letter",
  ]

  /// `Louis XIV` → `Louis the 14th`; `World War II` → `World War 2`. Only numerals of two or more
  /// letters up to C, after a capitalized word: `I`, `V` and `X` alone are too often letters.
  private static func regnalNumbers(_ sentence: String) -> String {
    guard Self.hasRomanPair(sentence) else { return sentence }
    return sentence.replacing(Patterns.regnal) { match in
      guard let value = RomanNumeral.value(of: String(match.output.2)), value <= 100 else {
        return String(match.output.0)
      }
      let name = match.output.1
      if numberedThings.contains(name.lowercased()) { return "\(name) \(value)" }
      return "\(name) the \(value)\(ordinalSuffix(value))"
    }
  }

  /// Whether `text` has a space followed by two roman-numeral capitals: a byte scan, since
  /// most sentences have an "I" and the regular expression would run on nearly all of them.
  static func hasRomanPair(_ text: String) -> Bool {
    let roman: Set<UInt8> = [73, 86, 88, 76, 67]  // I V X L C
    var previous: (UInt8, UInt8) = (0, 0)
    for byte in text.utf8 {
      if previous.0 == 32, roman.contains(previous.1), roman.contains(byte) { return true }
      previous = (previous.1, byte)
    }
    return false
  }

  static func ordinalSuffix(_ value: Int) -> String {
    if (11...13).contains(value % 100) { return "th" }
    switch value % 10 {
    case 1: return "st"
    case 2: return "nd"
    case 3: return "rd"
    default: return "th"
    }
  }

  // MARK: - Stops inside a sentence

  /// espeak-ng takes a period before a capital or a digit for the end of a sentence and pauses
  /// there. Inside a sentence (the splitter has decided it is not an end) the period of an
  /// abbreviation goes, which changes nothing else in how the word is read.
  static func withoutFalseStops(_ sentence: String) -> String {
    guard sentence.contains(". ") else { return sentence }
    return sentence.replacing(Patterns.falseStop) { String($0.output.1) }
  }

  /// The patterns, compiled once: a regex literal evaluated in a function is parsed again on
  /// every call, which costs more than the matching.
  private enum Patterns {
    nonisolated(unsafe) static let ellipsis = /\.( ?\.){2,}/
    nonisolated(unsafe) static let dash = /\s*(—|--)\s*|\s+–\s+/
    nonisolated(unsafe) static let commaRun = /,(\s*,)+/
    nonisolated(unsafe) static let leadingComma = /^,\s*/
    nonisolated(unsafe) static let commaBeforeClose = /, (?=["']?(?:\s|$|[.,;:!?]))/
    nonisolated(unsafe) static let numberRange = /(\d)\s*–\s*(\d)/
    nonisolated(unsafe) static let yearRange = /\b(1[1-9]\d\d)-(1[1-9]\d\d|20\d\d)\b/
    nonisolated(unsafe) static let money =
      /([$£€])(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d\d))?(\s+(?:thousand|million|billion|trillion)\b)?/
    nonisolated(unsafe) static let decade = /(^|[\s(\["'])(1[1-9])(\d0)s\b/
    nonisolated(unsafe) static let year = /(^|[\s(\["'])(1\d)(\d\d)\b(?!\d|[,.]\d|[:-])/
    nonisolated(unsafe) static let regnal = /\b([A-Z][a-z]+)\s+([IVXLC]{2,})\b(?!-)/
    nonisolated(unsafe) static let falseStop = /([A-Za-z])\.(?=\s+["'(]?[A-Z0-9])/
  }
}
