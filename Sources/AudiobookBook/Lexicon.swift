import Foundation
import Yams
import AudiobookCore

/// How words are to be pronounced: word → respelling (`Hermione: her-MY-oh-nee`) or espeak-ng
/// phonemes (`Bingley: "[[b'INli]]"`). Whole words only. A key in lower case matches the word
/// in any case; a key with capitals matches that spelling and the word in all capitals (so
/// `Reading` the town leaves `reading` alone). Possessives and plurals follow the base word:
/// `Darcy's`, `Darcys`, `Darcys'`.
///
/// A key may have several parts joined by hyphens or single spaces (`Jean-Luc`, `Mont Blanc`)
/// and apostrophes inside a part (`O'Brien`); it matches only the whole run of words, and the
/// longest key wins (`Jean-Luc` before `Jean`). A word of a hyphenated run the lexicon does not
/// know as a whole is still looked up on its own (`Siobhan-town`).
///
/// Precedence: a lexicon merged in later (the more specific source: voice, then the book's,
/// then `--lexicon`) wins for every spelling its keys match, whatever their case; within one
/// lexicon, a key with capitals wins over a lower-case key for the spellings it matches. So a
/// voice's `Hermione:` gives way to a `--lexicon` file's `hermione:` for `Hermione` too.
///
/// A lexicon's phoneme entries are the only way phoneme input reaches espeak-ng: they travel
/// in the speech text between private-use marks (`phonemeStart` ... `phonemeEnd`) that the
/// synthesis engine alone turns into `[[...]]` with the phoneme flag on (DESIGN.md fact 9).
public struct Lexicon: Sendable, Equatable {
  public struct Entry: Sendable, Equatable {
    public enum Spoken: Sendable, Equatable {
      case respelling(String)
      case phonemes(String)
      /// Read as written, in the voice of this language (a BCP 47 tag): `Valérie: { language: fr }`.
      case language(String)
    }

    /// The word as the lexicon writes it.
    public var word: String
    public var spoken: Spoken
    /// Where the entry is written, for the report and messages.
    public var file: String
    public var line: Int
  }

  /// One replacement made in a sentence.
  public struct Replacement: Sendable, Equatable {
    /// The word as the book writes it (`Darcy's`).
    public var written: String
    public var entry: Entry
  }

  /// The longest phoneme entry: espeak-ng 1.51 crashes (SIGSEGV) on a phoneme string of
  /// about 350 characters (`a:` 180 times; 150 times is read), as the command does too.
  public static let maximumPhonemeBytes = 200

  /// Marks around phonemes from a lexicon entry in speech text (Unicode private use).
  public static let phonemeStart: Character = "\u{E000}"
  public static let phonemeEnd: Character = "\u{E001}"

  /// An entry and the rank of the lexicon it comes from: a lexicon merged in later ranks higher.
  private struct Ranked: Sendable, Equatable {
    var entry: Entry
    var rank: Int
  }

  /// Entries whose key has capitals, by the key.
  private var exact: [String: Ranked] = [:]
  /// The same entries by the key in capitals (`READING`).
  private var shouted: [String: Ranked] = [:]
  /// Entries whose key is lower case, by the key.
  private var anyCase: [String: Ranked] = [:]
  /// The highest rank in use; `merging` ranks the other lexicon's entries above it.
  private var topRank = 0
  /// The most words in one key (`Mont Blanc` has two), so matching knows how far to look.
  private var longestKey = 1

  public static let empty = Lexicon()

  public init(entries: [Entry] = []) {
    for entry in entries { add(entry, rank: 0) }
  }

  public var isEmpty: Bool { exact.isEmpty && anyCase.isEmpty }

  /// Every entry, in word order.
  public var entries: [Entry] {
    (exact.values.map(\.entry) + anyCase.values.map(\.entry)).sorted { $0.word < $1.word }
  }

  private mutating func add(_ entry: Entry, rank: Int) {
    let key = Self.key(of: entry.word)
    let ranked = Ranked(entry: entry, rank: rank)
    if key == key.lowercased() {
      anyCase[key] = ranked
    } else {
      exact[key] = ranked
      shouted[key.uppercased()] = ranked
    }
    topRank = max(topRank, rank)
    longestKey = max(longestKey, key.split(whereSeparator: { $0 == " " || $0 == "-" }).count)
  }

