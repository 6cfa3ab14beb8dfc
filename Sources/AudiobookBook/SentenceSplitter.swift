import AudiobookCore

/// Splits prose into sentences the way a careful narrator would pause.
///
/// Languages reuse the period for many jobs besides ending a sentence: abbreviations, initials,
/// decimals, list numbers, web addresses. A wrong stop is audible in an audiobook ("Mr." followed
/// by a full pause sounds broken) and so is a missed one (two sentences run together), so the
/// splitter walks the paragraph, finds every run of sentence-ending punctuation, and asks a few
/// small named rules whether a reader would really stop there. The rules look only at the word
/// before the mark and the word after it; they never rewrite the text, they only choose cut
/// positions.
public struct SentenceSplitter: Sendable {
  /// The book's language as given (a BCP 47 tag), nil for none: English.
  public let language: String?
  /// The word lists of the book's language.
  let rules: SentenceRules

  /// A splitter for `language` (a BCP 47 tag such as `fr` or `de-AT`), English for nil and for a
  /// language without rules of its own (`BookLanguage.supported`).
  public init(language: String? = nil) {
    self.language = language
    rules = SentenceRules.forLanguage(language)
  }

  /// The sentences of one paragraph, in order, each trimmed of surrounding whitespace, as written
  /// (never altered, only cut). Newlines inside the input are treated as spaces for deciding
  /// boundaries, but a sentence keeps its characters as written.
  public func sentences(in paragraph: String) -> [String] {
    SentenceScan(Array(paragraph), rules: rules).sentences()
  }

  /// Where each of `sentences(in:)` sits in `Array(paragraph)`: character offsets.
  public func sentenceRanges(in paragraph: [Character]) -> [Range<Int>] {
    SentenceScan(paragraph, rules: rules).sentenceRanges()
  }
}

extension SentenceSplitter {
  /// Cuts a sentence longer than `limit` characters into pieces of at most `limit` characters at
  /// the last comma, semicolon, colon or dash before the limit, else at the last space; a piece is
  /// never empty. espeak-ng breaks a clause near 727 characters on its own, at an arbitrary place.
  ///
  /// Cutting at clause punctuation first keeps the pause where a reader would breathe anyway; a
  /// space is the next best place; a single word longer than the limit is cut hard, because an
  /// arbitrary cut of our own is still better than one the synthesizer picks. A `limit` below 1 is
  /// treated as 1.
  public static func pieces(of sentence: String, limit: Int) -> [String] {
    let limit = max(1, limit)
    let text = Array(sentence)
    var pieces: [String] = []
    var start = 0
    while start < text.count {
      while start < text.count, text[start].isWhitespace { start += 1 }
      guard start < text.count else { break }
      let end: Int
      if text.count - start <= limit {
        end = text.count
      } else {
        end =
          clauseCut(in: text, from: start, limit: limit)
          ?? spaceCut(in: text, from: start, limit: limit)
          ?? start + limit
      }
      let piece = trimmed(text[start..<end])
      if !piece.isEmpty { pieces.append(String(piece)) }
      start = end
    }
    return pieces
  }

  /// The position just after the last clause mark inside the window, so the mark stays with the
  /// words it closes. A hyphen counts only when it stands alone between spaces, because inside a
  /// word ("self-made") it is not a pause.
  private static func clauseCut(in text: [Character], from start: Int, limit: Int) -> Int? {
    var index = start + limit - 1
    while index > start {
      let mark = text[index]
      if clauseMarks.contains(mark) { return index + 1 }
      if mark == "-", text[index - 1].isWhitespace,
        index + 1 < text.count, text[index + 1].isWhitespace
      {
        return index + 1
      }
      index -= 1
    }
    return nil
  }

  /// The position of the last whitespace that leaves at most `limit` characters before it. The
  /// character right after the window counts too: a space there means the window is whole words.
  private static func spaceCut(in text: [Character], from start: Int, limit: Int) -> Int? {
    var index = start + limit
    while index > start {
      if text[index].isWhitespace { return index }
      index -= 1
    }
    return nil
  }

  private static let clauseMarks: Set<Character> = [",", ";", ":", "—", "–"]
}
