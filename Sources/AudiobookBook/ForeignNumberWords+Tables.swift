/// How each language writes its numbers out: cardinals and ordinals composed by its grammar, in
/// the spellings books print (older and regional ones included), words separated by spaces or
/// hyphens. `ForeignNumberWords.table` is built from these.
extension ForeignNumberWords {
  /// Every spelling of `number` (1...199) in every language.
  static func spellings(of number: Int) -> [String] {
    french(number) + german(number) + dutch(number) + spanish(number) + italian(number) + portuguese(number)
      + polish(number) + russian(number)
  }

  // MARK: - French

  static let frenchUnits = [
    "", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize",
    "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf",
  ]
  static let frenchTens = ["", "", "vingt", "trente", "quarante", "cinquante", "soixante"]

  /// `vingt et un`, `soixante-douze`, `quatre-vingt-dix`, Belgian and Swiss `septante`, `nonante`;
  /// `premier`, `seconde`, `vingt et unième`, `quatre-vingtième`.
  static func french(_ number: Int) -> [String] {
    let cardinals = frenchCardinals(number)
    switch number {
    case 1: return cardinals + ["premier", "première"]
    case 2: return cardinals + ["deuxième", "second", "seconde"]
    default: return cardinals + cardinals.map(frenchOrdinal)
    }
  }

  static func frenchCardinals(_ number: Int) -> [String] {
    if number >= 100 {
      let rest = number == 100 ? [""] : frenchCardinals(number - 100).map { " " + $0 }
      return cross(number == 101 ? ["cent", "cent et"] : ["cent"], rest)
    }
    let (ten, unit) = (number / 10, number % 10)
    switch ten {
    case 0, 1: return number == 1 ? ["un", "une"] : [frenchUnits[number]]
    case 7:
      return [number == 71 ? "soixante et onze" : "soixante-" + frenchUnits[number - 60]]
        + frenchTens("septante", unit, et: true)
    case 8:
      return (number == 80 ? ["quatre-vingts"] : []) + frenchTens("quatre-vingt", unit, et: false)
        + frenchTens("huitante", unit, et: true) + frenchTens("octante", unit, et: true)
    case 9: return ["quatre-vingt-" + frenchUnits[number - 80]] + frenchTens("nonante", unit, et: true)
    default: return frenchTens(frenchTens[ten], unit, et: true)
    }
  }

  /// `tens` and a unit: `vingt`, `vingt et un`/`vingt-et-une`, `quatre-vingt-un`, `vingt-deux`.
  static func frenchTens(_ tens: String, _ unit: Int, et: Bool) -> [String] {
    switch unit {
    case 0: return [tens]
    case 1: return cross([tens + (et ? " et " : "-")], ["un", "une"])
    default: return [tens + "-" + frenchUnits[unit]]
    }
  }

  /// The ordinal of a cardinal above two, made on its last word: `cinq` → `cinquième`,
  /// `neuf` → `neuvième`, `quatre-vingts` → `quatre-vingtième`, `vingt et un` → `vingt et unième`.
  static func frenchOrdinal(_ cardinal: String) -> String {
    let cut = cardinal.lastIndex { $0 == " " || $0 == "-" }.map { cardinal.index(after: $0) } ?? cardinal.startIndex
    let (head, last) = (cardinal[..<cut], cardinal[cut...])
    switch last {
    case "un", "une": return head + "unième"
    case "cinq": return head + "cinquième"
    case "neuf": return head + "neuvième"
    case "vingts": return head + "vingtième"
    default: return head + (last.hasSuffix("e") ? last.dropLast() : last) + "ième"
    }
  }

  // MARK: - German and Dutch

  static let germanUnits = [
    "", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf",
    "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn",
  ]
  static let germanTens = [
    "", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig",
  ]

