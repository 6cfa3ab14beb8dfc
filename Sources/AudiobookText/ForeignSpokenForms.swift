import AudiobookBook
import AudiobookCore

/// One language's rewrites for espeak-ng (see `SpokenForms.normalize(_:language:)` for what
/// each fixes): abbreviations said in full anywhere, titles said in full before a name, and the
/// language's numbers.
struct ForeignSpokenForms: @unchecked Sendable {
  /// Written (without spaces: `z.B.` stands for `z. B.` too) → said.
  let abbreviations: [String: String]
  /// Written → said, before a capitalized word only (`M. Dupont`, not `le M.`).
  let titles: [String: String]
  /// The language's rewrites of numbers, dates and numerals.
  let numbers: [(String) -> String]

  /// The two tables as patterns, made once with them.
  private let abbreviationPattern: Regex<AnyRegexOutput>?
  private let titlePattern: Regex<AnyRegexOutput>?

  init(abbreviations: [String: String] = [:], titles: [String: String] = [:], numbers: [(String) -> String] = []) {
    self.abbreviations = abbreviations
    self.titles = titles
    self.numbers = numbers
    abbreviationPattern = Self.pattern(abbreviations.keys, after: "(?!\\p{L})")
    titlePattern = Self.pattern(titles.keys, after: "(?=\\s+[\"'(]?\\p{Lu})")
  }

  /// `text` with this language's rewrites.
  func apply(to text: String) -> String {
    var text = text
    if text.containsBytes(".") {
      text = Self.replace(abbreviationPattern, in: text, from: abbreviations)
      text = Self.replace(titlePattern, in: text, from: titles)
    }
    return numbers.reduce(text) { $1($0) }
  }

  /// The rewrites of each language, by ISO 639-1 code.
  static let rules: [String: ForeignSpokenForms] = [
    "fr": ForeignSpokenForms(
      abbreviations: ["p.ex.": "par exemple", "c.-à-d.": "c'est-à-dire"],
      titles: ["M.": "monsieur", "MM.": "messieurs"],
      numbers: [frenchHours, { ordinalSuffixes($0, language: "fr") }, { regnal($0, language: "fr") }]),
    "de": ForeignSpokenForms(
      abbreviations: [
        "z.B.": "zum Beispiel", "d.h.": "das heißt", "usw.": "und so weiter", "bzw.": "beziehungsweise",
        "u.a.": "unter anderem", "ca.": "circa", "Nr.": "Nummer", "evtl.": "eventuell", "ggf.": "gegebenenfalls",
      ],
      numbers: [germanDays, germanYears]),
    "es": ForeignSpokenForms(numbers: [ordinalMarks, { regnal($0, language: "es") }]),
    "it": ForeignSpokenForms(
      abbreviations: [
        "Sig.ra": "signora", "Sig.na": "signorina", "Dott.ssa": "dottoressa", "Prof.ssa": "professoressa",
        "ecc.": "eccetera",
      ],
      titles: ["Sig.": "signor", "Dott.": "dottor"]),
    "nl": ForeignSpokenForms(
      abbreviations: [
        "blz.": "bladzijde", "bijv.": "bijvoorbeeld", "o.a.": "onder andere", "d.w.z.": "dat wil zeggen",
      ],
      titles: ["Dhr.": "de heer", "Mevr.": "mevrouw"],
      numbers: [{ ordinalSuffixes($0, language: "nl") }, { regnal($0, language: "nl") }]),
    "pt": ForeignSpokenForms(
      abbreviations: ["p.ex.": "por exemplo"],
      titles: ["Sr.": "senhor", "Sra.": "senhora", "Srta.": "senhorita"],
      numbers: [ordinalMarks, portugueseDom, { regnal($0, language: "pt") }]),
    "pl": ForeignSpokenForms(
      abbreviations: ["tj.": "to jest"], titles: ["ul.": "ulica"],
      numbers: [polishYears, { centuries($0, language: "pl") }, { regnal($0, language: "pl") }]),
    "ru": ForeignSpokenForms(
      abbreviations: ["т.е.": "то есть", "т.д.": "так далее", "т.п.": "тому подобное"],
      titles: ["ул.": "улица"],
      numbers: [russianYears, russianPages, { centuries($0, language: "ru") }, { regnal($0, language: "ru") }]),
  ]

  /// A pattern matching any of `written` (longest first, a space allowed after each inner period)
  /// where no letter or digit comes before it; `after` is what must follow.
  private static func pattern(_ written: some Collection<String>, after: String) -> Regex<AnyRegexOutput>? {
    guard !written.isEmpty else { return nil }
    let alternatives = written.sorted { ($0.count, $0) > ($1.count, $1) }.map { key in
      var pattern = ""
      for (index, character) in key.enumerated() {
        pattern += character.isLetter ? String(character) : "\\" + String(character)
        if character == ".", index < key.count - 1 { pattern += "\\s?" }
      }
      return pattern
    }
    return try? Regex("(^|[^\\p{L}\\p{N}])(\(alternatives.joined(separator: "|")))\(after)")
  }

  private static func replace(_ pattern: Regex<AnyRegexOutput>?, in text: String, from table: [String: String])
    -> String
  {
    guard let pattern else { return text }
    return text.replacing(pattern) { match in
      let before = match.output[1].substring.map(String.init) ?? ""
      let written = (match.output[2].substring.map(String.init) ?? "").filter { !$0.isWhitespace }
      guard let said = table[written] else { return String(match.output[0].substring ?? "") }
      // An abbreviation that ends the sentence keeps the sentence's stop.
      return before + said + (match.range.upperBound == text.endIndex ? "." : "")
    }
  }

  /// A period after a letter inside a sentence (`А. С. Пушкин`, `Sr. Silva` left by the rules):
  /// espeak-ng would stop there as at a sentence's end.
  nonisolated(unsafe) static let falseStop = /(\p{L})\.(?=\s+["'(]?[\p{Lu}\d])/
}
