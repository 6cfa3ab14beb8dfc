import AudiobookBook
import AudiobookCore

/// The spoken forms of books in other languages. English rewrites (numbers, money, years,
/// titles) are for English only; in another language espeak-ng's own voice reads numbers, dates
/// and most abbreviations right, and only what it misreads is rewritten
/// (`ForeignSpokenForms.rules`). Measured with `espeak-ng -v LANG -x`:
///
/// | language | espeak-ng alone | given instead |
/// | --- | --- | --- |
/// | fr | `M. Dupont` "em" and a stop, `MM.` "millimètre", `p. ex.` "pé ex", `15 h` "quinze, ache", `Louis XIV` "quatorze romain", `XIXe`/`19e` "iks"/"dix-neuf e" | `monsieur`, `messieurs`, `par exemple`, `15 heures`, `Louis 14`, `dix-neuvième` |
/// | de | `3. Oktober` "drei", `z. B.` "tset be", `d. h.`, `usw.` "usf", `bzw.`, `u. a.`, `Nr.`, `ca.`, `1985` "eintausend neunhundert…" | `dritten Oktober`, `zum Beispiel`, `das heißt`, `und so weiter`, `beziehungsweise`, `unter anderem`, `Nummer`, `circa`, `neunzehnhundert 85` |
/// | es | `1.º` "uno punto o", `2.ª`, `Felipe II` "dos" | `1º` (primero), `2ª`, `Felipe segundo` |
/// | it | `Sig.` "sig", `Sig.ra`, `Dott.`, `ecc.` "ek" | `signor`, `signora`, `dottor`, `eccetera` |
/// | nl | `Dhr.` "D H R", `Mevr.`, `blz.`, `bijv.`, `o.a.`, `d.w.z.`, `19e` "negentien e", `Willem III` "i i i" | `de heer`, `mevrouw`, `bladzijde`, `bijvoorbeeld`, `onder andere`, `dat wil zeggen`, `negentiende`, `Willem de derde` |
/// | pt | `Sr.` "esse erre", `Sra.`, `D. Pedro` "quinhentos", `p. ex.`, `1.º` "um ordinal masculino", `Pedro II` "dois" | `senhor`, `senhora`, `Dom Pedro`/`Dona Maria`, `por exemplo`, `1º`, `Pedro segundo` |
/// | pl | `1999 r.` "er", `tj.` "te jot", `ul.`, `Jan III` "i i i", `XIX wieku` "iks i iks" | `roku`, `to jest`, `ulica`, `Jan trzeci`, `dziewiętnastym wieku` |
/// | ru | `1812 г.` "гэ", `т. е.`, `и т. д.`, `и т. п.`, `гг.`, `ул.`, `стр.`, `Пётр I` (English "ai"), `XIX веке` (English letters) | `году`/`года`, `то есть`, `и так далее`, `и тому подобное`, `годах`/`годов`, `улица`, `страница`, `Пётр первый`, `девятнадцатом веке` |
///
/// Left to espeak-ng because it reads them right: years in French, Spanish, Italian, Dutch,
/// Portuguese, Polish and Russian; `Mme`, `Mlle`, `Dr.`, `etc.`, `1er` (fr); `Sr.`, `Sra.`,
/// `Ud.`, `Dña.`, `1º`, `Alfonso XIII` (es); `Luigi XIV`, `XIX secolo` (it); `enz.` (nl);
/// `np.`, `dr`, `tzn.`, `itd.`, `prof.` (pl); `1990-х` (ru); Spanish `¿ ¡` and French spaced
/// `« ! »`.
extension SpokenForms {
  /// `sentence` (one sentence, whitespace collapsed) in the forms espeak-ng reads right in the
  /// book's `language` (a BCP 47 tag): English's (`normalize(_:)`) for English or no language;
  /// for another language, quotes, ellipses and dashes as in English, then that language's
  /// rewrites, and no English rewrite of numbers, money or titles.
  public static func normalize(_ sentence: String, language: String?) -> String {
    // The common cases first: this runs once per sentence.
    guard let language, language != "en", !language.hasPrefix("en-"), let code = BookLanguage.primary(of: language),
      code != "en"
    else { return normalize(sentence) }
    var text = plainMarks(sentence)
    if let rules = ForeignSpokenForms.rules[code] { text = rules.apply(to: text) }
    text = withoutDashes(text)
    guard text.containsBytes(". ") else { return text.trimmingSpaces }
    return text.replacing(ForeignSpokenForms.falseStop) { String($0.output.1) }.trimmingSpaces
  }
}

extension SpokenForms {
  /// Whether `text` has a capital that can start a roman numeral (a byte scan before the
  /// numeral patterns run).
  static func hasRoman(_ text: String) -> Bool {
    text.utf8.contains { $0 == 73 || $0 == 86 || $0 == 88 || $0 == 76 || $0 == 67 }  // I V X L C
  }
}
