import Testing

@testable import AudiobookBook

@Suite struct ForeignNumberWordsTests {
  @Test(
    arguments: [
      ("un", 1), ("Une", 1), ("seize", 16), ("dix-sept", 17), ("vingt et un", 21), ("vingt-et-un", 21),
      ("vingtetun", 21), ("soixante-dix", 70), ("soixante et onze", 71), ("quatre-vingts", 80),
      ("quatre-vingt-un", 81), ("quatre-vingt-douze", 92), ("quatre-vingt-dix-neuf", 99), ("septante", 70),
      ("nonante-deux", 92), ("cent", 100), ("cent un", 101), ("cent quatre-vingt-dix-neuf", 199),
    ] as [(String, Int)])
  func readsFrenchCardinals(text: String, number: Int) {
    #expect(ForeignNumberWords.value(of: text) == number)
  }

  @Test(
    arguments: [
      ("premier", 1), ("Première", 1), ("PREMIER", 1), ("deuxième", 2), ("deuxieme", 2), ("seconde", 2),
      ("cinquième", 5), ("neuvième", 9), ("seizième", 16), ("vingt et unième", 21), ("VINGT-ET-UNIÈME", 21),
      ("soixante-dixième", 70), ("quatre-vingtième", 80), ("quatre-vingt-dix-neuvième", 99), ("centième", 100),
    ] as [(String, Int)])
  func readsFrenchOrdinals(text: String, number: Int) {
    #expect(ForeignNumberWords.value(of: text) == number)
  }

  /// German ordinals with every ending a heading gives them: `Das erste Kapitel`, `Erstes Kapitel`,
  /// `Zweiter Teil`, `Im dritten Buch`, `vom siebtem`.
  @Test(
    arguments: [
      ("eins", 1), ("ein", 1), ("erste", 1), ("Erster", 1), ("Erstes", 1), ("ersten", 1), ("erstem", 1),
      ("Zweiter", 2), ("dritten", 3), ("fünfte", 5), ("fuenfte", 5), ("funfte", 5), ("siebte", 7),
      ("siebentes", 7), ("ZWÖLF", 12), ("zwoelf", 12), ("zwölfte", 12), ("sechzehn", 16), ("einundzwanzig", 21),
      ("einundzwanzigstes", 21), ("dreiundzwanzigste", 23), ("dreißig", 30), ("DREISSIGSTE", 30),
      ("siebzig", 70), ("neunundneunzig", 99), ("hundert", 100), ("hundertundeins", 101),
      ("hundertneunundneunzigster", 199),
    ] as [(String, Int)])
  func readsGerman(text: String, number: Int) {
    #expect(ForeignNumberWords.value(of: text) == number)
  }

  @Test(
    arguments: [
      ("een", 1), ("één", 1), ("eerste", 1), ("tweede", 2), ("derde", 3), ("achtste", 8), ("dertien", 13),
      ("dertiende", 13), ("eenentwintig", 21), ("eenentwintigste", 21), ("tweeëntwintig", 22),
      ("tweeentwintig", 22), ("drieëntwintigste", 23), ("zeventig", 70), ("tachtig", 80), ("negenennegentig", 99),
      ("honderd", 100), ("honderdeen", 101), ("Honderdste", 100),
    ] as [(String, Int)])
  func readsDutch(text: String, number: Int) {
    #expect(ForeignNumberWords.value(of: text) == number)
  }

  @Test(
    arguments: [
      ("uno", 1), ("un", 1), ("quince", 15), ("dieciséis", 16), ("dieciseis", 16), ("diez y seis", 16),
      ("veintiuno", 21), ("veintidós", 22), ("veintidos", 22), ("treinta y uno", 31), ("setenta", 70),
      ("noventa y nueve", 99), ("cien", 100), ("ciento uno", 101), ("primero", 1), ("Primera", 1), ("primer", 1),
      ("tercero", 3), ("tercer", 3), ("séptimo", 7), ("septimo", 7), ("undécimo", 11), ("décimo tercero", 13),
      ("decimotercero", 13), ("décima tercera", 13), ("vigésimo primero", 21), ("vigésima primera", 21),
      ("vigesimoprimero", 21), ("septuagésimo", 70), ("centésimo", 100),
    ] as [(String, Int)])
  func readsSpanish(text: String, number: Int) {
    #expect(ForeignNumberWords.value(of: text) == number)
  }

