import Testing

@testable import AudiobookBook

@Suite struct LanguageDetectorTests {
  /// Four paragraphs of fiction in each language, written for these tests.
  static let fiction: [String: [String]] = [
    "en": [
      """
      Margaret opened the shop at seven, as she had done every morning for thirty years. The bell above the \
      door rang, and a boy in a wet cap came in out of the rain. “Have you got any candles?” he asked.
      """,
      """
      She found him a box of six and wrapped it in brown paper. He counted his coins on the counter, one by \
      one, and he was two short. “Take them anyway,” she said. “You can bring me the rest next week.”
      """,
      """
      By noon the street was empty and the wind had torn the awning from the bakery next door. Margaret sat \
      by the stove with a cup of tea and listened to the roof. It creaked like an old ship, but it held.
      """,
      """
      The lights went out a little after six. In the dark she thought of the boy and his grandmother, and \
      she hoped that the candles would be enough. Then she lit one of her own and went up to bed.
      """,
    ],
    "fr": [
      """
      « Tu ne vas pas sortir par ce temps ? » demanda Claire en voyant son père enfiler ses bottes. Il \
      haussa les épaules et répondit que la mer ne l'avait jamais attendu. Elle savait qu'il était inutile \
      d'insister.
      """,
      """
      Le port était presque désert. Quelques mouettes tournaient au-dessus des bateaux, et le vent faisait \
      claquer les cordages contre les mâts. Son père détacha la barque sans un mot, puis il lui fit un signe \
      de la main.
      """,
      """
      Claire resta longtemps sur la jetée, les mains dans les poches de son manteau. Elle pensait à sa mère, \
      qui avait fait la même chose tant de fois avant elle. Quand la barque disparut derrière les rochers, \
      elle rentra enfin à la maison.
      """,
      """
      Il revint au coucher du soleil, les filets pleins et le visage rouge de froid. « Tu vois bien que \
      j'avais raison », dit-il en riant. Elle lui servit une assiette de soupe et ne répondit rien, mais elle \
      souriait.
      """,
    ],
    "de": [
      """
      Der Zug nach München hatte schon wieder Verspätung. Anna stand mit ihrem Koffer auf dem Bahnsteig und \
      sah auf die Uhr, die seit Jahren falsch ging. „Das ist doch nicht zu glauben“, murmelte der alte Mann \
      neben ihr.
      """,
      """
      Als der Zug endlich kam, war er so voll, dass sie kaum einen Platz fand. Sie setzte sich zwischen eine \
      müde Frau und einen Jungen, der ein Buch über Vögel las. Draußen zogen die Felder vorbei, grau und nass.
      """,
      """
      „Weißt du, wie dieser Vogel heißt?“, fragte der Junge plötzlich und hielt ihr das Bild hin. Anna wusste \
      es nicht, aber sie sagte, er sehe aus wie ein Eisvogel. Der Junge schüttelte den Kopf und erklärte ihr \
      geduldig, dass es ein Bienenfresser sei.
      """,
      """
      In Augsburg stieg er mit seiner Mutter aus und winkte ihr durch das Fenster zu. Anna merkte, dass sie \
      lächelte, zum ersten Mal an diesem Tag. Den Rest der Fahrt dachte sie an bunte Vögel und an den Sommer.
      """,
    ],
    "es": [
      """
      Cuando llegamos al pueblo, la abuela ya nos esperaba en la puerta con el delantal puesto. —¡Qué flacos \
      estáis! —exclamó, y nos abrazó a los dos a la vez. Olía a canela y a leña, como siempre.
      """,
      """
      La cocina era pequeña y oscura, pero en ella cabía todo el mundo. Mi hermano se sentó junto a la \
      ventana y yo me quedé de pie, mirando cómo la abuela removía la olla. —¿Tenéis hambre? —preguntó.
      """,
      """
      Comimos hasta que no pudimos más. Después ella sacó un álbum de fotos viejas y nos habló de su marido, \
      al que nunca conocimos. Tenía una voz tranquila, y a veces se detenía para buscar una palabra.
      """,
      """
      Aquella noche dormí en la cama donde había dormido mi madre cuando era niña. Desde la almohada se oían \
      los grillos y, muy lejos, el ladrido de un perro. Pensé que no había un sitio más seguro en el mundo.
      """,
    ],
    "it": [
      """
      Marco arrivò a Torino in una mattina di nebbia, con una valigia e l'indirizzo di un cugino scritto su \
      un foglio. La stazione era enorme e piena di gente che correva. Per un momento ebbe voglia di tornare \
      a casa.
      """,
      """
      Il cugino abitava al quarto piano di un palazzo senza ascensore. «Sei arrivato, finalmente!» gridò \
      dalla finestra, e scese le scale di corsa per aiutarlo con la valigia. Aveva gli occhi di sua zia.
      """,
      """
      La sera mangiarono pane, formaggio e una minestra che il cugino aveva preparato con quello che c'era. \
      «Domani ti porto in fabbrica» disse. «Non è un lavoro bello, ma pagano ogni settimana e nessuno ti fa \
      domande.»
      """,
      """
      Marco non riuscì a dormire. Dalla strada arrivavano le voci di chi tornava a casa tardi, e il rumore \
      dei tram. Pensò a sua madre, che a quell'ora stava certamente chiudendo le imposte, e si sentì lontano.
      """,
    ],
    "nl": [
      """
      Het had die nacht zo hard gevroren dat de sloot achter het huis helemaal dicht lag. Pieter stond al \
      vroeg bij het raam. ‘Mogen we schaatsen?’ vroeg hij, nog voordat zijn moeder goed en wel wakker was.
      """,
      """
      Zijn vader haalde de oude schaatsen van de zolder en bond ze onder zijn laarzen. Het ijs kraakte een \
      beetje, maar het hield. Pieter viel drie keer, en elke keer stond hij lachend weer op.
      """,
      """
      Tegen de middag kwamen er meer kinderen, en zelfs de bakker kwam even kijken met zijn witte schort nog \
      aan. ‘Vroeger schaatsten we helemaal naar het volgende dorp,’ zei hij. ‘Dat was een hele tocht, hoor.’
      """,
      """
      Toen het donker werd, gingen ze naar binnen voor warme chocolademelk. Pieter had rode wangen en koude \
      voeten, en hij was nog nooit zo gelukkig geweest. Hij hoopte dat het de hele week zou blijven vriezen.
      """,
    ],
    "pt": [
      """
      Dona Amélia vendia fruta no mercado havia mais de quarenta anos. Todas as manhãs chegava antes do sol \
      e arrumava as laranjas em pirâmides perfeitas. — Bom dia, menina! — dizia a quem passasse.
      """,
      """
      Naquele sábado apareceu um rapaz que ela nunca tinha visto. Pegou numa maçã, olhou para ela com \
      desconfiança e perguntou quanto custava. — Para você, nada — respondeu ela. — Mas tem de me dizer de \
      onde vem.
      """,
      """
      O rapaz contou que vinha do norte, de uma aldeia perto da fronteira, e que estava à procura de \
      trabalho. Não conhecia ninguém na cidade. Dona Amélia ouviu tudo em silêncio, com as mãos sobre o \
      avental.
      """,
      """
      No fim do dia, quando o mercado já estava vazio, ela chamou-o e deu-lhe um saco de fruta e a morada do \
      sobrinho, que tinha uma oficina. — Diga que fui eu que o mandei — disse. — E volte cá para me contar.
      """,
    ],
    "pl": [
      """
      Zima tego roku przyszła wcześnie i od razu zasypała całą wieś. Babcia Zofia codziennie rano wychodziła \
      przed dom i odgarniała śnieg ze ścieżki do furtki. — Ktoś musi to robić — mówiła, kiedy sąsiedzi \
      kręcili głowami.
      """,
      """
      Pewnego dnia zobaczyła przy płocie małego psa, który trząsł się z zimna. Nie miał obroży i był bardzo \
      chudy. Zofia długo na niego patrzyła, a potem otworzyła furtkę i zawołała go cicho.
      """,
      """
      Pies nie chciał wejść do kuchni, więc postawiła mu miskę z zupą na progu. Zjadł wszystko w jednej \
      chwili i popatrzył na nią tak, jakby chciał podziękować. — No, chodź już — powiedziała. — Przecież nie \
      będziesz spał na mrozie.
      """,
      """
      Od tamtej pory pies chodził za nią wszędzie, nawet do kościoła i do sklepu. Sąsiedzi śmiali się, że w \
      końcu ktoś jej pilnuje. Zofia udawała, że się gniewa, ale w domu zawsze zostawiała dla niego najlepszy \
      kawałek chleba.
      """,
    ],
    "ru": [
      """
      Анна Петровна приехала в город в конце августа, когда на улицах уже пахло яблоками. Школа стояла на \
      холме, за старой церковью. — Вы новая учительница? — спросил её мальчик у ворот и, не дождавшись \
      ответа, убежал.
      """,
      """
      В первый день в классе было тихо, как на похоронах. Дети смотрели на неё с любопытством и с некоторым \
      страхом. Она написала на доске своё имя и спросила, кто из них любит читать.
      """,
      """
      Поднялась только одна рука, у девочки с последней парты. — Я читала всё, что есть в библиотеке, — \
      сказала она серьёзно. — Но там очень мало книг, и почти все они про войну.
      """,
      """
      Вечером Анна Петровна написала письмо сестре в Москву и попросила прислать ей книги, какие только \
      можно найти. Потом она долго сидела у окна и смотрела, как над рекой поднимается туман.
      """,
    ],
  ]