  /// `einundzwanzig`, `hundertundeins`; ordinals with every adjective ending (`erste`, `Erster`,
  /// `Erstes`, `ersten`, `erstem`, `einundzwanzigste`), also with `ß` as capitals print it
  /// (`FÜNFUNDDREISSIG`) and with umlauts spelled out (`fuenfte`).
  static func german(_ number: Int) -> [String] {
    let ordinals = cross(germanOrdinals(number), ["", "r", "s", "n", "m"])
    return (germanCardinals(number) + ordinals).flatMap(germanSpellings)
  }

  static func germanCardinals(_ number: Int) -> [String] {
    if number >= 100 { return hundreds(number, heads: ["hundert", "einhundert"], and: "und", below: germanCardinals) }
    if number < 20 { return number == 1 ? ["eins", "ein"] : [germanUnits[number]] }
    let (ten, unit) = (number / 10, number % 10)
    return [unit == 0 ? germanTens[ten] : (unit == 1 ? "ein" : germanUnits[unit]) + "und" + germanTens[ten]]
  }

  /// Ordinals ending in `e`, before an adjective ending: `erste`, `siebte`, `zwanzigste`, `hundertste`.
  static func germanOrdinals(_ number: Int) -> [String] {
    if number >= 100 {
      return hundreds(number, heads: ["hundert", "einhundert"], and: "und", below: germanOrdinals, alone: "ste")
    }
    switch number {
    case 1: return ["erste"]
    case 3: return ["dritte"]
    case 7: return ["siebte", "siebente"]
    case 8: return ["achte"]
    case 2..<20: return [germanUnits[number] + "te"]
    default: return germanCardinals(number).map { $0 + "ste" }
    }
  }

  static let dutchUnits = [
    "", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf", "dertien",
    "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien",
  ]
  static let dutchTens = [
    "", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig",
  ]
  static let dutchOrdinalUnits = [
    "", "eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende", "elfde",
    "twaalfde",
  ]

  /// `eenentwintig`, `tweeëntwintig`, `honderdeen`; `eerste`, `dertiende`, `eenentwintigste`.
  static func dutch(_ number: Int) -> [String] {
    dutchCardinals(number) + dutchOrdinals(number)
  }

  static func dutchCardinals(_ number: Int) -> [String] {
    if number >= 100 { return hundreds(number, heads: ["honderd", "eenhonderd"], and: "en", below: dutchCardinals) }
    if number < 20 { return number == 1 ? ["een", "één"] : [dutchUnits[number]] }
    let (ten, unit) = (number / 10, number % 10)
    guard unit > 0 else { return [dutchTens[ten]] }
    return dutchCardinals(unit).map { $0 + ($0.hasSuffix("e") ? "ën" : "en") + dutchTens[ten] }
  }

  static func dutchOrdinals(_ number: Int) -> [String] {
    if number >= 100 {
      return hundreds(number, heads: ["honderd", "eenhonderd"], and: "en", below: dutchOrdinals, alone: "ste")
    }
    if number < dutchOrdinalUnits.count { return [dutchOrdinalUnits[number]] }
    return number < 20 ? [dutchUnits[number] + "de"] : dutchCardinals(number).map { $0 + "ste" }
  }

  // MARK: - Spanish, Italian and Portuguese

  static let spanishUnits = [
    "", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce", "trece",
    "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve",
  ]
  static let spanishTwenties = [
    "veinte", "veintiuno", "veintidós", "veintitrés", "veinticuatro", "veinticinco", "veintiséis", "veintisiete",
    "veintiocho", "veintinueve",
  ]
  static let spanishTens = [
    "", "", "veinte", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa",
  ]
  static let spanishUnitOrdinals = [
    "", "primero", "segundo", "tercero", "cuarto", "quinto", "sexto", "séptimo", "octavo", "noveno", "décimo",
  ]
  static let spanishTenOrdinals = [
    "", "décimo", "vigésimo", "trigésimo", "cuadragésimo", "quincuagésimo", "sexagésimo", "septuagésimo",
    "octogésimo", "nonagésimo",
  ]

