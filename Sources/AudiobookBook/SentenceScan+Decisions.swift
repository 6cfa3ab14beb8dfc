import AudiobookCore

/// The rules that decide whether a run of punctuation ends a sentence: each looks only at
/// the word before the mark and the word after it.
extension SentenceScan {
  /// Where the next sentence starts if the run ends one, or nil if the narrator reads on.
  func boundary(after run: Run, enumeratorPeriods: Set<Int>) -> Int? {
    guard let next = following(run) else { return nil }
    if rules.dashDialogue, narrationFollows(next) { return nil }
    switch run.kind {
    case .emphatic, .dash:
      return emphaticBoundary(after: run, next: next)
    case .ellipsis:
      return ellipsisBoundary(after: run, next: next)
    case .period:
      if enumeratorPeriods.contains(run.start) { return nil }
      return periodBoundary(after: run, next: next)
    }
  }

  /// "?", "!" and a broken-off quotation end the sentence unless the text goes on in lowercase
  /// ("Yahoo! in", "“Stop!” he cried") or the quotation is followed by its speaker
  /// ("“Where?” Elizabeth asked"), which is read as one sentence.
  func emphaticBoundary(after run: Run, next: Following) -> Int? {
    if next.lead.isLowercase { return nil }
    if run.closedByQuote, isAttribution(from: next) { return nil }
    return next.start
  }

  /// An ellipsis trails off mid-sentence unless a capital follows. "I" is capitalized anyway, so
  /// it only signals a new sentence after four dots (ellipsis plus full stop). An ellipsis in
  /// square brackets marks omitted words and is never a stop.
  func ellipsisBoundary(after run: Run, next: Following) -> Int? {
    if run.start > 0, text[run.start - 1] == "[", run.end < text.count, text[run.end] == "]" {
      return nil
    }
    guard next.lead.isUppercase else { return nil }
    if run.closedByQuote, isAttribution(from: next) { return nil }
    if run.dots >= 4 {
      // "compounds. . . . The": the period ends the sentence and the ellipsis opens the next,
      // marking words left out at its start.
      let attached = run.start > 0 && !text[run.start - 1].isWhitespace
      if run.spaced, attached, run.closersEnd == run.end { return run.start + 1 }
      return next.start
    }
    return next.word == "I" ? nil : next.start
  }

  /// A single period. Lowercase after it means the sentence goes on; a closing quote or bracket
  /// after it means a quoted sentence ended. Otherwise the word before decides: titles never end a
  /// sentence, ambiguous abbreviations (U.S., a.m., Co., initials) end one only when the next word
  /// is a typical sentence opener, and ordinary words always do.
  func periodBoundary(after run: Run, next: Following) -> Int? {
    if next.lead.isLowercase { return nil }
    if run.closersEnd > run.end { return next.start }
    let word = wordBefore(run.start)
    let key = abbreviation(word).lowercased()
    if next.lead.isNumber { return numberFollows(word) ? next.start : nil }
    if rules.ordinalPeriod, isOrdinal(word), !rules.sentenceStarters.contains(next.word) { return nil }
    if let pair = pairedAbbreviation(before: run.start, word: word), rules.all.contains(pair) {
      return rules.titles.contains(pair) || !rules.sentenceStarters.contains(next.word) ? nil : next.start
    }
    if rules.numbered.contains(key), isRomanNumeral(next) { return nil }
    if rules.titles.contains(key) { return nil }
    if rules.times.contains(key) { return continuesTime(next) ? nil : next.start }
    if rules.ambiguous.contains(key) || isInitialism(word) || isSingleLetter(word) {
      return rules.sentenceStarters.contains(next.word) ? next.start : nil
    }
    return next.start
  }

  /// `word` without an elided article or preposition before an apostrophe (`l'Ing` → `Ing`,
  /// `dell'Avv` → `Avv`), in a language that elides; else `word`.
  func abbreviation(_ word: String) -> String {
    guard rules.elision, let apostrophe = word.lastIndex(where: { $0 == "'" || $0 == "\u{2019}" }),
      word.distance(from: word.startIndex, to: apostrophe) <= 5
    else { return word }
    return String(word[word.index(after: apostrophe)...])
  }

  /// Whether the words after the mark are the narrator's, set off by a dash and in lowercase
  /// (`— Bonjour ! — dit-il.`, `¿Vienes? —preguntó.`): the quoted line and its tag are one
  /// sentence.
  func narrationFollows(_ next: Following) -> Bool {
    var index = next.start
    guard index < text.count, Marks.dashes.contains(text[index]) else { return false }
    index += 1
    while index < text.count, text[index].isWhitespace { index += 1 }
    return index < text.count && text[index].isLowercase
  }

  /// `3` in `am 3. Oktober`: up to three digits, read as an ordinal where the language writes
  /// ordinals with a period.
  func isOrdinal(_ word: String) -> Bool {
    (1...3).contains(word.count) && word.allSatisfy(\.isASCII) && word.allSatisfy(\.isNumber)
  }

