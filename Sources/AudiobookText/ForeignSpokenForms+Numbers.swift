import AudiobookBook
import AudiobookCore

/// The numbers, dates and numerals espeak-ng misreads in other languages, said as a reader would.
extension ForeignSpokenForms {
  // MARK: - French

  /// `15 h` → `15 heures`, `15 h 30` → `15 heures 30`, `1 h` → `1 heure`.
  static func frenchHours(_ text: String) -> String {
    guard text.containsBytes("h") else { return text }
    return text.replacing(Patterns.frenchHours) { match in
      let hours = match.output.2
      let unit = hours == "1" || hours == "01" ? "heure" : "heures"
      return "\(match.output.1)\(hours) \(unit)" + (match.output.3.map { " \($0)" } ?? "")
    }
  }

  /// `XIXe siècle`, `19e`, `19ème` (fr) and `19e eeuw` (nl) as ordinals in words.
  static func ordinalSuffixes(_ text: String, language: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x65 }) else { return text }  // "e"
    let pattern = language == "fr" ? Patterns.frenchOrdinal : Patterns.dutchOrdinal
    return text.replacing(pattern) { match in
      let written = String(match.output.2)
      guard let value = Int(written) ?? RomanNumeral.value(of: written),
        let said = ForeignNumberWords.ordinal(value, in: language)
      else { return String(match.output.0) }
      return match.output.1 + said
    }
  }

  // MARK: - German

  static let germanMonths: Set<String> = [
    "Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
    "November", "Dezember",
  ]

  /// `am 3. Oktober` → `am dritten Oktober`; `der 3. Oktober` → `der dritte Oktober`.
  static func germanDays(_ text: String) -> String {
    guard text.containsBytes(". ") else { return text }
    return text.replacing(Patterns.germanDay) { match in
      guard germanMonths.contains(String(match.output.3)), let day = Int(match.output.2),
        let ordinal = ForeignNumberWords.ordinal(day, in: "de")
      else { return String(match.output.0) }
      let previous = SpokenForms.lastWord(of: text[..<match.range.lowerBound]).lowercased()
      let ending = previous == "der" || previous == "ein" ? "" : "n"
      return "\(match.output.1)\(ordinal)\(ending) \(match.output.3)"
    }
  }

  /// Words after which a number from 1100 to 1999 is a year (`im Jahr 1985`, `seit 1848`).
  static let germanTimeWords: Set<String> = [
    "im", "jahr", "jahre", "jahres", "seit", "bis", "von", "vor", "nach", "um", "anno", "ab", "frühjahr",
    "sommer", "herbst", "winter", "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli",
    "august", "september", "oktober", "november", "dezember", "zwischen",
  ]

  static let germanHundreds = [
    "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn",
  ]

  /// `im Jahr 1985` → `im Jahr neunzehnhundert 85` (espeak-ng says "eintausend neunhundert…");
  /// a number that opens the sentence or follows a word for a time is a year, any other counts
  /// (`1500 Soldaten`).
  static func germanYears(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x31 }) else { return text }  // "1"
    return text.replacing(Patterns.germanYear) { match in
      let before = text[..<match.range.lowerBound]
      let previous = SpokenForms.lastWord(of: before).lowercased().filter(\.isLetter)
      let opens = before.allSatisfy { !$0.isLetter && !$0.isNumber }
      guard opens || germanTimeWords.contains(previous), let century = Int(match.output.2),
        let year = Int(match.output.3)
      else { return String(match.output.0) }
      let hundreds = germanHundreds[century - 11] + "hundert"
      return "\(match.output.1)\(hundreds)" + (year == 0 ? "" : " \(year)")
    }
  }

  // MARK: - Spanish and Portuguese

  /// `1.º` → `1º`, `2.ª` → `2ª` (espeak-ng reads the period as "punto").
  static func ordinalMarks(_ text: String) -> String {
    guard text.containsBytes(".º") || text.containsBytes(".ª") else { return text }
    return text.replacing(Patterns.ordinalMark) { "\($0.output.1)\($0.output.2)" }
  }

  /// `D. Pedro` → `Dom Pedro`, `D. Maria` → `Dona Maria` (espeak-ng reads `D.` as 500).
  static func portugueseDom(_ text: String) -> String {
    guard text.containsBytes("D.") else { return text }
    return text.replacing(Patterns.portugueseDom) { match in
      "\(match.output.1)\(match.output.2.hasSuffix("a") ? "Dona" : "Dom") \(match.output.2)"
    }
  }

  // MARK: - Polish and Russian

  /// `w 1999 r.` → `w 1999 roku`.
  static func polishYears(_ text: String) -> String {
    guard text.containsBytes("r.") else { return text }
    return text.replacing(Patterns.polishYear) { match in
      "\(match.output.1) roku" + (match.range.upperBound == text.endIndex ? "." : "")
    }
  }

  /// `в 1812 г.` → `в 1812 году`, `1812 г.` → `1812 года`, `в 1990-х гг.` → `в 1990-х годах`.
  static func russianYears(_ text: String) -> String {
    guard text.containsBytes("г.") else { return text }
    return text.replacing(Patterns.russianYear) { match in
      let before = text[..<match.range.lowerBound].reversed().drop { $0.isNumber || "–- ".contains($0) }
      let locative = String(before.prefix { $0.isLetter }.reversed()).lowercased() == "в"
      let said =
        match.output.3 == "гг" ? (locative ? "годах" : "годов") : (locative ? "году" : "года")
      return "\(match.output.1)\(match.output.2 ?? "") \(said)" + (match.range.upperBound == text.endIndex ? "." : "")
    }
  }

  /// `стр. 5` → `страница 5`.
  static func russianPages(_ text: String) -> String {
    guard text.containsBytes("стр.") else { return text }
    return text.replacing(Patterns.russianPage) { "\($0.output.1)страница " }
  }

  /// `w XIX wieku` → `w dziewiętnastym wieku`, `XIX века` → `девятнадцатого века`: a century in
  /// roman numerals, in the case of the word after it.
  static func centuries(_ text: String, language: String) -> String {
    guard SpokenForms.hasRoman(text) else { return text }
    return text.replacing(Patterns.century) { match in
      let word = match.output.2.lowercased()
      let previous = SpokenForms.lastWord(of: text[..<match.range.lowerBound]).lowercased()
      guard let value = RomanNumeral.value(of: String(match.output.1)) else { return String(match.output.0) }
      let said: String?
      switch (language, word) {
      case ("pl", "wieku"): said = ForeignNumberWords.polishOrdinal(value, ending: previous == "w" ? 4 : 3)
      case ("pl", "wiek"): said = ForeignNumberWords.polishOrdinal(value, ending: 0)
      case ("ru", "веке"): said = ForeignNumberWords.russianOrdinal(value, ending: .prepositional)
      case ("ru", "века"): said = ForeignNumberWords.russianOrdinal(value, ending: .genitive)
      case ("ru", "век"): said = ForeignNumberWords.russianOrdinal(value, ending: .nominative)
      default: said = nil
      }
      return said.map { "\($0) \(match.output.2)" } ?? String(match.output.0)
    }
  }

  // MARK: - Numerals after names

  /// `Louis XIV` → `Louis 14`, `François Ier` → `François premier` (fr); `Felipe II` → `Felipe
  /// segundo` (es, pt: ordinals to ten); `Willem III` → `Willem de derde` (nl); `Jan III` → `Jan
  /// trzeci` (pl); `Пётр I` → `Пётр первый`, `Екатерина II` → `Екатерина вторая` (ru). A numeral
  /// after a chapter or part label is a plain number (`Capítulo IV` → `Capítulo 4`).
  static func regnal(_ text: String, language: String) -> String {
    guard SpokenForms.hasRoman(text) else { return text }
    return text.replacing(Patterns.regnal) { match in
      let (name, numeral) = (String(match.output.1), String(match.output.2))
      let value = numeral == "Ier" ? 1 : RomanNumeral.value(of: numeral)
      guard let value, value <= 199 else { return String(match.output.0) }
      let lowercased = name.lowercased()
      if ChapterWords.chapterLabels.contains(lowercased) || ChapterWords.partLabels.contains(lowercased) {
        return "\(name) \(value)"
      }
      let feminine = name.hasSuffix("a") || name.hasSuffix("а") || name.hasSuffix("я")
      let said: String
      switch language {
      case "fr": said = value == 1 ? "premier" : String(value)
      case "es", "pt":
        said = value <= 10 ? ForeignNumberWords.ordinal(value, in: language, feminine: feminine) ?? "" : "\(value)"
      case "nl": said = ForeignNumberWords.ordinal(value, in: "nl").map { "de \($0)" } ?? "\(value)"
      default: said = ForeignNumberWords.ordinal(value, in: language, feminine: feminine) ?? "\(value)"
      }
      return "\(name) \(said)"
    }
  }

  private enum Patterns {
    nonisolated(unsafe) static let frenchHours = /(^|[^\p{L}\d])(\d{1,2}) ?h(?: ?(\d\d))?(?![\p{L}\d])/
    nonisolated(unsafe) static let frenchOrdinal =
      /(^|[^\p{L}\d])([IVXLC]{2,}|[IVX]|\d{1,3})(?:e|ème|eme|è)(?![\p{L}\d])/
    nonisolated(unsafe) static let dutchOrdinal = /(^|[^\p{L}\d])(\d{1,3})(?:e|ste|de)(?![\p{L}\d])/
    nonisolated(unsafe) static let germanDay = /(^|[^\d.])([1-9]|[12]\d|3[01])\. (\p{L}+)/
    nonisolated(unsafe) static let germanYear = /(^|[\s(„"'])(1[1-9])(\d\d)(?![\d.,:–-])/
    nonisolated(unsafe) static let ordinalMark = /(\d)\.([ºª])/
    nonisolated(unsafe) static let portugueseDom = /(^|[^\p{L}])D\. (\p{Lu}\p{Ll}+)/
    nonisolated(unsafe) static let polishYear = /(\d) ?r\.(?!\p{L})/
    nonisolated(unsafe) static let russianYear = /(\d)(-х)? ?(гг|г)\.(?!\p{L})/
    nonisolated(unsafe) static let russianPage = /(^|[^\p{L}])стр\. ?(?=\d)/
    nonisolated(unsafe) static let century = /\b([IVXLC]+) (wieku|wiek|веке|века|век)\b/
    nonisolated(unsafe) static let regnal = /(\p{Lu}\p{Ll}+) ([IVXLC]{2,}|Ier|[IVX])(?![\p{L}\d-])(?!\.\s*\p{Lu})/
  }
}
