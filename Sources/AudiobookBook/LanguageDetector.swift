/// Tells which of the languages `audiobook` reads a text is written in, when the book does not
/// say: English, French, German, Spanish, Italian, Dutch, Portuguese, Polish or Russian.
///
/// A plain statistical count, in five steps:
/// 1. Sample. At most 64 KiB of text is read, spread across the book: every n-th paragraph, n
///    chosen so that the sample fits, each cut to its first 4 KiB. A front matter or a licence at
///    the top weighs no more than its share, and a 3 MB novel takes a few milliseconds.
/// 2. Words. The sample is cut into words at every character that is neither a letter nor a
///    combining mark, and each word is lowercased: `l'homme` gives `l` and `homme`, `don't` gives
///    `don` and `t`.
/// 3. Function words. Each language has a list of its most frequent small words (articles,
///    pronouns, prepositions, conjunctions, auxiliaries; `functionWords`). A word on the lists is
///    a hit, and scores 1 shared among the k languages whose lists hold it (1/k each): `de`
///    (French, Spanish, Portuguese, Dutch) says little, `het` says Dutch.
/// 4. Letters. A word holding a letter that only some languages write (ß ä ö ü: German; ñ:
///    Spanish; ã õ: Portuguese; ą ę ł ń ś ź ż ć: Polish; Cyrillic: Russian; `ij`: Dutch; ì ò:
///    Italian; œ î û: French; `distinctiveLetters`) scores 0.5 shared among those languages, by
///    its most telling letter; `¿` and `¡` score 0.5 for Spanish. Names and loan words carry such
///    letters too, so a letter weighs half a function word.
/// 5. Decision. nil when there are fewer than `minimumHits` hits (too little text), or when the
///    best score is below `margin` times the second; otherwise the best language's code.
package enum LanguageDetector {
  /// The languages told apart (those with rules of their own), as ISO 639-1 codes; indices into
  /// a score list.
  static let codes = BookLanguage.supported.map(\.code)
  /// The most text read from one book, in UTF-8 bytes.
  static let sampleBytes = 65_536
  /// The most text read from one paragraph, in UTF-8 bytes.
  static let paragraphBytes = 4_096
  /// Fewer function-word hits than this is too little text to tell (about a 25-word paragraph).
  static let minimumHits = 8
  /// How many times the runner-up's score the winner's must be.
  static let margin = 1.5
  /// What a word with a distinctive letter scores, shared among the languages that write it.
  static let letterWeight = 0.5

  /// The ISO 639-1 code (`en`, `fr`, `de`, `es`, `it`, `nl`, `pt`, `pl`, `ru`) of the language
  /// `paragraphs` are written in, or nil when there is too little text or no language is clearly
  /// ahead (the caller then keeps English).
  package static func detect(_ paragraphs: [String]) -> String? {
    var tally = Tally()
    for part in sample(paragraphs) {
      tally.read(part.text, bytes: part.bytes)
    }
    return tally.winner()
  }

  /// Every n-th paragraph, from the first, with how many of its UTF-8 bytes to read: n is the
  /// text's size (each paragraph counted up to `paragraphBytes`) over `sampleBytes`, rounded up,
  /// and the sample stops at `sampleBytes`.
  static func sample(_ paragraphs: [String]) -> [(text: String, bytes: Int)] {
    let total = paragraphs.reduce(0) { $0 + min($1.utf8.count, paragraphBytes) }
    let step = max(1, (total + sampleBytes - 1) / sampleBytes)
    var picked: [(text: String, bytes: Int)] = []
    var left = sampleBytes
    for index in stride(from: 0, to: paragraphs.count, by: step) {
      guard left > 0 else { break }
      let bytes = min(paragraphs[index].utf8.count, paragraphBytes, left)
      picked.append((paragraphs[index], bytes))
      left -= bytes
    }
    return picked
  }

  /// Whether `scalar` belongs to a word: a letter, or a combining mark (decomposed accents).
  static func isWordPart(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
    return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
  }

  /// Function words → the indices (in `codes`) of the languages whose lists hold them.
  static let wordLanguages: [String: [Int]] = {
    var languages: [String: [Int]] = [:]
    for (index, code) in codes.enumerated() {
      let words = functionWords[code] ?? ""
      for word in words.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
        let key = String(word)
        if languages[key]?.contains(index) != true { languages[key, default: []].append(index) }
      }
    }
    return languages
  }()

  /// Distinctive letters → the indices of the languages that write them.
  static let letterLanguages: [Unicode.Scalar: [Int]] = {
    var languages: [Unicode.Scalar: [Int]] = [:]
    for (letters, group) in distinctiveLetters {
      for scalar in letters.unicodeScalars { languages[scalar] = languageIndices(group) }
    }
    return languages
  }()

  /// What Cyrillic letters point to.
  static let russian = languageIndices(["ru"])
  /// What `ij` points to.
  static let dutch = languageIndices(["nl"])
  /// What `¿` and `¡` point to.
  static let spanish = languageIndices(["es"])

  /// The indices in `codes` of `languages`.
  static func languageIndices(_ languages: [String]) -> [Int] {
    languages.compactMap { codes.firstIndex(of: $0) }
  }

  /// The languages a lowercase letter points to, `previous` being the letter before it: Cyrillic
  /// to Russian, `j` after `i` to Dutch, else `letterLanguages`; nil for most letters.
  static func letterSignal(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar) -> [Int]? {
    if scalar.isASCII { return previous == "i" && scalar == "j" ? dutch : nil }
    if (0x0400...0x04FF).contains(scalar.value) { return russian }
    return letterLanguages[scalar]
  }

  /// A word as it is read: lowercased, with the fewest languages any of its letters points to.
  struct Word {
    var text = ""
    var letters: [Int]?
    var previous: Unicode.Scalar = " "

    /// Adds `scalar`, lowercased.
    mutating func append(_ scalar: Unicode.Scalar) {
      if scalar.isASCII {
        add(("A"..."Z").contains(scalar) ? Unicode.Scalar(UInt8(scalar.value) | 0x20) : scalar)
      } else if scalar.properties.isLowercase {
        add(scalar)
      } else {
        for lower in scalar.properties.lowercaseMapping.unicodeScalars { add(lower) }
      }
    }

    private mutating func add(_ scalar: Unicode.Scalar) {
      if let languages = letterSignal(scalar, after: previous), languages.count < (letters?.count ?? Int.max) {
        letters = languages
      }
      text.unicodeScalars.append(scalar)
      previous = scalar
    }

    /// Empties the word, keeping its storage.
    mutating func clear() {
      text.removeAll(keepingCapacity: true)
      letters = nil
      previous = " "
    }
  }

  /// The running scores of one text: per language, and the function-word hits of all.
  struct Tally {
    var scores = [Double](repeating: 0, count: codes.count)
    var hits = 0

    /// Reads the first `bytes` UTF-8 bytes of `text` (whole scalars), word by word.
    mutating func read(_ text: String, bytes limit: Int) {
      var word = Word()
      var used = 0
      for scalar in text.unicodeScalars {
        used += UTF8.width(scalar)
        if used > limit { break }
        if isWordPart(scalar) {
          word.append(scalar)
          continue
        }
        finish(&word)
        if scalar == "¿" || scalar == "¡" { share(letterWeight, among: spanish) }
      }
      finish(&word)
    }

    /// Scores the word gathered so far, if any: as a function word, and by its letters; then
    /// empties it.
    mutating func finish(_ word: inout Word) {
      guard !word.text.isEmpty else { return }
      if let languages = wordLanguages[word.text] {
        hits += 1
        share(1, among: languages)
      }
      if let languages = word.letters { share(letterWeight, among: languages) }
      word.clear()
    }

    /// Adds `weight` split evenly among `languages`.
    mutating func share(_ weight: Double, among languages: [Int]) {
      guard !languages.isEmpty else { return }
      let part = weight / Double(languages.count)
      for index in languages { scores[index] += part }
    }

    /// The leading language's code, when there were enough hits and it leads by `margin`.
    func winner() -> String? {
      guard hits >= minimumHits else { return nil }
      let ranked = scores.indices.sorted { scores[$0] > scores[$1] }
      guard ranked.count > 1 else { return nil }
      let best = scores[ranked[0]]
      let second = scores[ranked[1]]
      guard best > 0, best >= margin * second else { return nil }
      return codes[ranked[0]]
    }
  }
}

