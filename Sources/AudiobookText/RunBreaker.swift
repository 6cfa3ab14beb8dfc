import AudiobookCore
import AudiobookBook

/// Breaks what espeak-ng 1.51 cannot take whole into pieces it can, so that one odd paragraph
/// (a pasted web address, a line of noise) is read instead of sinking the book.
///
/// Measured on espeak-ng 1.51 (Debian 12), each in a fresh fork, with the English, French and
/// Russian voices alike:
///
/// | written | espeak-ng alone | given instead |
/// | --- | --- | --- |
/// | a run of over 150 characters without a space | the rest of the word dropped | pieces of at most `longestRun`, cut after a `/` or other mark where there is one |
/// | a chain of 68 suffixes (`s's's'…`, 136 characters; `nessness…`) | aborts: `end_phonemes` overflows (`__strcat_chk`) | the same pieces |
/// | 85 single letters with stops (`a.b.c.…`, also spaced `a . b .`); 34 four-byte letters | aborts: `CheckDottedAbbrev` copies them into 80 bytes (fixed upstream in #2428) | every `longestLetterChain`th stop left out |
///
/// The breaks are spaces (and a stop turned into a space), so nothing is added to what is said.
public enum RunBreaker {
  /// The longest run of characters without a space read as it is: well short of the shortest
  /// run measured to abort espeak-ng (136 characters of `'s`), and of the 150 it reads whole.
  public static let longestRun = 100
  /// The most single letters with stops (`U.S.A.`) read as one abbreviation; 34 four-byte
  /// letters already abort espeak-ng 1.51.
  public static let longestLetterChain = 10

  /// `text` with a space in each run longer than `longestRun` and a stop left out of each chain
  /// of letters longer than `longestLetterChain`; unchanged (and cheap) for ordinary prose.
  ///
  /// Phonemes from a lexicon entry (between `Lexicon.phonemeStart` and `phonemeEnd`) are never
  /// cut.
  public static func broken(_ text: String) -> String {
    let (longRun, stops) = survey(text)
    guard longRun || stops else { return text }
    var characters = Array(text)
    if stops { _ = shortenLetterChains(&characters) }
    return longRun ? String(cutLongRuns(characters).characters) : String(characters)
  }

  /// What `broken` changes in `text`, as the message of a warning; nil when it changes nothing.
  public static func notice(_ text: String) -> String? {
    let (longRun, stops) = survey(text)
    guard longRun || stops else { return nil }
    var characters = Array(text)
    var notes: [String] = []
    if stops, let chain = shortenLetterChains(&characters) {
      notes.append(
        "a run of \(chain.letters) letters with stops ('\(excerpt(chain.text))') is read in groups of "
          + "at most \(longestLetterChain) letters")
    }
    if longRun, let run = cutLongRuns(characters).longest {
      notes.append(
        "a run of \(run.count) characters without a space ('\(excerpt(run))') is read in pieces of at most "
          + "\(longestRun) characters")
    }
    return notes.isEmpty ? nil : notes.joined(separator: "; ")
  }

  /// Whether `text` may hold a run longer than `longestRun` (counted in bytes, never fewer than
  /// its characters), and enough stops for a chain: most sentences hold neither.
  private static func survey(_ text: String) -> (longRun: Bool, stops: Bool) {
    var run = 0
    var longRun = false
    var stops = 0
    for byte in text.utf8 {
      if byte == UInt8(ascii: ".") { stops += 1 }
      if byte == 0x20 || (0x09...0x0D).contains(byte) {
        run = 0
      } else {
        run += 1
        if run > longestRun { longRun = true }
      }
    }
    return (longRun, stops >= longestLetterChain)
  }

  /// The first 20 characters of `text`, control characters as `?`, and an ellipsis when there
  /// are more: a warning line must not carry a terminal's escape sequences.
  private static func excerpt<C: Collection<Character>>(_ text: C) -> String {
    let shown = text.prefix(20).map { character in
      character.unicodeScalars.contains { $0.properties.generalCategory == .control } ? "?" : character
    }
    return String(shown) + (text.count > 20 ? "..." : "")
  }

  // MARK: - Chains of letters with stops