  /// `z. b` for the period after `B` in `z. B.`: the token before `word`, when it is a short
  /// abbreviation with its period, and `word`, lowercased, without the final period.
  func pairedAbbreviation(before index: Int, word: String) -> String? {
    var end = index - word.count
    guard end > 0, text[end - 1] == " " else { return nil }
    end -= 1
    guard end > 0, text[end - 1] == "." else { return nil }
    var start = end - 1
    while start > 0, !text[start - 1].isWhitespace { start -= 1 }
    while start < end, Marks.openers.contains(text[start]) { start += 1 }
    let first = text[start..<(end - 1)]
    guard (1...4).contains(first.count), first.allSatisfy(\.isLetter) else { return nil }
    return (String(first) + ". " + word).lowercased()
  }

  /// Whether the capitalized word after "a.m." or "p.m." goes on with the time: a time zone
  /// ("a.m. EST", "p.m. Eastern Time"), a day or month ("5 p.m. Tuesday"), or a title and a
  /// name ("At 5 a.m. Mr. Smith went"), which is the likelier reading. Anything else starts a
  /// sentence: a time is the usual last thing in one ("He arrived at 10 a.m. Everyone cheered.").
  func continuesTime(_ next: Following) -> Bool {
    if rules.timeContinuations.contains(next.word) { return true }
    if (2...4).contains(next.word.count), next.word.allSatisfy(\.isUppercase) { return true }
    guard rules.titles.contains(next.word.lowercased()) else { return false }
    var end = next.start
    while end < text.count, Marks.openers.contains(text[end]) { end += 1 }
    end += next.word.count
    return end < text.count && text[end] == "."
  }

  /// Before a number, a period ends a sentence only after another number ("$100.00. 50 more")
  /// or an ordinary word; "p. 55", "No. 5", "Jan. 3" and "N°. 12" read on.
  func numberFollows(_ word: String) -> Bool {
    if word.last?.isNumber == true { return true }
    let key = word.lowercased()
    if rules.all.contains(key) { return false }
    return word.count >= 3 && word.allSatisfy(\.isLetter)
  }

  /// The token the period is attached to, without leading quotes or brackets. It stops at a
  /// glued sentence end ("Tuesday.Mr" gives "Mr") so the missing-space rule sees the right word.
  func wordBefore(_ index: Int) -> String {
    var start = index
    while start > 0, !text[start - 1].isWhitespace {
      if text[start - 1] == ".", start + 1 < index, text[start].isUppercase,
        text[start + 1].isLowercase
      {
        break
      }
      start -= 1
    }
    while start < index, Marks.openers.contains(text[start]) { start += 1 }
    return String(text[start..<index])
  }

  /// "U.S", "a.m", "Ph.D": letter groups of one or two joined by periods.
  func isInitialism(_ word: String) -> Bool {
    let parts = word.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count >= 2
      && parts.allSatisfy { (1...2).contains($0.count) && $0.allSatisfy(\.isLetter) }
  }

  func isSingleLetter(_ word: String) -> Bool {
    word.count == 1 && word.first?.isLetter == true
  }

  /// "Vol. II", "Ch. IV": a numeral written in Roman letters after a numbering abbreviation.
  func isRomanNumeral(_ next: Following) -> Bool {
    next.word.count >= 2 && next.word.allSatisfy { "IVXLCDM".contains($0) }
  }

  /// Whether the words after a closed quotation name its speaker: up to three capitalized words
  /// ("Elizabeth", "Mr. Darcy", "I"), an optional "-ly" adverb, then a speech verb. A capitalized
  /// "He" or "She" is not a tag: a tag after "?" or "!" is written in lowercase ("he said"), so the
  /// capital marks a new sentence ("“Yes!” He laughed."); names and "I" have no lowercase form.
  func isAttribution(from next: Following) -> Bool {
    guard !next.hasOpener, !rules.capitalizedPronouns.contains(next.word) else { return false }
    let tokens = tokens(from: next.start, count: 5)
    var index = 0
    while index < min(3, tokens.count), isNameLike(tokens[index]) { index += 1 }
    guard index > 0 else { return false }
    if index < tokens.count, tokens[index].hasSuffix("ly"), tokens[index].first?.isLowercase == true {
      index += 1
    }
    guard index < tokens.count else { return false }
    return rules.speechVerbs.contains(tokens[index].prefix { $0.isLetter }.lowercased())
  }

  func isNameLike(_ token: String) -> Bool {
    guard let first = token.first, first.isUppercase else { return false }
    return token.allSatisfy { $0.isLetter || $0 == "." || $0 == "'" || $0 == "’" || $0 == "-" }
  }

  func tokens(from start: Int, count: Int) -> [String] {
    var result: [String] = []
    var index = start
    while result.count < count, index < text.count {
      while index < text.count, text[index].isWhitespace { index += 1 }
      let tokenStart = index
      while index < text.count, !text[index].isWhitespace { index += 1 }
      if index > tokenStart { result.append(String(text[tokenStart..<index])) }
    }
    return result
  }
}