  static let languages = ["en", "fr", "de", "es", "it", "nl", "pt", "pl", "ru"]

  /// The words of `text`, as a reader counts them.
  static func wordCount(_ text: String) -> Int {
    text.split(whereSeparator: { !$0.isLetter }).count
  }

  @Test(arguments: languages)
  func detectsEachLanguage(code: String) {
    #expect(LanguageDetector.detect(Self.fiction[code] ?? []) == code)
  }

  /// Every paragraph alone, each at least 25 words long, is enough.
  @Test(arguments: languages)
  func detectsASingleParagraph(code: String) {
    let paragraphs = Self.fiction[code] ?? []
    #expect(paragraphs.count >= 4)
    for paragraph in paragraphs {
      #expect(Self.wordCount(paragraph) >= 25)
      #expect(LanguageDetector.detect([paragraph]) == code, "\(paragraph)")
    }
  }

  @Test func tooLittleTextIsNotDetected() {
    #expect(LanguageDetector.detect(["He went to the market."]) == nil)
    #expect(LanguageDetector.detect(["Il est allé au marché."]) == nil)
    #expect(LanguageDetector.detect([]) == nil)
    #expect(LanguageDetector.detect(["", "  "]) == nil)
  }

  @Test func digitsAndPunctuationAreNotDetected() {
    let text = ["1, 2, 3 … 4.5 — (6) [7] {8}", "2024-01-31 12:45:00 +01:00", "§ 12; ¶ 3 — ***", "42 % / 17 ‰ !?"]
    #expect(LanguageDetector.detect(text) == nil)
  }