  /// The key an entry is looked up by: typographic apostrophes straight (speech text has them
  /// straight), runs of spaces as one.
  private static func key(of word: String) -> String {
    word.replacing("\u{2019}", with: "'").split(separator: " ").joined(separator: " ")
  }

  /// This lexicon with `other`'s entries added; `other` wins for every spelling its keys match.
  public func merging(_ other: Lexicon) -> Lexicon {
    var merged = self
    let offset = topRank + 1
    for table in [other.exact, other.anyCase] {
      for ranked in table.values { merged.add(ranked.entry, rank: ranked.rank + offset) }
    }
    return merged
  }

  /// The entry for a word as written: the highest-ranked of the key with capitals spelled that
  /// way, the key whose capitals it is, and the lower-case key; on a tie, in that order.
  private func lookup(_ word: String) -> Entry? {
    var best = exact[word]
    for candidate in [shouted[word], anyCase[word.lowercased()]] {
      if let candidate, candidate.rank > best?.rank ?? -1 { best = candidate }
    }
    return best?.entry
  }

  // MARK: - Applying

  /// `text` with every word the lexicon knows replaced, and the replacements made.
  public func apply(to text: String) -> (text: String, replacements: [Replacement]) {
    guard !isEmpty else { return (text, []) }
    let words = text.matches(of: Self.word).map(\.range)
    var result = ""
    var replacements: [Replacement] = []
    var copied = text.startIndex
    var index = 0
    while index < words.count {
      var next = index + 1
      // The longest run of words joined by a hyphen or a space that the lexicon knows.
      for count in stride(from: min(longestKey, words.count - index), through: 1, by: -1) {
        let last = index + count - 1
        guard count == 1 || Self.areJoined(words[index...last], in: text) else { continue }
        let written = String(text[words[index].lowerBound..<words[last].upperBound])
        guard let (entry, suffix) = find(written) else { continue }
        result += text[copied..<words[index].lowerBound]
        result += spoken(entry, suffix: suffix, written: written)
        replacements.append(Replacement(written: written, entry: entry))
        copied = words[last].upperBound
        next = last + 1
        break
      }
      index = next
    }
    result += text[copied...]
    return (result, replacements)
  }