  @Test(
    arguments: [
      ("uno", 1), ("una", 1), ("quattordici", 14), ("ventuno", 21), ("ventitré", 23), ("ventitre", 23),
      ("ventotto", 28), ("settanta", 70), ("novantanove", 99), ("cento", 100), ("centouno", 101), ("centuno", 101),
      ("primo", 1), ("prima", 1), ("decimo", 10), ("undicesimo", 11), ("decimoterzo", 13), ("ventunesimo", 21),
      ("vigesimo primo", 21), ("ventitreesimo", 23), ("ventitreesima", 23), ("ventiseiesimo", 26),
      ("centesimo", 100),
    ] as [(String, Int)])
  func readsItalian(text: String, number: Int) {
    #expect(ForeignNumberWords.value(of: text) == number)
  }

  @Test(
    arguments: [
      ("um", 1), ("uma", 1), ("três", 3), ("tres", 3), ("dezesseis", 16), ("dezasseis", 16), ("vinte e um", 21),
      ("vinte e uma", 21), ("setenta", 70), ("oitenta", 80), ("noventa e nove", 99), ("cem", 100),
      ("cento e um", 101), ("primeiro", 1), ("primeira", 1), ("sétimo", 7), ("décimo primeiro", 11),
      ("vigésimo primeiro", 21), ("vigésima primeira", 21), ("centésimo", 100),
    ] as [(String, Int)])
  func readsPortuguese(text: String, number: Int) {
    #expect(ForeignNumberWords.value(of: text) == number)
  }

  @Test(
    arguments: [
      ("jeden", 1), ("pierwszy", 1), ("pierwsza", 1), ("pierwsze", 1), ("drugi", 2), ("DRUGA", 2), ("trzecia", 3),
      ("siódmy", 7), ("siodmy", 7), ("piętnaście", 15), ("dwadzieścia jeden", 21), ("dwudziesty pierwszy", 21),
      ("dwudziesta pierwsza", 21), ("siedemdziesiąt", 70), ("osiemdziesiąt", 80),
      ("dziewięćdziesiąt dziewięć", 99), ("sto", 100), ("setny", 100), ("sto jeden", 101),
    ] as [(String, Int)])
  func readsPolish(text: String, number: Int) {
    #expect(ForeignNumberWords.value(of: text) == number)
  }

  @Test(
    arguments: [
      ("один", 1), ("одна", 1), ("первый", 1), ("первая", 1), ("первое", 1), ("ПЕРВАЯ", 1), ("второе", 2),
      ("третья", 3), ("четвёртый", 4), ("четвертый", 4), ("восьмая", 8), ("пятнадцать", 15),
      ("двадцать один", 21), ("двадцать первая", 21), ("двадцать-первая", 21), ("семьдесят", 70),
      ("девяносто девять", 99), ("сто", 100), ("сотый", 100), ("сто один", 101),
    ] as [(String, Int)])
  func readsRussian(text: String, number: Int) {
    #expect(ForeignNumberWords.value(of: text) == number)
  }

  /// English is `NumberWords`' job; a word that is not wholly a number, or is spelled apart
  /// oddly, is no number either.
  @Test(arguments: [
    "", "hello", "Kapitelchen", "twenty", "first", "premiers", "unième", "vingt et", "und", "vingt  et un", "-un",
    "un-", "vingt.et.un", "21", "zweiterer",
    // German `drei und` with Dutch `twintigste`: no language's word.
    "dreiundtwintigste",
    String(repeating: "x", count: 81), "vingt et un" + String(repeating: " ", count: 70),
  ])
  func rejectsOtherText(text: String) {
    #expect(ForeignNumberWords.value(of: text) == nil)
  }