  /// French names, a French place and a French phrase in quotes do not outweigh English prose.
  @Test func englishWithFrenchNamesIsEnglish() {
    let paragraph = """
      Inspector Dubois met Madame Lefèvre at the café on the corner of the rue de la Paix. She told him that \
      her husband had left the house at nine, and that he had said only “à ce soir, ma chérie” before he \
      closed the door. The inspector wrote it down and asked her whether François had any enemies.
      """
    #expect(LanguageDetector.detect([paragraph]) == "en")
  }

  /// An English licence at the top of a French book.
  @Test func aFrenchBookWithAnEnglishLicenceIsFrench() {
    let licence = """
      This eBook is for the use of anyone anywhere at no cost and with almost no restrictions whatsoever. You \
      may copy it, give it away or re-use it under the terms of the licence included with this eBook or \
      online. If you are not located in the United States, you will have to check the laws of the country \
      where you are located before using this eBook.
      """
    #expect(LanguageDetector.detect([licence] + (Self.fiction["fr"] ?? [])) == "fr")
  }

  /// The same two sentences in Spanish and in Portuguese.
  @Test func spanishAndPortugueseAreToldApart() {
    let spanish = """
      Mi hermano no quiso comer la sopa porque estaba demasiado caliente, y mi madre se enfadó con él. \
      —Si no tienes hambre, puedes irte a tu cuarto —le dijo, y él se fue sin decir nada más.
      """
    let portuguese = """
      O meu irmão não quis comer a sopa porque estava demasiado quente, e a minha mãe zangou-se com ele. \
      — Se não tens fome, podes ir para o teu quarto — disse-lhe, e ele foi-se embora sem dizer mais nada.
      """
    #expect(LanguageDetector.detect([spanish]) == "es")
    #expect(LanguageDetector.detect([portuguese]) == "pt")
  }