  /// A word as written, with its apostrophes (`Darcy's`, `Darcys'`); compiled once.
  nonisolated(unsafe) private static let word = /[\p{L}\p{N}]+(?:'[\p{L}]+)*'?/

  /// Whether each word is followed by the next after exactly one hyphen or one space.
  private static func areJoined(_ words: ArraySlice<Range<String.Index>>, in text: String) -> Bool {
    zip(words, words.dropFirst()).allSatisfy { before, after in
      let gap = text[before.upperBound..<after.lowerBound]
      return gap == "-" || gap == " "
    }
  }

  /// The entry for `written` and the ending that follows the base word (`'s`, `s`, `es`, `s'`).
  private func find(_ written: String) -> (Entry, String)? {
    if let entry = lookup(written) { return (entry, "") }
    for suffix in ["'s", "s'", "es", "s"] where written.count > suffix.count + 1 && written.hasSuffix(suffix) {
      if let entry = lookup(String(written.dropLast(suffix.count))) { return (entry, suffix) }
    }
    if written.hasSuffix("'") { return lookup(String(written.dropLast())).map { ($0, "'") } }
    return nil
  }

  private func spoken(_ entry: Entry, suffix: String, written: String) -> String {
    switch entry.spoken {
    case .language:
      return written
    case .respelling(let text):
      return text + suffix
    case .phonemes(let phonemes):
      let ending = suffix.contains("s") ? Self.pluralPhoneme(after: phonemes) : ""
      return "\(Self.phonemeStart)\(phonemes)\(ending)\(Self.phonemeEnd)"
    }
  }

  /// The ending of a plural or possessive in espeak-ng's phonemes: `Iz` after a hissing sound,
  /// `s` after a voiceless one, else `z`.
  static func pluralPhoneme(after phonemes: String) -> String {
    let sounds = phonemes.filter { !"',%=_:;".contains($0) }
    if ["s", "z", "S", "Z", "tS", "dZ"].contains(where: { sounds.hasSuffix($0) }) { return "I2z" }
    if let last = sounds.last, "ptkfT".contains(last) { return "s" }
    return "z"
  }

  // MARK: - Reading

  /// Reads a lexicon file: a YAML mapping of words to respellings or `[[phonemes]]`.
  ///
  /// - Throws: `.missingInput` when the file cannot be read; `.badInput` naming file, line and
  ///   word for anything that is not an entry.
  public static func load(_ path: String) throws(AudiobookError) -> Lexicon {
    try parse(text: text(of: path), file: path)
  }

  /// A lexicon file's text.
  ///
  /// - Throws: `.missingInput` when the file cannot be read; `.badInput` when it is not UTF-8.
  package static func text(of path: String) throws(AudiobookError) -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw AudiobookError(.missingInput, "cannot read the lexicon", file: path)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw AudiobookError(.badInput, "the lexicon is not UTF-8 text", file: path)
    }
    return text
  }

  /// Reads a lexicon file's text.
  package static func parse(text: String, file: String) throws(AudiobookError) -> Lexicon {
    try YamlShape.check(text, file: file, what: "the lexicon")
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw AudiobookError(
        .badInput, "the lexicon is not valid YAML: \(error.problemText)", file: file, line: error.line)
    } catch {
      throw AudiobookError(.badInput, "the lexicon is not valid YAML", file: file)
    }
    guard let root else { return .empty }
    return try parse(root, file: file)
  }

  /// Reads entries from a YAML mapping node (a lexicon file, or `lexicon:` in a voice preset).
  package static func parse(_ node: Node, file: String) throws(AudiobookError) -> Lexicon {
    guard let mapping = node.mapping else {
      throw AudiobookError(
        .badInput, "a lexicon must be a mapping of words to how they are said", file: file, line: node.mark?.line)
    }
    var entries: [Entry] = []
    for (keyNode, value) in mapping {
      let word = keyNode.string ?? ""
      let line = keyNode.mark?.line ?? 0
      guard isKey(word) else {
        throw AudiobookError(
          .badInput, "'\(word.quotedForMessage)' is not a word (letters, digits, ' and - only; words apart by spaces)",
          file: file,
          line: line)
      }
      if let language = try language(in: value, word: word, file: file, line: line) {
        entries.append(Entry(word: word, spoken: .language(language), file: file, line: line))
        continue
      }
      guard let said = value.scalar?.string.trimmingSpaces, !said.isEmpty else {
        throw AudiobookError(
          .badInput, "'\(word.quotedForMessage)' needs how it is said, as text", file: file, line: line)
      }
      entries.append(
        Entry(word: word, spoken: try spoken(said, word: word, file: file, line: line), file: file, line: line))
    }
    return Lexicon(entries: entries)
  }

  /// Words (letters and digits, with apostrophes inside) joined by single hyphens or spaces.
  private static func isKey(_ written: String) -> Bool {
    let key = key(of: written)
    guard !key.isEmpty else { return false }
    return key.split(separator: " ", omittingEmptySubsequences: false).allSatisfy { part in
      part.split(separator: "-", omittingEmptySubsequences: false).allSatisfy { $0.wholeMatch(of: word) != nil }
    }
  }

  private static func spoken(_ said: String, word: String, file: String, line: Int) throws(AudiobookError)
    -> Entry.Spoken
  {
    if said.hasPrefix("[[") {
      let inner = said.dropFirst(2)
      guard inner.hasSuffix("]]"), !inner.dropLast(2).isEmpty, !inner.dropLast(2).contains("[["),
        !inner.dropLast(2).contains("]]")
      else {
        throw AudiobookError(
          .badInput, "'\(word.quotedForMessage)': phonemes are written [[...]] and nothing else", file: file, line: line
        )
      }
      let phonemes = String(inner.dropLast(2))
      guard phonemes.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 }) else {
        throw AudiobookError(
          .badInput, "'\(word.quotedForMessage)': espeak-ng phonemes are ASCII (see espeak-ng -x)", file: file,
          line: line)
      }
      guard phonemes.utf8.count <= maximumPhonemeBytes else {
        throw AudiobookError(
          .badInput,
          "'\(word.quotedForMessage)': phonemes longer than \(maximumPhonemeBytes) characters "
            + "(espeak-ng 1.51 crashes on about 350)", file: file, line: line)
      }
      return .phonemes(phonemes)
    }
    guard !said.contains("[["), !said.contains("]]"), !said.contains("<"), !said.contains(phonemeStart),
      !said.contains(phonemeEnd)
    else {
      throw AudiobookError(
        .badInput, "'\(word.quotedForMessage)': a respelling is plain text; phonemes go alone in [[...]]", file: file,
        line: line)
    }
    return .respelling(said)
  }
}
