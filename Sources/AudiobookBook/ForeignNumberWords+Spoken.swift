/// Ordinals as a narrator says them, for the speech text of books in other languages
/// (`Louis XIV` is read `Louis quatorze`, but `XIXe siècle` is `dix-neuvième siècle`).
extension ForeignNumberWords {
  /// The ordinal of `number` (1...199) in `language` (an ISO 639-1 code): the masculine
  /// nominative, or the feminine one; German's and Dutch's in their `-te`/`-de` form. nil for a
  /// number out of range or a language without ordinals here.
  package static func ordinal(_ number: Int, in language: String, feminine: Bool = false) -> String? {
    guard (1...highest).contains(number) else { return nil }
    switch language {
    case "fr": return number == 1 ? (feminine ? "première" : "premier") : frenchOrdinal(frenchCardinals(number)[0])
    case "de": return germanOrdinals(number)[0]
    case "nl": return dutchOrdinals(number)[0]
    case "es": return romance(spanishOrdinals(number)[0], feminine)
    case "it": return romance(italianOrdinals(number)[0], feminine)
    case "pt": return romance(portugueseOrdinals(number)[0], feminine)
    case "pl": return polishOrdinal(number, ending: feminine ? 1 : 0)
    case "ru": return russianOrdinal(number, ending: feminine ? .feminine : .nominative)
    default: return nil
    }
  }

  private static func romance(_ ordinal: String, _ isFeminine: Bool) -> String {
    isFeminine ? feminine(ordinal) : ordinal
  }

  /// A Polish ordinal with `polishOrdinal`'s ending (0 nominative, 1 feminine, 3 genitive,
  /// 4 locative/instrumental): `dziewiętnastym` for `w XIX wieku`.
  package static func polishOrdinal(_ number: Int, ending: Int) -> String? {
    guard (1...highest).contains(number) else { return nil }
    return polishOrdinalWords(number).map { $0 == "sto" ? $0 : polishOrdinal($0, ending: ending) }
      .joined(separator: " ")
  }

  /// The cases a Russian ordinal is said in here.
  package enum RussianCase { case nominative, feminine, genitive, prepositional }

  /// A Russian ordinal with its last word in `ending`: `девятнадцатом` for `в XIX веке`.
  package static func russianOrdinal(_ number: Int, ending: RussianCase) -> String? {
    guard (1...highest).contains(number) else { return nil }
    let ordinal = russianOrdinal(number)
    let soft = ordinal.hasSuffix("ий")
    let stem = ordinal.dropLast(2)
    switch ending {
    case .nominative: return ordinal
    case .feminine: return stem + (soft ? "ья" : "ая")
    case .genitive: return stem + (soft ? "ьего" : "ого")
    case .prepositional: return stem + (soft ? "ьем" : "ом")
    }
  }
}
