import AudiobookCore
import AudiobookBook

/// Rewrites the written forms espeak-ng 1.51 reads wrongly into forms it reads as a narrator
/// would; everything it reads right is left alone. Measured with `espeak-ng -v en-gb -x`:
///
/// | written | espeak-ng alone | given instead |
/// | --- | --- | --- |
/// | `the U.S. Army`, `5 p.m. Tuesday`, `Fig. 3` | a sentence pause (~340 ms) after the period | `U.S`, `p.m`, `Fig` |
/// | `Gen. Lee`, `Lt. Dan`, `Rep. Jones` (before a capitalized name) | "jen", "L T", "rep" | `General Lee`, `Lieutenant Dan`, `Representative Jones` |
/// | `No. 5`, `p. 12`, `pp. 12–14` (before a number) | "no five", "pee twelve", "pee pee" | `number 5`, `page 12`, `pages 12 to 14` |
/// | `1999`, `1066`, `1905` (1010 to 1999) | "nineteen hundred ninety-nine", "one thousand and sixty-six" | `19 99`, `10 66`, `19 oh 5` |
/// | `1234 sheep`, `page 1234` (counts, see `countsThings`) | right: "one thousand two hundred and thirty-four" | left alone |
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
  /// `sentence` (one sentence, whitespace collapsed) in the forms espeak-ng reads right, for an
  /// English book or one whose language is not known. Other languages: `normalize(_:language:)`.
  public static func normalize(_ sentence: String) -> String {
    var text = plainMarks(sentence)
    if (text.containsBytes(". ") && titles.keys.contains { text.containsBytes($0) })
      || text.containsBytes("Lt ") || text.containsBytes("Sgt ") || text.containsBytes("Capt ")
    {
      text = text.replacing(Patterns.title) { match in
        titles[String(match.output.1 ?? match.output.2 ?? "")] ?? String(match.output.0)
      }
    }
    if text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
      if text.containsBytes(".") {
        text = text.replacing(Patterns.numberAbbreviation) { match in
          (numberAbbreviations[String(match.output.1)] ?? String(match.output.1)) + " "
        }
      }
      text = numbers(text)
    }
    text = regnalNumbers(withoutDashes(text))
    return withoutFalseStops(text).trimmingSpaces
  }

  /// Dashes as a comma's short pause: `Wait—no` → `Wait, no`.
  static func withoutDashes(_ sentence: String) -> String {
    guard sentence.containsBytes("—") || sentence.containsBytes("–") || sentence.containsBytes("--") else {
      return sentence
    }
    var text = sentence.replacing(Patterns.dash, with: ", ")
    text = text.replacing(Patterns.commaRun, with: ",").replacing(Patterns.leadingComma, with: "")
    // A dash before a closing quote: `“Wait—”` → `"Wait,"`.
    return text.replacing(Patterns.commaBeforeClose, with: ",")
  }

  /// Typographic quotes as straight ones and dotted ellipses as `…`.
  static func plainMarks(_ sentence: String) -> String {
    var text = sentence
    // Typographic quotes are UTF-8 sequences that start 0xE2 or 0xC2: most sentences have neither.
    if text.utf8.contains(where: { $0 == 0xE2 || $0 == 0xC2 }),
      text.unicodeScalars.contains(where: { quotes[$0] != nil })
    {
      text = String(String.UnicodeScalarView(text.unicodeScalars.map { quotes[$0] ?? $0 }))
    }
    if text.containsBytes("..") || text.containsBytes(". .") {
      text = text.replacing(Patterns.ellipsis, with: "…")
    }
    return text
  }

  /// Curly and other typographic quotes as the straight ones.
  static let quotes: [Unicode.Scalar: Unicode.Scalar] = [
    "\u{2018}": "'", "\u{2019}": "'", "\u{201A}": "'", "\u{201B}": "'", "\u{2032}": "'",
    "\u{201C}": "\"", "\u{201D}": "\"", "\u{201E}": "\"", "\u{201F}": "\"", "\u{00AB}": "\"", "\u{00BB}": "\"",
  ]

  // MARK: - Abbreviations

  /// Titles espeak-ng reads as written ("Gen" as "jen", "Lt" as "L T"), said in full before a
  /// capitalized name. `Lt`, `Sgt` and `Capt` are not words, so they count without a period too.
  package static let titles: [String: String] = [
    "Gen": "General", "Capt": "Captain", "Col": "Colonel", "Rev": "Reverend", "Prof": "Professor",
    "Lt": "Lieutenant", "Sgt": "Sergeant", "Gov": "Governor", "Sen": "Senator", "Rep": "Representative",
  ]

  /// Abbreviations espeak-ng reads as written ("No. 5" as "no five", "p. 12" as "pee twelve"),
  /// said in full before a number.
  static let numberAbbreviations: [String: String] = [
    "No": "number", "no": "number", "Nos": "numbers", "nos": "numbers", "p": "page", "pp": "pages",
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
      // The pattern's third group is one digit and a zero.
      let (before, century, decade) = (match.output.1, match.output.2, Int(match.output.3) ?? 0)
      return decade == 0 ? "\(before)\(century) hundreds" : "\(before)\(century) \(decadeWords[decade / 10])"
    }
    let source = text
    text = text.replacing(Patterns.year) { match in
      let (before, century, year) = (match.output.1, match.output.2, Int(match.output.3) ?? 0)
      if century == "10" && year < 10 { return String(match.output.0) }  // 1000 is "one thousand".
      if countsThings(before: source[..<match.range.lowerBound], after: source[match.range.upperBound...]) {
        return String(match.output.0)
      }
      if year == 0 { return "\(before)\(century) hundred" }
      return year < 10 ? "\(before)\(century) oh \(year)" : "\(before)\(century) \(year)"
    }
    return text
  }

  /// Whether a number that could be a year (1010 to 1999) counts or labels things instead, so
  /// espeak-ng is to read it as a number ("one thousand two hundred and thirty-four"): after a
  /// word that labels by number (`page 1234`, `No. 1850`), or directly before a plural noun
  /// (`1234 sheep`, `1500 men`) unless a word for a time comes before it (`in 1850 people`).
  static func countsThings(before: Substring, after: Substring) -> Bool {
    let previous = lastWord(of: before).filter(\.isLetter).lowercased()
    if labelWords.contains(previous) { return true }
    if timeWords.contains(previous) { return false }
    guard after.first == " " else { return false }
    let next = after.dropFirst().prefix { $0.isLetter }
    guard next.count >= 3, next.allSatisfy(\.isLowercase) else { return false }
    if irregularPlurals.contains(String(next)) { return true }
    return next.hasSuffix("s") && !next.hasSuffix("ss") && !notPlurals.contains(String(next))
  }

  /// The last word of `text` (split at spaces), scanning from its end: what comes before a
  /// match, looked at once per match, must not cost the whole text before it.
  static func lastWord(of text: Substring) -> Substring {
    var end = text.endIndex
    while end > text.startIndex, text[text.index(before: end)] == " " { end = text.index(before: end) }
    var start = end
    while start > text.startIndex, text[text.index(before: start)] != " " { start = text.index(before: start) }
    return text[start..<end]
  }

  /// Words after which a number labels a thing (`page 1234`).
  static let labelWords: Set<String> = [
    "page", "pages", "p", "pp", "number", "numbers", "no", "nos", "room", "line", "lines", "verse", "verses",
  ]

  /// Words after which a number in 1010 to 1999 is a year (`in 1850`, `May 1850`, `by 1900`).
  static let timeWords: Set<String> = [
    "in", "since", "until", "till", "from", "by", "after", "before", "during", "around", "between", "through",
    "throughout", "early", "late", "mid", "year", "circa", "c", "ca", "spring", "summer", "autumn", "fall",
    "winter", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  ]

  /// Plural nouns without an `s`.
  static let irregularPlurals: Set<String> = [
    "people", "men", "women", "children", "sheep", "deer", "fish", "feet", "teeth", "mice", "geese", "cattle",
    "oxen", "head", "swine",
  ]

  /// Common words ending in `s` that follow a year and are not plural nouns (`1850 was`).
  static let notPlurals: Set<String> = [
    "was", "is", "has", "as", "his", "its", "this", "thus", "does", "goes", "whereas", "towards", "afterwards",
    "onwards", "always", "perhaps", "besides", "sees", "marks", "brings", "begins", "ends",
  ]

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
    // Two digits, by the pattern: "05" is said "5".
    let spokenCents = Int(cents).map(String.init) ?? cents
    if whole == "0" { return "\(spokenCents) \(small)" }
    return "\(whole) \(unit) \(spokenCents)"
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
    guard sentence.containsBytes(". ") else { return sentence }
    return sentence.replacing(Patterns.falseStop) { String($0.output.1) }
  }

  /// The patterns, compiled once: a regex literal evaluated in a function is parsed again on
  /// every call, which costs more than the matching.
  enum Patterns {
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
    nonisolated(unsafe) static let title =
      /\b(?:(Gen|Col|Rev|Prof|Gov|Sen|Rep)\.|(Capt|Lt|Sgt)\.?)(?=\s+["'(]?\p{Lu})/
    nonisolated(unsafe) static let numberAbbreviation = /\b(No|no|Nos|nos|pp|p)\.\s?(?=\d)/
    nonisolated(unsafe) static let falseStop = /([A-Za-z])\.(?=\s+["'(]?[A-Z0-9])/
  }
}