  /// `dieciséis`/`diez y seis`, `veintidós`, `treinta y uno`, `ciento uno`; ordinals masculine,
  /// feminine and cut short (`primero`, `primera`, `primer`, `vigésimo primer`, `decimotercero`).
  static func spanish(_ number: Int) -> [String] {
    let ordinals = spanishOrdinals(number)
    let shortened = ordinals.filter { $0.hasSuffix("primero") || $0.hasSuffix("tercero") }.map { String($0.dropLast()) }
    return spanishCardinals(number) + ordinals + ordinals.map(feminine) + shortened
  }

  static func spanishCardinals(_ number: Int) -> [String] {
    if number >= 100 { return number == 100 ? ["cien"] : cross(["ciento "], spanishCardinals(number - 100)) }
    if number == 1 { return ["uno", "un", "una"] }
    let (ten, unit) = (number / 10, number % 10)
    if number < 20 { return [spanishUnits[number]] + (number > 15 ? ["diez y " + spanishUnits[unit]] : []) }
    guard unit > 0 else { return [spanishTens[ten]] }
    let twenties = ten != 2 ? [] : unit == 1 ? ["veintiuno", "veintiún", "veintiuna"] : [spanishTwenties[unit]]
    return twenties + cross([spanishTens[ten] + " y "], spanishCardinals(unit))
  }

  /// Masculine ordinals, compounds in two words or one (`décimo tercero`, `decimotercero`).
  static func spanishOrdinals(_ number: Int) -> [String] {
    if number >= 100 { return number == 100 ? ["centésimo"] : cross(["centésimo "], spanishOrdinals(number - 100)) }
    if number <= 10 { return [spanishUnitOrdinals[number]] + (number == 7 ? ["sétimo"] : number == 9 ? ["nono"] : []) }
    let (ten, unit) = (number / 10, number % 10)
    let tens = spanishTenOrdinals[ten]
    guard unit > 0 else { return [tens] }
    let irregular = number == 11 ? ["undécimo"] : number == 12 ? ["duodécimo"] : []
    return irregular + cross([tens + " ", fold(tens)], spanishOrdinals(unit))
  }

  static let italianUnits = [
    "", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci", "undici", "dodici",
    "tredici", "quattordici", "quindici", "sedici", "diciassette", "diciotto", "diciannove",
  ]
  static let italianTens = [
    "", "", "venti", "trenta", "quaranta", "cinquanta", "sessanta", "settanta", "ottanta", "novanta",
  ]
  static let italianUnitOrdinals = [
    "", "primo", "secondo", "terzo", "quarto", "quinto", "sesto", "settimo", "ottavo", "nono", "decimo",
  ]
  static let italianTenOrdinals = [
    "", "decimo", "vigesimo", "trigesimo", "quadragesimo", "quinquagesimo", "sessagesimo", "settuagesimo",
    "ottuagesimo", "nonagesimo",
  ]

  /// `ventuno`, `ventitré`, `centotto`; `primo`/`prima`, `undicesimo`, `ventitreesima`, and the
  /// literary `decimoterzo`, `vigesimo primo`.
  static func italian(_ number: Int) -> [String] {
    let ordinals = italianOrdinals(number)
    return italianCardinals(number) + ordinals + ordinals.map(feminine)
  }

  static func italianCardinals(_ number: Int) -> [String] {
    if number >= 100 {
      guard number > 100 else { return ["cento"] }
      return italianCardinals(number - 100).flatMap {
        ["cento" + $0] + ($0.hasPrefix("u") || $0.hasPrefix("o") ? ["cent" + $0] : [])
      }
    }
    if number == 1 { return ["uno", "un", "una"] }
    if number < 20 { return [italianUnits[number]] }
    let (ten, unit) = (number / 10, number % 10)
    let tens = italianTens[ten]
    switch unit {
    case 0: return [tens]
    case 1, 8: return italianCardinals(unit).map { tens.dropLast() + $0 }
    case 3: return [tens + "tré", tens + "tre"]
    default: return [tens + italianUnits[unit]]
    }
  }

