import Testing

@testable import AudiobookText

@Suite struct SpokenFormsLanguageTests {
  /// What espeak-ng misreads in each language, as it is given instead; sentences written for
  /// these tests.
  @Test(
    arguments: [
      ("fr", "M. Dupont et MM. Blanc arrivent.", "monsieur Dupont et messieurs Blanc arrivent."),
      ("fr", "Il est 15 h 30, p. ex. ici.", "Il est 15 heures 30, par exemple ici."),
      ("fr", "Il arrive à 1 h.", "Il arrive à 1 heure."),
      ("fr", "Au XIXe siècle et au 17e, sous Louis XIV.", "Au dix-neuvième siècle et au dix-septième, sous Louis 14."),
      ("fr", "François Ier régna.", "François premier régna."),
      ("de", "Am 3. Oktober kam er, z. B. mit dem Zug.", "Am dritten Oktober kam er, zum Beispiel mit dem Zug."),
      (
        "de", "Der 1. Mai ist frei, d. h. alle ruhen usw.",
        "Der erste Mai ist frei, das heißt alle ruhen und so weiter."
      ),
      ("de", "Im Jahr 1985 kamen 1500 Soldaten.", "Im Jahr neunzehnhundert 85 kamen 1500 Soldaten."),
      ("de", "1848 brach die Revolution aus.", "achtzehnhundert 48 brach die Revolution aus."),
      (
        "de", "Seit 1900 wohnt er in Nr. 5, bzw. daneben.",
        "Seit neunzehnhundert wohnt er in Nummer 5, beziehungsweise daneben."
      ),
      ("es", "El 1.º de mayo y la 2.ª vez.", "El 1º de mayo y la 2ª vez."),
      ("es", "Felipe II y Alfonso XIII reinaron.", "Felipe segundo y Alfonso 13 reinaron."),
      ("es", "Lea el Capítulo IV hoy.", "Lea el Capítulo 4 hoy."),
      ("it", "Il Sig. Rossi e la Sig.ra Bianchi, ecc.", "Il signor Rossi e la signora Bianchi, eccetera."),
      ("it", "Il Dott. Verdi arrivò.", "Il dottor Verdi arrivò."),
      ("nl", "Dhr. Jansen las blz. 5, bijv. dit.", "de heer Jansen las bladzijde 5, bijvoorbeeld dit."),
      ("nl", "In de 19e eeuw regeerde Willem III.", "In de negentiende eeuw regeerde Willem de derde."),
      ("pt", "O Sr. Silva e a Sra. Costa.", "O senhor Silva e a senhora Costa."),
      ("pt", "D. Pedro II e D. Maria chegaram.", "Dom Pedro segundo e Dona Maria chegaram."),
      ("pl", "W 1999 r. przyjechał Jan III.", "W 1999 roku przyjechał Jan trzeci."),
      ("pl", "Mieszkał w XIX wieku, tj. dawno.", "Mieszkał w dziewiętnastym wieku, to jest dawno."),
      ("ru", "В 1812 г. пришёл Наполеон, т. е. враг.", "В 1812 году пришёл Наполеон, то есть враг."),
      ("ru", "Война 1812 г. и т. д.", "Война 1812 года и так далее."),
      ("ru", "Пётр I и Екатерина II жили в XVIII веке.", "Пётр первый и Екатерина вторая жили в восемнадцатом веке."),
    ])
  func rewritesWhatEspeakNGMisreads(language: String, written: String, spoken: String) {
    #expect(SpokenForms.normalize(written, language: language) == spoken)
  }

  /// English rewrites do not touch other languages: years, money and titles stay as written.
  @Test(
    arguments: [
      ("fr", "En 1999, il paya 5 € au Dr Dupont."),
      ("es", "En 1985 pagó $5.50 por la página 12."),
      ("it", "Nel 1850 c'erano 1500 persone."),
      ("nl", "In 1985 kostte het €10."),
    ])
  func englishRewritesStayEnglish(language: String, written: String) {
    #expect(SpokenForms.normalize(written, language: language) == written)
  }

  @Test func quotesDashesAndEllipsesAsInEnglish() {
    #expect(SpokenForms.normalize("« Bonjour ! » dit-il...", language: "fr") == "\" Bonjour ! \" dit-il…")
    #expect(SpokenForms.normalize("— Да, — сказал он.", language: "ru") == "Да, сказал он.")
    #expect(SpokenForms.normalize("„Ja“, sagte er.", language: "de-AT") == "\"Ja\", sagte er.")
  }

  /// No language, or English, is the English path: byte for byte as `normalize(_:)`.
  @Test(arguments: [nil, "en", "en-GB", "und"])
  func englishOrNoLanguageIsTheEnglishPath(language: String?) {
    let text = "In 1999 Gen. Lee paid $5.50 — or so."
    #expect(SpokenForms.normalize(text, language: language) == SpokenForms.normalize(text))
  }

  /// A language without rules of its own (Swedish) gets the marks, not the English rewrites.
  @Test func otherLanguagesGetOnlyTheMarks() {
    #expect(SpokenForms.normalize("År 1999 — „ja“.", language: "sv") == "År 1999, \"ja\".")
  }
}
