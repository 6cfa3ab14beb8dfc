/// Number words of the languages read besides English (French, German, Spanish, Italian, Dutch,
/// Portuguese, Polish, Russian), cardinal and ordinal, as chapter headings write them: one to one
/// hundred and ninety-nine, in the genders and cases headings use, with or without accents.
///
/// Every spelling of every number is written out once into one table, keyed by its words run
/// together and lowercased (`vingt et un`, `Vingt-et-Un` and `vingtetun` share a key), both as
/// written and without accents (`tres` for `três`, `funf` for `fünf`, `piaty` for `piąty`). A
/// spelling that two languages read as different numbers is ambiguous and means nothing; one they
/// read alike (`vier`, `onze`, `quinto`) keeps its value.
package enum ForeignNumberWords {
  /// The highest number written out.
  static let highest = 199
  /// Longest text `value(of:)` reads, and how far into a text `leadingNumber(in:)` looks.
  static let maximumLength = 80
  /// Most words one number takes (`cento e noventa e nove`, `cent quatre-vingt-dix-neuvième`).
  static let maximumWords = 8
  /// What the table holds for a spelling that languages read as different numbers.
  static let ambiguous = 0

  /// The value of one number written in words, case-insensitive: cardinal or ordinal, in the
  /// endings chapter headings use (gender, case), words joined by hyphens, spaces or nothing
  /// (`premier`, `Première`, `vingt-et-un`, `vingt et un`, `Erstes`, `Zweiter`, `einundzwanzigstes`,
  /// `quinto`, `Quinta`, `veintiuno`, `drieëntwintigste`, `siódmy`, `восьмая`, `двадцать первая`).
  /// nil when the text is not wholly a number in one of those languages, or is a spelling two of
  /// them read as different numbers.
  package static func value(of text: String) -> Int? {
    guard text.dropFirst(maximumLength).isEmpty else { return nil }
    let words = text.split(omittingEmptySubsequences: false) { $0 == " " || $0 == "-" }
    guard words.count <= maximumWords, words.allSatisfy({ !$0.isEmpty }) else { return nil }
    return number(spelled: normalized(words.joined()))
  }

  /// The number words `text` opens with and where they end (the longest reading wins): for the
  /// rest of `Chapitre vingt et un : Le retour`, `vingt et un : Le retour` → (21, index after
  /// "un"). Words are separated by one space or hyphen; stops at the first character that is
  /// neither a letter nor such a separator. nil when the longest reading is ambiguous.
  package static func leadingNumber(in text: String) -> (value: Int, end: String.Index)? {
    let words = leadingWords(of: text)
    for count in stride(from: words.count, to: 0, by: -1) {
      guard let number = table[words[..<count].map(\.word).joined()] else { continue }
      return number == ambiguous ? nil : (number, words[count - 1].end)
    }
    return nil
  }

  /// The number a run-together, normalized spelling means; nil for none or an ambiguous one.
  static func number(spelled key: String) -> Int? {
    guard let number = table[key], number != ambiguous else { return nil }
    return number
  }

  /// The first words of `text`, normalized, each with where it ends: runs of letters separated
  /// by one space or hyphen, within the first `maximumLength` characters (a word cut off there
  /// is left out, so that `dreiundzwanzig` is never read as `drei`).
  static func leadingWords(of text: String) -> [(word: String, end: String.Index)] {
    let limit = text.index(text.startIndex, offsetBy: maximumLength, limitedBy: text.endIndex) ?? text.endIndex
    var words: [(word: String, end: String.Index)] = []
    var start = text.startIndex
    while start < limit, words.count < maximumWords {
      let end = text[start..<limit].firstIndex { !$0.isLetter } ?? limit
      guard end > start, end < limit || limit == text.endIndex else { break }
      words.append((normalized(text[start..<end]), end))
      guard end < text.endIndex, text[end] == " " || text[end] == "-" else { break }
      start = text.index(after: end)
    }
    return words
  }

  // MARK: - Spellings

  /// Every spelling run together, lowercased, as written and without accents, with the number it
  /// means, or `ambiguous` where languages disagree.
  static let table: [String: Int] = {
    var table: [String: Int] = [:]
    for number in 1...highest {
      for spelling in spellings(of: number) {
        let written = key(spelling)
        for variant in [written, fold(written)] {
          table[variant] = table[variant].map { $0 == number ? number : ambiguous } ?? number
        }
      }
    }
    return table
  }()

  /// The spellings that two languages read as different numbers, which mean nothing.
  static var ambiguousSpellings: [String] {
    table.filter { $0.value == ambiguous }.map(\.key).sorted()
  }

  /// A written-out spelling's key: its words run together, `ё` as `е` (the tables are lowercase).
  static func key(_ spelling: String) -> String {
    var key = String.UnicodeScalarView()
    for scalar in spelling.unicodeScalars where scalar != " " && scalar != "-" {
      key.append(scalar == "ё" ? "е" : scalar)
    }
    return String(key)
  }

  /// Lowercased, with `ё` written `е` as Russian print mostly does.
  static func normalized(_ text: some StringProtocol) -> String {
    String(text.lowercased().map { $0 == "ё" ? "е" : $0 })
  }

  /// Letters as books without accents print them: `é` → `e`, `ß` → `ss`, `ł` → `l`.
  static let accentless: [Unicode.Scalar: String] = [
    "à": "a", "á": "a", "â": "a", "ä": "a", "ã": "a", "ą": "a", "ç": "c", "ć": "c", "è": "e", "é": "e", "ê": "e",
    "ë": "e", "ę": "e", "ì": "i", "í": "i", "î": "i", "ï": "i", "ł": "l", "ñ": "n", "ń": "n", "ò": "o", "ó": "o",
    "ô": "o", "õ": "o", "ö": "o", "ś": "s", "ß": "ss", "ù": "u", "ú": "u", "û": "u", "ü": "u", "ź": "z", "ż": "z",
  ]

  /// A written-out spelling (composed, as the tables are) without accents.
  static func fold(_ text: String) -> String {
    guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
    var folded = ""
    for scalar in text.unicodeScalars {
      if let plain = accentless[scalar] { folded += plain } else { folded.unicodeScalars.append(scalar) }
    }
    return folded
  }

  /// A German word as written, with `ß` as capitals print it (`FÜNFUNDDREISSIG`), and with
  /// umlauts spelled out (`fuenfunddreissig`).
  static func germanSpellings(_ word: String) -> [String] {
    guard word.contains(where: { "äöüß".contains($0) }) else { return [word] }
    let spelled: [Character: String] = ["ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"]
    return [
      word, word.split(separator: "ß", omittingEmptySubsequences: false).joined(separator: "ss"),
      word.map { spelled[$0] ?? String($0) }.joined(),
    ]
  }

  /// German and Dutch hundreds: one of `heads` (`hundert`, `einhundert`), then `alone`, or the
  /// rest with or without `and` (`hundertundeins`, `honderdeen`).
  static func hundreds(
    _ number: Int, heads: [String], and: String, below: (Int) -> [String], alone: String = ""
  ) -> [String] {
    number == 100 ? cross(heads, [alone]) : cross(cross(heads, ["", and]), below(number - 100))
  }

  /// Every head followed by every tail: `cross(["cento e "], ["um", "uma"])`.
  static func cross(_ heads: [String], _ tails: [String]) -> [String] {
    heads.flatMap { head in tails.map { head + $0 } }
  }

  /// The feminine of a Romance ordinal: every word's final `o` as `a` (`décimo tercero` →
  /// `décima tercera`, `decimotercero` → `decimotercera`).
  static func feminine(_ ordinal: String) -> String {
    ordinal.split(separator: " ").map { $0.hasSuffix("o") ? $0.dropLast() + "a" : String($0) }
      .joined(separator: " ")
  }

  // MARK: - Polish and Russian

  static let polishUnits = [
    "", "jeden", "dwa", "trzy", "cztery", "pięć", "sześć", "siedem", "osiem", "dziewięć", "dziesięć", "jedenaście",
    "dwanaście", "trzynaście", "czternaście", "piętnaście", "szesnaście", "siedemnaście", "osiemnaście",
    "dziewiętnaście",
  ]
  static let polishTens = [
    "", "", "dwadzieścia", "trzydzieści", "czterdzieści", "pięćdziesiąt", "sześćdziesiąt", "siedemdziesiąt",
    "osiemdziesiąt", "dziewięćdziesiąt",
  ]
  static let polishUnitOrdinals = [
    "", "pierwszy", "drugi", "trzeci", "czwarty", "piąty", "szósty", "siódmy", "ósmy", "dziewiąty", "dziesiąty",
    "jedenasty", "dwunasty", "trzynasty", "czternasty", "piętnasty", "szesnasty", "siedemnasty", "osiemnasty",
    "dziewiętnasty",
  ]
  static let polishTenOrdinals = [
    "", "", "dwudziesty", "trzydziesty", "czterdziesty", "pięćdziesiąty", "sześćdziesiąty", "siedemdziesiąty",
    "osiemdziesiąty", "dziewięćdziesiąty",
  ]

  /// `jeden`/`jedna`, `dwadzieścia dwie`, `sto jeden`; ordinals with every word inflected
  /// (`pierwszy`, `pierwsza`, `pierwsze`, `dwudziestego pierwszego`, `w rozdziale pierwszym`).
  static func polish(_ number: Int) -> [String] {
    let words = polishOrdinalWords(number)
    let ordinals = (0..<6).map { ending in
      words.map { $0 == "sto" ? $0 : polishOrdinal($0, ending: ending) }.joined(separator: " ")
    }
    return polishCardinals(number) + ordinals
  }

  static func polishCardinals(_ number: Int) -> [String] {
    if number >= 100 { return number == 100 ? ["sto"] : cross(["sto "], polishCardinals(number - 100)) }
    if number < 20 { return [polishUnits[number]] + (number == 1 ? ["jedna", "jedno"] : number == 2 ? ["dwie"] : []) }
    let (ten, unit) = (number / 10, number % 10)
    return unit == 0 ? [polishTens[ten]] : cross([polishTens[ten] + " "], polishCardinals(unit))
  }

  /// The words of a masculine ordinal: `setny`, `sto pierwszy`, `dwudziesty drugi`.
  static func polishOrdinalWords(_ number: Int) -> [String] {
    if number >= 100 { return number == 100 ? ["setny"] : ["sto"] + polishOrdinalWords(number - 100) }
    if number < 20 { return [polishUnitOrdinals[number]] }
    let (ten, unit) = (number / 10, number % 10)
    return [polishTenOrdinals[ten]] + (unit == 0 ? [] : [polishUnitOrdinals[unit]])
  }

  /// A masculine ordinal with ending `ending`: nominative masculine, feminine and neuter, then
  /// genitive, instrumental and feminine oblique (`drugi`, `druga`, `drugie`, `drugiego`, ...).
  static func polishOrdinal(_ word: String, ending: Int) -> String {
    if word.hasSuffix("gi") { return word.dropLast() + ["i", "a", "ie", "iego", "im", "iej"][ending] }
    if word.hasSuffix("i") { return word + ["", "a", "e", "ego", "m", "ej"][ending] }
    return word.dropLast() + ["y", "a", "e", "ego", "ym", "ej"][ending]
  }

  static let russianUnits = [
    "", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять", "одиннадцать",
    "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать", "семнадцать", "восемнадцать",
    "девятнадцать",
  ]
  static let russianTens = [
    "", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто",
  ]
  static let russianUnitOrdinals = [
    "", "первый", "второй", "третий", "четвёртый", "пятый", "шестой", "седьмой", "восьмой", "девятый", "десятый",
    "одиннадцатый", "двенадцатый", "тринадцатый", "четырнадцатый", "пятнадцатый", "шестнадцатый", "семнадцатый",
    "восемнадцатый", "девятнадцатый",
  ]
  static let russianTenOrdinals = [
    "", "", "двадцатый", "тридцатый", "сороковой", "пятидесятый", "шестидесятый", "семидесятый", "восьмидесятый",
    "девяностый",
  ]

  /// `один`/`одна`/`одно`, `двадцать две`, `сто один`; ordinals with the last word inflected
  /// (`первый`, `первая`, `первое`, `двадцать первой`, `сто второго`).
  static func russian(_ number: Int) -> [String] {
    let ordinal = russianOrdinal(number)
    let stem = ordinal.dropLast(2)
    let endings: [String]
    switch ordinal.suffix(2) {
    case "ий": endings = ["ий", "ья", "ье", "ьего", "ьем", "ьей", "ью"]
    case "ой": endings = ["ой", "ая", "ое", "ого", "ом", "ую"]
    default: endings = ["ый", "ая", "ое", "ого", "ом", "ой", "ую"]
    }
    return russianCardinals(number) + endings.map { stem + $0 }
  }

  static func russianCardinals(_ number: Int) -> [String] {
    if number >= 100 { return number == 100 ? ["сто"] : cross(["сто "], russianCardinals(number - 100)) }
    if number < 20 { return [russianUnits[number]] + (number == 1 ? ["одна", "одно"] : number == 2 ? ["две"] : []) }
    let (ten, unit) = (number / 10, number % 10)
    return unit == 0 ? [russianTens[ten]] : cross([russianTens[ten] + " "], russianCardinals(unit))
  }

  /// The masculine ordinal: `первый`, `двадцать первый`, `сотый`, `сто двадцатый`.
  static func russianOrdinal(_ number: Int) -> String {
    if number >= 100 { return number == 100 ? "сотый" : "сто " + russianOrdinal(number - 100) }
    if number < 20 { return russianUnitOrdinals[number] }
    let (ten, unit) = (number / 10, number % 10)
    return unit == 0 ? russianTenOrdinals[ten] : russianTens[ten] + " " + russianUnitOrdinals[unit]
  }
}