  /// Turns the stop after every `longestLetterChain`th letter of a chain into a space; returns
  /// the longest chain (its letters and the text it spans), nil when there was none to shorten.
  ///
  /// A letter belongs to a chain when it stands alone (no letter or digit right before it) and
  /// the next character but spaces is a stop; the chain goes on over spaces and other marks
  /// (espeak-ng joins `a.b., c.`) and ends at any other letter or digit.
  private static func shortenLetterChains(_ characters: inout [Character]) -> (letters: Int, text: String)? {
    let original = characters
    var longest: (letters: Int, text: String)?
    var letters = 0
    var chainStart = 0
    var index = 0
    var previous: Character = " "
    var inPhonemes = false
    func endChain(at end: Int) {
      if letters > longestLetterChain, letters > longest?.letters ?? 0 {
        longest = (letters, String(original[chainStart..<end]))
      }
      letters = 0
    }
    while index < characters.count {
      let character = characters[index]
      if character == Lexicon.phonemeStart || character == Lexicon.phonemeEnd {
        inPhonemes = character == Lexicon.phonemeStart
        endChain(at: index)
      } else if !inPhonemes, isWordCharacter(character) {
        var stop = index + 1
        while stop < characters.count, characters[stop].isWhitespace { stop += 1 }
        if character.isLetter, !isWordCharacter(previous), stop < characters.count, characters[stop] == "." {
          if letters == 0 { chainStart = index }
          letters += 1
          if letters % longestLetterChain == 0 { characters[stop] = " " }
          previous = "."
          index = stop + 1
          continue
        }
        endChain(at: index)
      }
      previous = character
      index += 1
    }
    endChain(at: characters.count)
    return longest
  }

  private static func isWordCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber
  }

  // MARK: - Long runs

  /// Marks after which a run is cut, after a slash first: `example.com/ path` is still read
  /// "example dot com slash path", where a cut after the stop would lose the "dot".
  private static let breakMarks: Set<Character> = [
    "/", "\\", "?", "&", "=", "#", "|", "+", "~", "-", "_", ":", ";", ",", ".", "'", "’", ")", "]", "}", "!",
  ]

  /// The characters with a space in every run longer than `longestRun`, and the longest such run.
  private static func cutLongRuns(_ characters: [Character]) -> (
    characters: [Character], longest: ArraySlice<Character>?
  ) {
    let spans = PhonemeSpans(characters)
    var output: [Character] = []
    output.reserveCapacity(characters.count + characters.count / longestRun)
    var longest: ArraySlice<Character>?
    var start = 0
    while start < characters.count {
      guard !characters[start].isWhitespace else {
        output.append(characters[start])
        start += 1
        continue
      }
      var end = start
      while end < characters.count, !characters[end].isWhitespace { end += 1 }
      let run = characters[start..<end]
      if run.count > longestRun {
        if run.count > longest?.count ?? 0 { longest = run }
        for (number, piece) in pieces(of: run, spans: spans).enumerated() {
          if number > 0 { output.append(" ") }
          output.append(contentsOf: piece)
        }
      } else {
        output.append(contentsOf: run)
      }
      start = end
    }
    return (output, longest)
  }

  /// A run in pieces of at most `longestRun` characters, each cut after the last slash (else
  /// the last other mark) in its second half, or hard at the limit; lexicon phonemes stay whole.
  private static func pieces(of run: ArraySlice<Character>, spans: PhonemeSpans) -> [ArraySlice<Character>] {
    var pieces: [ArraySlice<Character>] = []
    var start = run.startIndex
    while run.endIndex - start > longestRun {
      // Cut positions: a cut at `position` falls between `position - 1` and `position`.
      let window = (start + longestRun / 2 + 1...start + longestRun).reversed()
      func lastCut(after isBreak: (Character) -> Bool) -> Int? {
        window.first { isBreak(run[$0 - 1]) && spans.allowsCut(at: $0) }
      }
      let cut =
        lastCut { $0 == "/" } ?? lastCut { breakMarks.contains($0) } ?? lastCut { _ in true }
        ?? (start + longestRun + 1..<run.endIndex).first { spans.allowsCut(at: $0) } ?? run.endIndex
      pieces.append(run[start..<cut])
      start = cut
    }
    if start < run.endIndex { pieces.append(run[start...]) }
    return pieces
  }

  /// Which characters belong to lexicon phonemes (`Lexicon.phonemeStart` ... `phonemeEnd`,
  /// marks included), which must reach espeak-ng whole.
  private struct PhonemeSpans {
    /// For each character, the number of the span holding it; nil when there are no spans.
    private let span: [Int]?

    init(_ characters: [Character]) {
      guard characters.contains(Lexicon.phonemeStart) else {
        span = nil
        return
      }
      var span = [Int](repeating: -1, count: characters.count)
      var current = -1
      var count = 0
      for (index, character) in characters.enumerated() {
        if character == Lexicon.phonemeStart {
          current = count
          count += 1
        }
        span[index] = current
        if character == Lexicon.phonemeEnd { current = -1 }
      }
      self.span = span
    }

    /// Whether a cut between `position - 1` and `position` leaves every span whole.
    func allowsCut(at position: Int) -> Bool {
      guard let span, position > 0, position < span.count else { return true }
      return span[position - 1] == -1 || span[position] != span[position - 1]
    }
  }
}
