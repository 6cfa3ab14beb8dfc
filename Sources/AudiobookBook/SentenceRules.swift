/// The words the sentence rules know by name, for one language: which abbreviations lead into
/// more words, which introduce a number, which words open a sentence. Abbreviations are
/// lowercased and without their final period; one written in two parts (`z. B.`, `p. ex.`,
/// `т. е.`) is listed with its inner period and space (`z. b`, `p. ex`, `т. е`).
package struct SentenceRules: Sendable {
  /// Titles and connectives that always lead into more words, so "Mr. Smith" and "e.g. Paris"
  /// never break.
  var titles: Set<String>
  /// "a.m." and "p.m.": often the last words of a sentence, and before a capital they end it
  /// unless the time goes on (see `continuesTime`).
  var times: Set<String> = []
  /// Abbreviations that often close a sentence ("& Co.", "Jr.", "usw.") yet often sit inside
  /// one; they end a sentence only before a typical sentence opener.
  var ambiguous: Set<String>
  /// Abbreviations that introduce a number ("No. 5", "S. 12", "Jan. 12"). Before anything else
  /// they behave like ordinary words.
  var numbered: Set<String>
  /// Words that typically open a sentence: pronouns, determiners, conjunctions, question words
  /// and sentence adverbs. After an ambiguous abbreviation they tip the balance to a stop; a
  /// capitalized name ("U.S. Government", "St. Michael's") does not.
  var sentenceStarters: Set<String>
  /// Capitalized words that go on with a time of day: time zones, days and months.
  var timeContinuations: Set<String> = []
  /// Capitalized pronouns that start a new sentence after a quotation rather than tag it.
  var capitalizedPronouns: Set<String> = []
  /// Verbs of speaking that mark a dialogue tag after a quotation ("“Why?” Elizabeth asked").
  var speechVerbs: Set<String> = []
  /// Whether a number followed by a period is an ordinal when a word that does not open a
  /// sentence follows (German `am 3. Oktober`, Polish `3. miejsce`).
  var ordinalPeriod = false
  /// Whether a dash after the end of a quoted line followed by a lowercase word goes on with the
  /// same sentence (`— Bonjour ! — dit-il.`): dialogue written with dashes.
  var dashDialogue = false
  /// Whether sentence-ending marks may stand apart from the word before and the closing
  /// guillemet after (French `Vraiment ?`, `« Non ! »`).
  var spacedMarks = false
  /// Closing quotes besides the common ones: German `“` and `‘` close what `„` and `‚` opened.
  var extraClosingQuotes: Set<Character> = []
  /// Whether an article or preposition is elided onto the next word (`l'Ing.`, `dell'Avv.`,
  /// `l'av.`): the abbreviation is the part after the apostrophe.
  var elision = false

  /// Every abbreviation the rules know, made once per language (`forLanguage(_:)`).
  var all: Set<String> = []

  /// The rules with `all` made.
  func withAll() -> SentenceRules {
    var rules = self
    rules.all = titles.union(ambiguous).union(numbered)
    return rules
  }

  /// The rules for `language` (a BCP 47 tag such as `fr` or `pt-BR`); English for nil and for a
  /// language without rules of its own.
  package static func forLanguage(_ language: String?) -> SentenceRules {
    byLanguage[BookLanguage.primary(of: language) ?? "en"] ?? byLanguage["en"] ?? english.withAll()
  }
}

extension SentenceRules {
  static let english = SentenceRules(
    titles: [
      "mr", "mrs", "ms", "messrs", "mmes", "mme", "mlle", "dr", "prof", "rev", "revd", "fr", "hon",
      "gen", "col", "capt", "cpt", "cmdr", "lt", "sgt", "cpl", "pvt", "maj", "adm", "gov", "sen",
      "rep", "pres", "supt", "insp", "det", "mt", "e.g", "i.e", "cf", "vs", "viz", "approx", "ca",
    ],
    times: ["a.m", "p.m"],
    ambiguous: [
      "co", "corp", "inc", "ltd", "llc", "plc", "bros", "jr", "sr", "esq", "st", "ave", "rd", "blvd",
      "ft", "al", "dept", "univ", "assn", "govt", "ibid",
    ],
    numbered: [
      "no", "nos", "vol", "vols", "fig", "figs", "p", "pp", "ch", "chap", "sec", "sect", "para",
      "art", "eq", "ed", "op", "pt", "pl", "tab", "ex", "jan", "feb", "mar", "apr", "jun", "jul",
      "aug", "sep", "sept", "oct", "nov", "dec",
    ],
    sentenceStarters: [
      "A", "After", "Again", "All", "Also", "An", "And", "Another", "Any", "As", "At", "Because",
      "Before", "Being", "Both", "But", "By", "Did", "Do", "Does", "During", "Each", "Even", "Every",
      "Finally", "First", "For", "From", "Had", "Has", "Have", "He", "Her", "Here", "His", "How",
      "However", "I", "If", "In", "Instead", "It", "Its", "Later", "Let", "Many", "Meanwhile",
      "Millions", "More", "Most", "Much", "My", "Never", "No", "Nobody", "None", "Nor", "Not",
      "Nothing", "Now", "Of", "On", "Once", "One", "Only", "Or", "Our", "Perhaps", "She", "Since",
      "So", "Some", "Soon", "Still", "Such", "That", "The", "Their", "Then", "There", "These", "They",
      "This", "Those", "Though", "Thus", "To", "Today", "Tomorrow", "Under", "Unless", "Until", "We",
      "Well", "What", "When", "Where", "Whether", "Which", "While", "Who", "Why", "With", "Without",
      "Yes", "Yesterday", "Yet", "You", "Your",
    ],
    timeContinuations: [
      "Eastern", "Central", "Mountain", "Pacific", "Atlantic", "Greenwich", "Standard", "Daylight", "Universal",
      "Time", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
      "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December",
    ],
    capitalizedPronouns: ["He", "She", "It", "They", "We", "You"],
    speechVerbs: [
      "said", "says", "asked", "asks", "cried", "replied", "replies", "answered", "shouted",
      "yelled", "screamed", "whispered", "murmured", "muttered", "mumbled", "called", "exclaimed",
      "added", "continued", "began", "demanded", "inquired", "enquired", "insisted", "repeated",
      "returned", "retorted", "snapped", "sighed", "laughed", "gasped", "growled", "hissed",
      "observed", "remarked", "suggested", "admitted", "agreed", "explained", "protested", "pleaded",
      "begged", "interrupted", "declared", "announced", "stammered", "breathed", "chuckled",
      "groaned", "moaned", "roared", "sobbed", "wailed", "warned", "urged", "went", "cut", "broke",
      "wondered", "thought",
    ])
}
