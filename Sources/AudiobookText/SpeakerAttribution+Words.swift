extension SpeakerAttribution {
  /// A word or punctuation mark of narration: what speech tags and name mentions are read from.
  struct Token: Sendable, Equatable {
    /// A word, a pause inside a sentence (, : — and brackets), or the end of a sentence (. ! ? ; …).
    enum Kind: Sendable, Equatable { case word, pause, stop }

    var kind: Kind
    /// As written, without a possessive ending; a title keeps its period (Mr.).
    var text: String
    /// Lower-cased, without a title's period or a possessive ending.
    var lower: String
    var isCapitalized: Bool
    /// Darcy’s, the Bennets’: a possessive is a mention but never the subject of a tag.
    var isPossessive: Bool

    /// Whether this is a word that reads `lower` (for the few fixed words tags are made of).
    func isWord(_ word: String) -> Bool { kind == .word && lower == word }
  }

  /// The tokens of `text[range]`, in one pass.
  static func tokens(of text: [Character], in range: Range<Int>) -> [Token] {
    var tokens: [Token] = []
    var index = range.lowerBound
    while index < range.upperBound {
      let character = text[index]
      if isWordCharacter(character) {
        index = readWord(text, from: index, to: range.upperBound, into: &tokens)
        continue
      }
      if let kind = punctuationKind(character) {
        tokens.append(Token(kind: kind, text: String(character), lower: "", isCapitalized: false, isPossessive: false))
      }
      index += 1
    }
    return tokens
  }

  /// Reads one word starting at `start` (letters and digits, with apostrophes and hyphens inside it), appends it
  /// and returns the index after it.
  private static func readWord(_ text: [Character], from start: Int, to end: Int, into tokens: inout [Token]) -> Int {
    var index = start + 1
    while index < end {
      let character = text[index]
      if isWordCharacter(character) {
        index += 1
      } else if isApostrophe(character) || character == "-", index + 1 < end, text[index + 1].isLetter {
        index += 1
      } else {
        break
      }
    }
    var word = String(text[start..<index])
    var possessive = false
    if word.hasSuffix("\u{2019}s") || word.hasSuffix("'s") {
      word.removeLast(2)
      possessive = !word.isEmpty
    } else if word.hasSuffix("s"), index < end, isApostrophe(text[index]), index + 1 == end || !text[index + 1].isLetter
    {
      possessive = true
      index += 1
    }
    let lower = word.lowercased()
    if index < end, text[index] == ".", abbreviations.contains(lower) {
      word += "."
      index += 1
    }
    let capitalized = word.first?.isUppercase ?? false
    tokens.append(Token(kind: .word, text: word, lower: lower, isCapitalized: capitalized, isPossessive: possessive))
    return index
  }

  /// A letter or digit; ASCII is decided by its byte, since Character properties are slow.
  static func isWordCharacter(_ character: Character) -> Bool {
    guard let byte = character.utf8.first else { return false }
    if byte < 0x80 {
      return (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }
    return character.isLetter || character.isNumber
  }

  /// Whether `character` ends a sentence (. ! ? ; …) or pauses one (, : — – brackets); nil for anything else.
  static func punctuationKind(_ character: Character) -> Token.Kind? {
    switch character.utf8.first {
    case 0x2E, 0x21, 0x3F, 0x3B: return .stop
    case 0x2C, 0x3A, 0x28, 0x29, 0x5B, 0x5D: return .pause
    case 0xE2: return character == "…" ? .stop : character == "—" || character == "–" ? .pause : nil
    default: return nil
    }
  }

  /// ’ and ': apostrophes inside words.
  static func isApostrophe(_ character: Character) -> Bool { character == "\u{2019}" || character == "'" }

  /// Verbs of speech in the past and present tense; `went on` and `goes on` are read as two words.
  static let speechVerbs: Set<String> = [
    "said", "says", "asked", "asks", "replied", "replies", "answered", "answers", "cried", "cries", "exclaimed",
    "exclaims", "whispered", "whispers", "shouted", "shouts", "called", "calls", "added", "adds", "continued",
    "continues", "returned", "returns", "began", "begins", "muttered", "mutters", "murmured", "murmurs", "observed",
    "observes", "remarked", "remarks", "rejoined", "rejoins", "repeated", "repeats", "sighed", "sighs", "laughed",
    "laughs", "inquired", "inquires", "enquired", "enquires", "interrupted", "interrupts", "insisted", "insists",
    "declared", "declares", "explained", "explains", "protested", "protests", "admitted", "admits", "agreed",
    "agrees", "urged", "urges", "demanded", "demands", "responded", "responds", "retorted", "retorts", "suggested",
    "suggests", "stammered", "stammers", "faltered", "falters", "snapped", "snaps", "screamed", "screams", "sobbed",
    "sobs", "pleaded", "pleads", "begged", "begs", "resumed", "resumes", "concluded", "concludes", "persisted",
    "persists", "ventured", "ventures", "grumbled", "grumbles", "growled", "growls", "told", "tells", "warned",
    "warns", "wondered", "wonders", "bellowed", "bellows", "hissed", "hisses", "groaned", "groans", "teased",
    "teases", "mused", "muses", "cautioned", "cautions",
  ]

  /// The length in tokens of a speech verb at `index` (2 for `went on`), or nil.
  static func speechVerbLength(_ tokens: [Token], at index: Int) -> Int? {
    let token = tokens[index]
    guard token.kind == .word else { return nil }
    if speechVerbs.contains(token.lower) { return 1 }
    if token.lower == "went" || token.lower == "goes", index + 1 < tokens.count, tokens[index + 1].isWord("on") {
      return 2
    }
    return nil
  }

  /// Titles that tell a man.
  static let maleTitles: Set<String> = [
    "mr", "sir", "lord", "colonel", "col", "captain", "capt", "uncle", "father", "king", "master", "monsieur",
    "prince", "duke", "count", "brother", "baron", "earl",
  ]
  /// Titles that tell a woman.
  static let femaleTitles: Set<String> = [
    "mrs", "ms", "miss", "lady", "aunt", "mother", "queen", "madam", "madame", "mademoiselle", "mme", "mlle", "dame",
    "princess", "duchess", "countess", "sister", "baroness",
  ]
  /// Titles that tell neither.
  static let otherTitles: Set<String> = ["dr", "doctor", "reverend", "rev", "professor", "prof", "major", "general"]

  /// Whether `word` (lower-cased, no period) is a title.
  static func isTitle(_ word: String) -> Bool {
    maleTitles.contains(word) || femaleTitles.contains(word) || otherTitles.contains(word)
  }

  /// The gender a title tells, or nil.
  static func gender(ofTitle word: String) -> CastName.Gender? {
    if maleTitles.contains(word) { return .male }
    return femaleTitles.contains(word) ? .female : nil
  }

  /// Abbreviations whose period does not end a sentence.
  static let abbreviations: Set<String> = [
    "mr", "mrs", "ms", "dr", "st", "col", "capt", "rev", "prof", "gen", "lt", "mme", "mlle", "messrs", "sr", "jr",
  ]

  /// Capitalised words that begin sentences but are no names.
  static let notNames: Set<String> = [
    "the", "a", "an", "and", "but", "or", "so", "then", "now", "here", "there", "when", "while", "after", "before",
    "at", "in", "on", "as", "if", "yet", "still", "he", "she", "i", "it", "they", "we", "you", "his", "her", "its",
    "their", "our", "my", "your", "this", "that", "these", "those", "with", "for", "of", "to", "from", "by", "upon",
    "oh", "ah", "o", "well", "yes", "no", "nay", "indeed", "not", "all", "one", "what", "why", "how", "who", "where",
    "only", "even", "just", "perhaps", "meanwhile", "again", "soon", "suddenly", "finally", "presently", "thus",
    "though", "although", "because", "since", "once", "never", "did", "do", "does", "is", "was", "were", "are",
    "had", "has", "have", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "dear", "good",
    "poor", "chapter", "him", "them", "me", "us",
  ]

  /// Words that begin a description of a speaker who is not named (the footman, her mother).
  static let determiners: Set<String> = ["the", "a", "an", "his", "her", "their", "our", "my", "your", "its"]

  /// Words that end such a description: prepositions and conjunctions (said the footman to Jane).
  static let phraseBreaks: Set<String> = [
    "to", "at", "in", "on", "with", "from", "for", "of", "as", "and", "but", "who", "that", "which", "while", "when",
  ]
}
