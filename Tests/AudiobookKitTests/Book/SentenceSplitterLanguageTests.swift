import Testing

@testable import AudiobookBook

/// Fixtures are written for this project: prose in each supported language other than English, one
/// paragraph and the sentences a careful narrator would read, covering that language's titles, its
/// abbreviations in one and two parts, dates and ordinals, decimal commas and its way of writing
/// dialogue.
@Suite struct SentenceSplitterLanguageTests {
  static let examples: [(language: String, paragraph: String, sentences: [String])] = [
    // French: titles without a period, spaced marks and guillemets, dash dialogue.
    (
      "fr", "M. Dupont est arrivé hier. Mme Martin l'attendait à la gare.",
      ["M. Dupont est arrivé hier.", "Mme Martin l'attendait à la gare."]
    ),
    (
      "fr", "MM. Dupont et Durand arrivèrent ensemble chez le Dr Lambert.",
      ["MM. Dupont et Durand arrivèrent ensemble chez le Dr Lambert."]
    ),
    ("fr", "« Vous venez ? » demanda-t-elle.", ["« Vous venez ? » demanda-t-elle."]),
    ("fr", "« Non ! » Il claqua la porte.", ["« Non ! »", "Il claqua la porte."]),
    (
      "fr", "«\u{00A0}Tu viens\u{00A0}?\u{00A0}» demanda-t-il. «\u{00A0}Oui\u{202F}!\u{00A0}»",
      ["«\u{00A0}Tu viens\u{00A0}?\u{00A0}» demanda-t-il.", "«\u{00A0}Oui\u{202F}!\u{00A0}»"]
    ),
    ("fr", "— Bonjour ! — dit-il. — Tu vas bien ?", ["— Bonjour ! — dit-il.", "— Tu vas bien ?"]),
    ("fr", "Vraiment ? Je ne le crois pas.", ["Vraiment ?", "Je ne le crois pas."]),
    (
      "fr", "Il a acheté du pain, du fromage, etc. Ensuite il est rentré.",
      ["Il a acheté du pain, du fromage, etc.", "Ensuite il est rentré."]
    ),
    (
      "fr", "Ils visitèrent plusieurs villes, p. ex. Lyon et Marseille.",
      ["Ils visitèrent plusieurs villes, p. ex. Lyon et Marseille."]
    ),
    (
      "fr", "César mourut en 44 av. J.-C. Il avait cinquante-cinq ans.",
      ["César mourut en 44 av. J.-C.", "Il avait cinquante-cinq ans."]
    ),
    (
      "fr", "Il mesurait 1,85 m. Il était plus grand que son père.",
      ["Il mesurait 1,85 m.", "Il était plus grand que son père."]
    ),
    (
      "fr", "La lettre est datée du 3 janv. 1852 et signée par J.-P. Martin.",
      ["La lettre est datée du 3 janv. 1852 et signée par J.-P. Martin."]
    ),

    // German: ordinals with a period, two-part abbreviations, „…“ and »…«.
    (
      "de", "Am 3. Oktober 1990 wurde Deutschland wiedervereinigt. Das war ein Mittwoch.",
      ["Am 3. Oktober 1990 wurde Deutschland wiedervereinigt.", "Das war ein Mittwoch."]
    ),
    ("de", "Im 19. Jahrhundert wuchs Berlin schnell.", ["Im 19. Jahrhundert wuchs Berlin schnell."]),
    ("de", "Er zählte bis 10. Dann schlief er ein.", ["Er zählte bis 10.", "Dann schlief er ein."]),
    (
      "de", "Herr Dr. Weber und Fr. Klein besuchten Prof. Braun.",
      ["Herr Dr. Weber und Fr. Klein besuchten Prof. Braun."]
    ),
    (
      "de", "Viele Städte, z. B. Hamburg und München, wuchsen rasch.",
      ["Viele Städte, z. B. Hamburg und München, wuchsen rasch."]
    ),
    (
      "de", "Er kaufte Brot, Käse, Wein usw. Dann ging er nach Hause.",
      ["Er kaufte Brot, Käse, Wein usw.", "Dann ging er nach Hause."]
    ),
    ("de", "„Kommst du mit?“, fragte sie. „Ja.“ Er nickte.", ["„Kommst du mit?“, fragte sie.", "„Ja.“", "Er nickte."]),
    ("de", "Er flüsterte: ‚Nein.‘ Dann ging er.", ["Er flüsterte: ‚Nein.‘", "Dann ging er."]),
    ("de", "»Wo warst du?« Sie schwieg.", ["»Wo warst du?«", "Sie schwieg."]),
    (
      "de", "Der Preis stieg um 3,5 Prozent auf 1.200 Euro. Niemand war überrascht.",
      ["Der Preis stieg um 3,5 Prozent auf 1.200 Euro.", "Niemand war überrascht."]
    ),
    ("de", "Siehe S. 12 bzw. Kap. 3 und vgl. Abb. 4.", ["Siehe S. 12 bzw. Kap. 3 und vgl. Abb. 4."]),
    ("de", "Das Spiel endete 2:1. Die Fans jubelten.", ["Das Spiel endete 2:1.", "Die Fans jubelten."]),
    (
      "de", "Augustus starb 14 n. Chr. Sein Nachfolger war Tiberius.",
      ["Augustus starb 14 n. Chr.", "Sein Nachfolger war Tiberius."]
    ),

    // Spanish: ¿…? and ¡…!, the raya in dialogue, EE. UU. and a. C.
    ("es", "¿Vienes mañana? ¡Claro que sí!", ["¿Vienes mañana?", "¡Claro que sí!"]),
    (
      "es", "—¿Dónde estabas? —preguntó su madre. —En la biblioteca.",
      ["—¿Dónde estabas? —preguntó su madre.", "—En la biblioteca."]
    ),
    ("es", "¡Qué sorpresa! —exclamó Ana—. No te esperaba.", ["¡Qué sorpresa! —exclamó Ana—.", "No te esperaba."]),
    (
      "es", "El Sr. García y la Sra. López saludaron al Dr. Ruiz.",
      ["El Sr. García y la Sra. López saludaron al Dr. Ruiz."]
    ),
    (
      "es", "Se mudó a EE. UU. Su hermano se quedó en Sevilla.",
      ["Se mudó a EE. UU.", "Su hermano se quedó en Sevilla."]
    ),
    (
      "es", "Compró pan, leche, huevos, etc. Luego volvió a casa.",
      ["Compró pan, leche, huevos, etc.", "Luego volvió a casa."]
    ),
    (
      "es", "La ciudad tenía 1.500 habitantes y una superficie de 3,5 km².",
      ["La ciudad tenía 1.500 habitantes y una superficie de 3,5 km²."]
    ),
    ("es", "Véase la pág. 23 y el cap. IV.", ["Véase la pág. 23 y el cap. IV."]),
    (
      "es", "Nació en el año 63 a. C. Su padre era un rico comerciante.",
      ["Nació en el año 63 a. C.", "Su padre era un rico comerciante."]
    ),
    ("es", "«¡Fuera de aquí!», gritó el portero.", ["«¡Fuera de aquí!», gritó el portero."]),
    ("es", "Dijo: «No iré». Y no fue.", ["Dijo: «No iré».", "Y no fue."]),
    ("es", "Llegó a las 5 p.m. Nadie lo esperaba.", ["Llegó a las 5 p.m.", "Nadie lo esperaba."]),

    // Italian: titles with a suffix (dott.ssa), «…» with and without spaces, dash dialogue, ecc.
    (
      "it", "Il sig. Rossi e la dott.ssa Bianchi arrivarono insieme.",
      ["Il sig. Rossi e la dott.ssa Bianchi arrivarono insieme."]
    ),
    ("it", "«Vieni anche tu?» chiese Marco.", ["«Vieni anche tu?» chiese Marco."]),
    ("it", "«Basta!» Lei si voltò.", ["«Basta!»", "Lei si voltò."]),
    ("it", "« Ciao! » disse lui, e se ne andò.", ["« Ciao! » disse lui, e se ne andò."]),
    (
      "it", "Arrivò l'Avv. Neri con dell'Ing. Sala. Poi partirono.",
      ["Arrivò l'Avv. Neri con dell'Ing. Sala.", "Poi partirono."]
    ),
    ("fr", "Il parla à l'av. Foch. Puis il rentra.", ["Il parla à l'av. Foch.", "Puis il rentra."]),
    (
      "es", "Leímos el párrf. 3 el lun. 4 de mayo. Luego salimos.",
      ["Leímos el párrf. 3 el lun. 4 de mayo.", "Luego salimos."]
    ),
    ("en", "She didn't. I did.", ["She didn't.", "I did."]),
    ("it", "— Dove vai? — chiese lei. — A casa.", ["— Dove vai? — chiese lei.", "— A casa."]),
    ("it", "Comprò pane, latte, uova ecc. Poi tornò a casa.", ["Comprò pane, latte, uova ecc.", "Poi tornò a casa."]),
    (
      "it", "Il prezzo è salito del 3,5 per cento. È una cattiva notizia.",
      ["Il prezzo è salito del 3,5 per cento.", "È una cattiva notizia."]
    ),
    (
      "it", "Visitò molte città, ad es. Roma, Firenze e Venezia.",
      ["Visitò molte città, ad es. Roma, Firenze e Venezia."]
    ),
    (
      "it", "Lavorava per la Fiat S.p.A. Il suo capo era severo.",
      ["Lavorava per la Fiat S.p.A.", "Il suo capo era severo."]
    ),
    ("it", "Il prof. Neri nacque il 12 ott. 1950 a Bologna.", ["Il prof. Neri nacque il 12 ott. 1950 a Bologna."]),
    ("it", "Nacque nel 63 a.C. Il padre era un cavaliere.", ["Nacque nel 63 a.C.", "Il padre era un cavaliere."]),

    // Dutch: no ordinal period, o.a. and d.w.z., single quotes and „…”.
    ("nl", "Dhr. Jansen en mevr. De Vries waren er ook.", ["Dhr. Jansen en mevr. De Vries waren er ook."]),
    (
      "nl", "We kochten brood, kaas, melk enz. Daarna gingen we naar huis.",
      ["We kochten brood, kaas, melk enz.", "Daarna gingen we naar huis."]
    ),
    ("nl", "Zie blz. 12 en hfst. 3 voor meer informatie.", ["Zie blz. 12 en hfst. 3 voor meer informatie."]),
    ("nl", "Hij sprak o.a. Frans en Duits.", ["Hij sprak o.a. Frans en Duits."]),
    (
      "nl", "'Kom je ook?' vroeg ze. 'Nee.' Hij draaide zich om.",
      ["'Kom je ook?' vroeg ze.", "'Nee.'", "Hij draaide zich om."]
    ),
    (
      "nl", "Het huis kostte 3,5 miljoen euro. Dat vond hij te duur.",
      ["Het huis kostte 3,5 miljoen euro.", "Dat vond hij te duur."]
    ),
    ("nl", "Het gebeurde in 1953. Zeeland liep onder water.", ["Het gebeurde in 1953.", "Zeeland liep onder water."]),
    ("nl", "Prof. dr. Van Dam gaf een lezing in Leiden.", ["Prof. dr. Van Dam gaf een lezing in Leiden."]),
    ("nl", "„Waar ben je?” riep hij.", ["„Waar ben je?” riep hij."]),
    (
      "nl", "De grafheuvel dateert uit 1200 v.Chr. Niemand weet wie er begraven ligt.",
      ["De grafheuvel dateert uit 1200 v.Chr.", "Niemand weet wie er begraven ligt."]
    ),
    (
      "nl", "Zij woonde in de St. Jansstraat, d.w.z. vlak bij de kerk.",
      ["Zij woonde in de St. Jansstraat, d.w.z. vlak bij de kerk."]
    ),

    // Portuguese: travessão dialogue, «…», S.A. and p. ex.; a regional tag.
    ("pt", "O Sr. Silva e a Sra. Costa chegaram cedo.", ["O Sr. Silva e a Sra. Costa chegaram cedo."]),
    (
      "pt", "— Onde você estava? — perguntou a mãe. — Na escola.",
      ["— Onde você estava? — perguntou a mãe.", "— Na escola."]
    ),
    (
      "pt", "Comprou pão, leite, ovos etc. Depois voltou para casa.",
      ["Comprou pão, leite, ovos etc.", "Depois voltou para casa."]
    ),
    (
      "pt", "A cidade tem 2.500 habitantes e cresce 3,5% ao ano.",
      ["A cidade tem 2.500 habitantes e cresce 3,5% ao ano."]
    ),
    ("pt", "Veja a pág. 45 e o cap. II.", ["Veja a pág. 45 e o cap. II."]),
    (
      "pt", "Ela trabalha na Petrobras S.A. Ele é engenheiro.", ["Ela trabalha na Petrobras S.A.", "Ele é engenheiro."]
    ),
    (
      "pt", "D. Pedro II proclamou a independência em 1822. O Brasil tornou-se um império.",
      ["D. Pedro II proclamou a independência em 1822.", "O Brasil tornou-se um império."]
    ),
    ("pt", "«Vamos!» Ela sorriu.", ["«Vamos!»", "Ela sorriu."]),
    ("pt", "Visitou várias capitais, p. ex. Lisboa e Madri.", ["Visitou várias capitais, p. ex. Lisboa e Madri."]),
    (
      "pt-BR", "A carta é de 3 fev. 1890 e foi assinada pelo Dr. Almeida.",
      ["A carta é de 3 fev. 1890 e foi assinada pelo Dr. Almeida."]
    ),

    // Polish: ordinals with a period, r. after a year, „…” and dash dialogue.
    ("pl", "Prof. Nowak i dr Kowalski przyjechali razem.", ["Prof. Nowak i dr Kowalski przyjechali razem."]),
    (
      "pl", "Kupiłem chleb, mleko, jajka itd. Potem wróciłem do domu.",
      ["Kupiłem chleb, mleko, jajka itd.", "Potem wróciłem do domu."]
    ),
    ("pl", "— Dokąd idziesz? — zapytała matka. — Do szkoły.", ["— Dokąd idziesz? — zapytała matka.", "— Do szkoły."]),
    ("pl", "„Chodź tu!” — zawołał ojciec.", ["„Chodź tu!” — zawołał ojciec."]),
    ("pl", "„Nie!” Ona odwróciła się.", ["„Nie!”", "Ona odwróciła się."]),
    (
      "pl", "Urodził się w 1920 r. Wtedy Polska była już wolna.",
      ["Urodził się w 1920 r.", "Wtedy Polska była już wolna."]
    ),
    ("pl", "Zajął 2. miejsce w biegu na 3,5 km.", ["Zajął 2. miejsce w biegu na 3,5 km."]),
    ("pl", "Służył w 1. Pułku Ułanów.", ["Służył w 1. Pułku Ułanów."]),
    (
      "pl", "Ks. Kowalski odprawił mszę o godz. 8. Potem zjadł śniadanie.",
      ["Ks. Kowalski odprawił mszę o godz. 8.", "Potem zjadł śniadanie."]
    ),
    ("pl", "Mieszkał przy ul. Długiej, m.in. z bratem.", ["Mieszkał przy ul. Długiej, m.in. z bratem."]),
    ("pl", "Odwiedził kilka miast, np. Kraków i Gdańsk.", ["Odwiedził kilka miast, np. Kraków i Gdańsk."]),
    ("pl", "Na str. 15 opisano tzw. Wielką Emigrację.", ["Na str. 15 opisano tzw. Wielką Emigrację."]),

    // Russian: initials, т. е. and и т. д., г. after a year, «…» with „…“ inside, dash dialogue.
    ("ru", "Это написал А. С. Пушкин. Его стихи знают все.", ["Это написал А. С. Пушкин.", "Его стихи знают все."]),
    ("ru", "— Привет! — сказал он. — Как дела?", ["— Привет! — сказал он.", "— Как дела?"]),
    ("ru", "«Ты придёшь?» — спросила она.", ["«Ты придёшь?» — спросила она."]),
    ("ru", "«Нет!» Она отвернулась.", ["«Нет!»", "Она отвернулась."]),
    (
      "ru", "Он купил хлеб, молоко, сыр и т. д. Потом пошёл домой.",
      ["Он купил хлеб, молоко, сыр и т. д.", "Потом пошёл домой."]
    ),
    ("ru", "Он жил в г. Москве, т. е. в столице.", ["Он жил в г. Москве, т. е. в столице."]),
    ("ru", "Он родился в 1828 г. Его отец был помещиком.", ["Он родился в 1828 г.", "Его отец был помещиком."]),
    ("ru", "Температура упала до 3,5 градуса. Все замёрзли.", ["Температура упала до 3,5 градуса.", "Все замёрзли."]),
    ("ru", "Театр им. Вахтангова открылся в 1921 г. в Москве.", ["Театр им. Вахтангова открылся в 1921 г. в Москве."]),
    ("ru", "Пришли Иванов, Петров и др. Все сели за стол.", ["Пришли Иванов, Петров и др.", "Все сели за стол."]),
    ("ru", "См. гл. 5 и рис. 3 на с. 12.", ["См. гл. 5 и рис. 3 на с. 12."]),
    (
      "ru", "Он повторил: «Она сказала: „Я приду!“» Никто не поверил.",
      ["Он повторил: «Она сказала: „Я приду!“»", "Никто не поверил."]
    ),
  ]

  @Test(arguments: examples)
  func splitsAsANarratorWouldRead(example: (language: String, paragraph: String, sentences: [String])) {
    let splitter = SentenceSplitter(language: example.language)
    #expect(splitter.sentences(in: example.paragraph) == example.sentences)
  }

  /// A language without rules of its own is read with the English ones.
  @Test func otherLanguagesUseTheEnglishRules() {
    let text = "Mr. Hale met Dr. Okafor. They talked."
    #expect(SentenceSplitter(language: "sv").sentences(in: text) == ["Mr. Hale met Dr. Okafor.", "They talked."])
  }
}