extension LanguageDetector {
  /// Each language's most frequent small words (articles, pronouns, prepositions, conjunctions,
  /// auxiliaries), lowercased and separated by spaces. Apostrophes split words, so elided forms
  /// stand alone: `qu`, `j`, `c`, `l`, `d` (French, Italian), `t` (English `don't`, Dutch `'t`).
  /// A word belongs on a list only where it is frequent: shared words weigh less (see the type).
  static let functionWords: [String: String] = [
    "en": """
    the a an and or but nor of to in on at by for with from into about as than that this these
    those it its he him his she her they them their i me my we us our you your was were is are
    be been had has have do did not no so if then there which who whom what when where said
    would could should will can all one up out very just t
    """,
    "fr": """
    le la les l un une des du de d au aux et ou mais donc car ni que qu qui quoi dont où à en dans
    par pour sur sous avec sans chez vers il ils elle elles je j tu nous vous on se lui leur leurs
    y ce c cet cette ces son sa ses mon ma mes ton ta notre votre ne n pas plus est était sont
    étaient a ai avait avaient être été fait tout tous toute comme bien très aussi même encore
    alors quand si oui moi toi
    """,
    "de": """
    der die das den dem des ein eine einen einem einer und oder aber denn doch sondern ich du er
    sie es wir ihr mich mir dich dir sich ihm ihn ihnen sein seine seinen seiner ihre ihren mein
    meine dein nicht kein keine ist war sind waren bin hat hatte haben hatten wird wurde werden
    würde kann konnte mit von zu zum zur auf aus bei nach für über unter vor durch um an am im
    in auch noch schon nur so wie als wenn dass daß was wer da hier dann man ja nein sehr
    """,
    "es": """
    el la los las lo un una unos unas de del al a en y que qué se le les me te nos mi mis tu su
    sus yo él ella ellos ellas usted por para con sin sobre entre hasta desde hacia es era fue
    son ser estaba está estar ha había he han hay no ni pero como cuando donde muy más ya también
    así bien nada algo todo todos este esta eso esto ese esa aquel porque
    """,
    "it": """
    il lo la i gli le l un uno una di del della dei delle dello degli a al alla ai alle da dal
    dalla in nel nella nei con su sul sulla per tra fra e ed o che non è era sono ha aveva essere
    stato mi ti si ci vi ne io tu lui lei noi voi loro suo sua suoi mio mia questo questa quello
    quella ma come più anche se quando dove perché così già ancora tutto molto poi cosa qui c d
    """,
    "nl": """
    de het een en van in is dat die niet op te zijn was ik je jij hij ze zij we wij u me mij hem
    haar ons onze mijn met voor er maar om aan als bij nog ook had dan naar uit of door wat wel
    zo al geen kan zou heeft hebben werd worden over tot toen nu moet deze dit daar hier wie waar
    hoe heel iets niets zich t
    """,
    "pt": """
    o a os as um uma uns umas de do da dos das em no na nos nas num numa ao à aos e que se lhe
    lhes me te eu ele ela eles elas você meu minha seu sua seus suas por pelo pela para com sem
    sobre entre até é era foi são ser estava está estar tem tinha havia há não mas como quando
    onde muito mais já também assim bem nada tudo todo este esta isso isto esse essa ou porque
    """,
    "pl": """
    i a w we z ze na do od po za o u przy przez dla bez pod nad przed że nie się to jest był
    była było byli są być jestem ja ty on ona ono oni my wy mnie mi go jego jej ich mu tak już
    tylko jeszcze też czy jak co gdy kiedy gdzie bo ale ten ta te tego tym tej który która które
    sobie siebie tu tam teraz może bardzo nic coś wszystko więc niego niej nim nią żeby aby by aż
    choć albo lub taki taka takie której którego jako pan pani zawsze nigdy
    """,
    "ru": """
    и а но или да что чтобы как так же ли бы не ни нет в во на с со к ко у о об от из за по до
    для без при про я ты он она оно мы вы они меня мне тебя тебе его него ему её ее ей их им нам
    вам себя себе свой это этот эта то тот та все всё был была было были есть быть будет уже
    ещё еще только вот тут там где когда если даже неё нее ним нему хотя пока потому поэтому
    ведь вдруг такой такая который которая которые которой весь вся всех сам сама очень никогда
    всегда
    """,
  ]

  /// Lowercase letters that only some of the languages write, with those languages. Cyrillic
  /// (Russian) and the Dutch `ij` are told in `letterSignal(_:after:)`.
  static let distinctiveLetters: [(letters: String, languages: [String])] = [
    ("ßäöü", ["de"]), ("ñ", ["es"]), ("ãõ", ["pt"]), ("ąęłńśźżć", ["pl"]), ("ìò", ["it"]),
    ("œîûÿ", ["fr"]), ("ëï", ["fr", "nl"]), ("èù", ["fr", "it"]), ("âêôç", ["fr", "pt"]),
    ("áíú", ["es", "pt"]), ("ó", ["es", "pt", "pl"]), ("à", ["fr", "it", "pt"]),
    ("é", ["fr", "es", "it", "pt"]),
  ]
}