  /// Masculine ordinals.
  static func italianOrdinals(_ number: Int) -> [String] {
    if number <= 10 { return [italianUnitOrdinals[number]] }
    let regular = italianCardinals(number).filter { !$0.hasSuffix("un") && !$0.hasSuffix("una") }.map(italianEsimo)
    if number >= 100 { return regular + (number == 100 ? [] : cross(["centesimo "], italianOrdinals(number - 100))) }
    let (ten, unit) = (number / 10, number % 10)
    return regular + [italianTenOrdinals[ten] + (unit == 0 ? "" : " " + italianUnitOrdinals[unit])]
  }

  /// The ordinal in `-esimo` of a cardinal above ten: `undici` → `undicesimo`, `ventitré` →
  /// `ventitreesimo`, `ventisei` → `ventiseiesimo`, `cento` → `centesimo`.
  static func italianEsimo(_ cardinal: String) -> String {
    let base = cardinal.hasSuffix("tré") ? cardinal.dropLast() + "e" : cardinal
    return (base.hasSuffix("tre") || base.hasSuffix("sei") ? base : String(base.dropLast())) + "esimo"
  }

  static let portugueseUnits = [
    "", "um", "dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez", "onze", "doze", "treze",
    "catorze", "quinze", "dezesseis", "dezessete", "dezoito", "dezenove",
  ]
  static let portugueseTens = [
    "", "", "vinte", "trinta", "quarenta", "cinquenta", "sessenta", "setenta", "oitenta", "noventa",
  ]
  /// Feminines, and the spellings of Portugal and of older books.
  static let portugueseVariants = [
    1: ["uma"], 2: ["duas"], 14: ["quatorze"], 16: ["dezasseis"], 17: ["dezassete"], 19: ["dezanove"],
    50: ["cinqüenta"],
  ]
  static let portugueseUnitOrdinals = [
    "", "primeiro", "segundo", "terceiro", "quarto", "quinto", "sexto", "sétimo", "oitavo", "nono", "décimo",
  ]
  static let portugueseTenOrdinals = [
    "", "décimo", "vigésimo", "trigésimo", "quadragésimo", "quinquagésimo", "sexagésimo", "septuagésimo",
    "octogésimo", "nonagésimo",
  ]

  /// `vinte e um`/`vinte e uma`, `cento e dois`; `primeiro`/`primeira`, `vigésimo primeiro`.
  static func portuguese(_ number: Int) -> [String] {
    let ordinals = portugueseOrdinals(number)
    return portugueseCardinals(number) + ordinals + ordinals.map(feminine)
  }

  static func portugueseCardinals(_ number: Int) -> [String] {
    if number >= 100 { return number == 100 ? ["cem"] : cross(["cento e "], portugueseCardinals(number - 100)) }
    let unit = number % 10
    if number < 20 || unit == 0 {
      return [number < 20 ? portugueseUnits[number] : portugueseTens[number / 10]] + (portugueseVariants[number] ?? [])
    }
    return cross(portugueseCardinals(number - unit).map { $0 + " e " }, portugueseCardinals(unit))
  }

  /// Masculine ordinals.
  static func portugueseOrdinals(_ number: Int) -> [String] {
    if number >= 100 {
      return number == 100 ? ["centésimo"] : cross(["centésimo "], portugueseOrdinals(number - 100))
    }
    if number <= 10 { return [portugueseUnitOrdinals[number]] }
    let (ten, unit) = (number / 10, number % 10)
    let tens = [portugueseTenOrdinals[ten]] + (ten == 7 ? ["setuagésimo"] : [])
    let irregular = number == 11 ? ["undécimo"] : number == 12 ? ["duodécimo"] : []
    return irregular + cross(tens, [unit == 0 ? "" : " " + portugueseUnitOrdinals[unit]])
  }
}