  /// A spelling two languages read as different numbers would mean nothing; there is none among
  /// these languages' 1...199. Spellings they share mean the same number in each.
  @Test func languagesAgreeOnSharedSpellings() {
    #expect(ForeignNumberWords.ambiguousSpellings == [])
    let shared = [
      ("vier", 4), ("acht", 8), ("elf", 11), ("onze", 11), ("quinze", 15), ("cinco", 5), ("seis", 6), ("tres", 3),
      ("nove", 9), ("quarto", 4), ("quinto", 5), ("sexta", 6), ("nono", 9), ("vigesimo", 20), ("setenta", 70),
      ("noventa", 90), ("centesimo", 100),
    ]
    for (text, number) in shared {
      #expect(ForeignNumberWords.value(of: text) == number, "\(text)")
    }
  }

  /// Every spelling written out reads back as its number, in capitals, without accents and with
  /// its words run together, alone and before a title.
  @Test func everySpellingReadsBack() {
    for number in 1...ForeignNumberWords.highest {
      for spelling in ForeignNumberWords.spellings(of: number) {
        let forms = [
          spelling, spelling.uppercased(), ForeignNumberWords.fold(spelling),
          spelling.filter { $0 != " " && $0 != "-" },
        ]
        for form in forms {
          #expect(ForeignNumberWords.value(of: form) == number, "\(form)")
        }
        let leading = ForeignNumberWords.leadingNumber(in: spelling + ": Titre")
        #expect(leading?.value == number && leading?.end == spelling.endIndex, "\(spelling)")
      }
    }
  }

  @Test(
    arguments: [
      ("vingt et un : Le retour", 21, "vingt et un"), ("Erstes", 1, "Erstes"),
      ("двадцать первая глава", 21, "двадцать первая"), ("quinto", 5, "quinto"),
      ("Quatre-vingt-douze. La fin", 92, "Quatre-vingt-douze"), ("treinta y uno: El final", 31, "treinta y uno"),
      ("Dwudziesty pierwszy rozdział", 21, "Dwudziesty pierwszy"), ("cento e vinte e um", 121, "cento e vinte e um"),
      ("cent un dalmatiens", 101, "cent un"), ("vingt et demi", 20, "vingt"), ("dix-sept ans", 17, "dix-sept"),
      ("PREMIER", 1, "PREMIER"),
      ("vingt et un : " + String(repeating: "Une longue histoire ", count: 10), 21, "vingt et un"),
    ] as [(String, Int, String)])
  func findsLeadingNumber(text: String, number: Int, words: String) throws {
    let leading = try #require(ForeignNumberWords.leadingNumber(in: text))
    #expect(leading.value == number)
    #expect(String(text[..<leading.end]) == words)
  }

  @Test(arguments: ["", "Chapitre un", "hello world", ": un", " un", "twenty one", "Kapitelchen eins"])
  func findsNoLeadingNumber(text: String) {
    #expect(ForeignNumberWords.leadingNumber(in: text) == nil)
  }

  @Test func ordinalsAsANarratorSaysThem() {
    #expect(ForeignNumberWords.ordinal(19, in: "fr") == "dix-neuvième")
    #expect(ForeignNumberWords.ordinal(1, in: "fr") == "premier")
    #expect(ForeignNumberWords.ordinal(3, in: "de") == "dritte")
    #expect(ForeignNumberWords.ordinal(2, in: "es", feminine: true) == "segunda")
    #expect(ForeignNumberWords.ordinal(19, in: "nl") == "negentiende")
    #expect(ForeignNumberWords.ordinal(3, in: "pl") == "trzeci")
    #expect(ForeignNumberWords.polishOrdinal(19, ending: 4) == "dziewiętnastym")
    #expect(ForeignNumberWords.russianOrdinal(3, ending: .feminine) == "третья")
    #expect(ForeignNumberWords.russianOrdinal(18, ending: .prepositional) == "восемнадцатом")
    #expect(ForeignNumberWords.ordinal(200, in: "fr") == nil)
    #expect(ForeignNumberWords.ordinal(2, in: "sv") == nil)
  }
}
