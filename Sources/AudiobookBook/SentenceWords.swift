// The characters and words the sentence rules know by name.

enum Marks {
  static let sentenceEnds: Set<Character> = [".", "?", "!", "…", "‼", "⁇", "⁈", "⁉"]
  static let dashes: Set<Character> = ["—", "–"]
  static let closingQuotes: Set<Character> = ["\"", "'", "”", "’", "»", "›"]
  static let closers: Set<Character> = closingQuotes.union([")", "]", "}"])
  static let openers: Set<Character> = [
    "\"", "'", "“", "‘", "„", "«", "‹", "(", "[", "{", "¿", "¡",
  ]
  static let bullets: Set<Character> = ["•", "⁃", "◦", "▪", "▫", "‣", "∙", "●", "○", "■", "□"]
}

/// Abbreviations, lowercased and without their final period.
enum Abbreviations {
  /// Titles and Latin connectives that always lead into more words, so "Mr. Smith" and
  /// "e.g. Paris" never break.
  package static let titles: Set<String> = [
    "mr", "mrs", "ms", "messrs", "mmes", "mme", "mlle", "dr", "prof", "rev", "revd", "fr", "hon",
    "gen", "col", "capt", "cpt", "cmdr", "lt", "sgt", "cpl", "pvt", "maj", "adm", "gov", "sen",
    "rep", "pres", "supt", "insp", "det", "mt", "e.g", "i.e", "cf", "vs", "viz", "approx", "ca",
  ]
  /// "a.m." and "p.m.": often the last words of a sentence, and before a capital they end it
  /// unless the time goes on (see `continuesTime`).
  static let times: Set<String> = ["a.m", "p.m"]
  /// Abbreviations that often close a sentence ("& Co.", "Jr.", "Main St.") yet often sit inside
  /// one; they end a sentence only before a typical sentence opener.
  static let ambiguous: Set<String> = [
    "co", "corp", "inc", "ltd", "llc", "plc", "bros", "jr", "sr", "esq", "st", "ave", "rd", "blvd",
    "ft", "al", "dept", "univ", "assn", "govt", "ibid",
  ]
  /// Abbreviations that introduce a number ("No. 5", "Fig. 3", "Jan. 12"). Before anything else
  /// they behave like ordinary words, because "fig", "no" and "Jan" are words and names too.
  static let numbered: Set<String> = [
    "no", "nos", "vol", "vols", "fig", "figs", "p", "pp", "ch", "chap", "sec", "sect", "para",
    "art", "eq", "ed", "op", "pt", "pl", "tab", "ex", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec",
  ]
  package static let all = titles.union(ambiguous).union(numbered)
}

enum Words {
  /// Words that typically open a sentence: pronouns, determiners, conjunctions, question words
  /// and sentence adverbs. After an ambiguous abbreviation they tip the balance to a stop; a
  /// capitalized name ("U.S. Government", "St. Michael's") does not.
  static let sentenceStarters: Set<String> = [
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
  ]
  /// Capitalized words that go on with a time of day: time zones, days and months.
  static let timeContinuations: Set<String> = [
    "Eastern", "Central", "Mountain", "Pacific", "Atlantic", "Greenwich", "Standard", "Daylight", "Universal",
    "Time", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
  ]
  static let capitalizedPronouns: Set<String> = ["He", "She", "It", "They", "We", "You"]
  /// Verbs of speaking that mark a dialogue tag after a quotation ("“Why?” Elizabeth asked").
  static let speechVerbs: Set<String> = [
    "said", "says", "asked", "asks", "cried", "replied", "replies", "answered", "shouted",
    "yelled", "screamed", "whispered", "murmured", "muttered", "mumbled", "called", "exclaimed",
    "added", "continued", "began", "demanded", "inquired", "enquired", "insisted", "repeated",
    "returned", "retorted", "snapped", "sighed", "laughed", "gasped", "growled", "hissed",
    "observed", "remarked", "suggested", "admitted", "agreed", "explained", "protested", "pleaded",
    "begged", "interrupted", "declared", "announced", "stammered", "breathed", "chuckled",
    "groaned", "moaned", "roared", "sobbed", "wailed", "warned", "urged", "went", "cut", "broke",
    "wondered", "thought",
  ]
}

/// The slice without leading and trailing whitespace (spaces, tabs, newlines).
func trimmed(_ slice: ArraySlice<Character>) -> ArraySlice<Character> {
  var lower = slice.startIndex
  var upper = slice.endIndex
  while lower < upper, slice[lower].isWhitespace { lower += 1 }
  while upper > lower, slice[upper - 1].isWhitespace { upper -= 1 }
  return slice[lower..<upper]
}