  /// The same two sentences in Dutch and in German.
  @Test func dutchAndGermanAreToldApart() {
    let dutch = """
      Mijn broer wilde de soep niet eten omdat hij te heet was, en mijn moeder werd boos op hem. ‘Als je \
      geen honger hebt, mag je naar je kamer gaan,’ zei ze, en hij ging zonder nog iets te zeggen.
      """
    let german = """
      Mein Bruder wollte die Suppe nicht essen, weil sie zu heiß war, und meine Mutter wurde böse auf ihn. \
      „Wenn du keinen Hunger hast, kannst du in dein Zimmer gehen“, sagte sie, und er ging ohne ein Wort.
      """
    #expect(LanguageDetector.detect([dutch]) == "nl")
    #expect(LanguageDetector.detect([german]) == "de")
  }

  /// Polish and Russian, both Slavic, differ in script; Italian and French share many short words.
  @Test func closeNeighboursAreToldApart() {
    #expect(LanguageDetector.detect(Self.fiction["pl"] ?? []) == "pl")
    #expect(LanguageDetector.detect(Self.fiction["ru"] ?? []) == "ru")
    #expect(LanguageDetector.detect(Self.fiction["it"] ?? []) == "it")
    #expect(LanguageDetector.detect(Self.fiction["fr"] ?? []) == "fr")
    #expect(LanguageDetector.detect(Self.fiction["es"] ?? []) == "es")
  }

  /// A long book is read through a bounded sample drawn from all of it, so a long English front
  /// matter weighs only its share in a French novel, and one huge paragraph is read only in part.
  @Test func readsABoundedSampleFromAcrossTheBook() {
    let english = Self.fiction["en"] ?? []
    let front = Array(repeating: english, count: 200).flatMap { $0 }
    let body = Array(repeating: Self.fiction["fr"] ?? [], count: 2_000).flatMap { $0 }
    let sample = LanguageDetector.sample(front + body)
    #expect(sample.reduce(0) { $0 + $1.bytes } <= 65_536)
    let sampledEnglish = sample.filter { english.contains($0.text) }.count
    #expect(sampledEnglish > 0)
    #expect(sampledEnglish * 5 < sample.count)
    #expect(LanguageDetector.detect(front + body) == "fr")
    let german = (Self.fiction["de"] ?? []).joined(separator: " ")
    #expect(LanguageDetector.sample([String(repeating: german, count: 500)]).first?.bytes == 4_096)
    #expect(LanguageDetector.detect([String(repeating: german, count: 500)]) == "de")
  }
}
