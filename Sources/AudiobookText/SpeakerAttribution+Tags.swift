extension SpeakerAttribution {
  /// Whom a speech tag names, before pronouns are resolved against the chapter so far.
  enum TagSubject: Sendable, Equatable {
    /// A cast member, by index.
    case member(Int)
    /// Somebody not in the cast: "Mr. Collins", "the footman".
    case other(String)
    /// `he` or `she`, at a token index of the narration it was read from.
    case pronoun(CastName.Gender, token: Int)
  }

  /// How many words from the quotation a speech tag may lie.
  static let tagWindow = 8

  /// The tag in the narration right after a quotation (`said Elizabeth`, `Elizabeth replied`, `he said`):
  /// its first sentence, at most `tagWindow` words of it.
  static func tagAfter(_ tokens: [Token], cast: CastIndex) -> TagSubject? {
    var start = 0
    while start < tokens.count, tokens[start].kind == .pause { start += 1 }
    var end = start
    var words = 0
    while end < tokens.count, tokens[end].kind != .stop, words < tagWindow {
      if tokens[end].kind == .word { words += 1 }
      end += 1
    }
    guard let verb = (start..<end).first(where: { speechVerbLength(tokens, at: $0) != nil }) else { return nil }
    if verb == start {
      return subject(tokens, after: verb + (speechVerbLength(tokens, at: verb) ?? 1), end: end, cast: cast)
    }
    return subject(tokens, before: verb, from: start, cast: cast)
  }

  /// The tag in the narration right before a quotation (`Elizabeth said,`, `Mr. Darcy turned and said:`,
  /// `said Jane,` between the halves of an interrupted speech): the sentence the quotation opens in, at most
  /// `tagWindow` words of it.
  static func tagBefore(_ tokens: [Token], cast: CastIndex) -> TagSubject? {
    var start = tokens.count
    var words = 0
    while start > 0, tokens[start - 1].kind != .stop, words < tagWindow {
      start -= 1
      if tokens[start].kind == .word { words += 1 }
    }
    let end = tokens.count
    guard let verb = (start..<end).last(where: { speechVerbLength(tokens, at: $0) != nil }) else { return nil }
    if let found = subject(tokens, before: verb, from: start, cast: cast) { return found }
    return subject(tokens, after: verb + (speechVerbLength(tokens, at: verb) ?? 1), end: end, cast: cast)
  }

  /// The subject right after a verb (`said Mr. Darcy`, `replied he`, `said the footman`), or nil.
  static func subject(_ tokens: [Token], after start: Int, end: Int, cast: CastIndex) -> TagSubject? {
    guard start < end, tokens[start].kind == .word else { return nil }
    if let gender = pronounGender(tokens[start]) { return .pronoun(gender, token: start) }
    if let name = cast.readName(tokens, at: start, end: end), !name.isPossessive {
      return name.member.map(TagSubject.member) ?? .other(name.display)
    }
    return description(tokens, from: start, end: end).map(TagSubject.other)
  }

  /// The subject of a verb from the words before it: the first cast member or `he`/`she` in the last part of the
  /// clause (after its last comma), else in the whole clause; else somebody not in the cast right before the verb
  /// (`Collins said`, `the footman said`). Possessives (Darcy’s sister) are never subjects.
  static func subject(_ tokens: [Token], before verb: Int, from start: Int, cast: CastIndex) -> TagSubject? {
    let lastPause = (start..<verb).last { tokens[$0].kind == .pause }.map { $0 + 1 } ?? start
    for from in lastPause == start ? [start] : [lastPause, start] {
      var index = from
      while index < verb {
        if let gender = pronounGender(tokens[index]) { return .pronoun(gender, token: index) }
        if let name = cast.readName(tokens, at: index, end: verb) {
          if let member = name.member, !name.isPossessive { return .member(member) }
          index += name.length
        } else {
          index += 1
        }
      }
    }
    return adjacentSubject(tokens, before: verb, from: start, cast: cast)
  }

  /// Somebody not in the cast named right before a verb: a capitalised name (`Mr. Collins said`) or a
  /// description (`the footman said`, `her mother said`).
  static func adjacentSubject(_ tokens: [Token], before verb: Int, from start: Int, cast: CastIndex) -> TagSubject? {
    var first = verb
    while first > start, first > verb - 4, tokens[first - 1].kind == .word, tokens[first - 1].isCapitalized {
      first -= 1
    }
    while first < verb, notNames.contains(tokens[first].lower) { first += 1 }
    if first < verb, let name = cast.readName(tokens, at: first, end: verb), first + name.length == verb,
      !name.isPossessive
    {
      return name.member.map(TagSubject.member) ?? .other(name.display)
    }
    var opening = verb - 1
    while opening >= start, opening > verb - 4, tokens[opening].kind == .word, !tokens[opening].isCapitalized {
      if determiners.contains(tokens[opening].lower) { break }
      opening -= 1
    }
    guard opening >= start, opening < verb - 1, tokens[opening].kind == .word,
      determiners.contains(tokens[opening].lower) || tokens[opening].isPossessive,
      let phrase = description(tokens, from: opening, end: verb)
    else { return nil }
    return .other(phrase)
  }

  /// A description of a speaker from its determiner on (the footman, his old uncle, Elizabeth’s aunt): up to
  /// three more lower-case words, ending before an adverb in -ly or a preposition. Nil without a determiner.
  static func description(_ tokens: [Token], from start: Int, end: Int) -> String? {
    let head = tokens[start]
    guard head.kind == .word, determiners.contains(head.lower) || head.isPossessive else { return nil }
    var words = [head.isPossessive ? head.text + "\u{2019}s" : head.lower]
    var index = start + 1
    while index < end, words.count < 4, tokens[index].kind == .word, !tokens[index].isCapitalized,
      !phraseBreaks.contains(tokens[index].lower), !tokens[index].lower.hasSuffix("ly"),
      speechVerbLength(tokens, at: index) == nil
    {
      words.append(tokens[index].lower)
      index += 1
    }
    return words.count > 1 ? words.joined(separator: " ") : nil
  }

  /// The gender of `he` or `she`; nil for any other word.
  static func pronounGender(_ token: Token) -> CastName.Gender? {
    guard token.kind == .word else { return nil }
    switch token.lower {
    case "he": return .male
    case "she": return .female
    default: return nil
    }
  }
}
