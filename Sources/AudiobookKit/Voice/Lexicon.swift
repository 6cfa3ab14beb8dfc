import Foundation
import Yams

/// How words are to be pronounced: word → respelling (`Hermione: her-MY-oh-nee`) or espeak-ng
/// phonemes (`Bingley: "[[b'INli]]"`). Whole words only. A key in lower case matches the word
/// in any case; a key with capitals matches that spelling and the word in all capitals (so
/// `Reading` the town leaves `reading` alone). Possessives and plurals follow the base word:
/// `Darcy's`, `Darcys`, `Darcys'`.
///
/// A lexicon's phoneme entries are the only way phoneme input reaches espeak-ng: they travel
/// in the speech text between private-use marks (`phonemeStart` ... `phonemeEnd`) that the
/// synthesis engine alone turns into `[[...]]` with the phoneme flag on (DESIGN.md fact 9).
public struct Lexicon: Sendable, Equatable {
  public struct Entry: Sendable, Equatable {
    public enum Spoken: Sendable, Equatable {
      case respelling(String)
      case phonemes(String)
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

  /// Marks around phonemes from a lexicon entry in speech text (Unicode private use).
  public static let phonemeStart: Character = "\u{E000}"
  public static let phonemeEnd: Character = "\u{E001}"

  /// Entries whose key has capitals, by the key and by the key in capitals.
  private var exact: [String: Entry] = [:]
  /// Entries whose key is lower case, by the key.
  private var anyCase: [String: Entry] = [:]

  public static let empty = Lexicon()

  public init(entries: [Entry] = []) {
    for entry in entries { add(entry) }
  }

  public var isEmpty: Bool { exact.isEmpty && anyCase.isEmpty }

  /// Every entry, in word order.
  public var entries: [Entry] {
    (Array(anyCase.values) + exact.filter { $0.key == $0.value.word }.map(\.value)).sorted { $0.word < $1.word }
  }

  private mutating func add(_ entry: Entry) {
    if entry.word == entry.word.lowercased() {
      anyCase[entry.word] = entry
    } else {
      exact[entry.word] = entry
      exact[entry.word.uppercased()] = entry
    }
  }

  /// This lexicon with `other`'s entries added; where both have a word, `other` wins.
  public func merging(_ other: Lexicon) -> Lexicon {
    var merged = self
    for entry in other.entries { merged.add(entry) }
    return merged
  }

  private func lookup(_ word: String) -> Entry? {
    exact[word] ?? anyCase[word.lowercased()]
  }

  // MARK: - Applying

  /// `text` with every word the lexicon knows replaced, and the replacements made.
  public func apply(to text: String) -> (text: String, replacements: [Replacement]) {
    guard !isEmpty else { return (text, []) }
    var replacements: [Replacement] = []
    let result = text.replacing(Self.word) { match -> String in
      let written = String(match.output)
      guard let (entry, suffix) = find(written) else { return written }
      replacements.append(Replacement(written: written, entry: entry))
      return spoken(entry, suffix: suffix)
    }
    return (result, replacements)
  }

  /// A word as written, with its apostrophes (`Darcy's`, `Darcys'`); compiled once.
  nonisolated(unsafe) private static let word = /[\p{L}\p{N}]+(?:'[\p{L}]+)*'?/

  /// The entry for `written` and the ending that follows the base word (`'s`, `s`, `es`, `s'`).
  private func find(_ written: String) -> (Entry, String)? {
    if let entry = lookup(written) { return (entry, "") }
    for suffix in ["'s", "s'", "es", "s"] where written.count > suffix.count + 1 && written.hasSuffix(suffix) {
      if let entry = lookup(String(written.dropLast(suffix.count))) { return (entry, suffix) }
    }
    if written.hasSuffix("'") { return lookup(String(written.dropLast())).map { ($0, "'") } }
    return nil
  }

  private func spoken(_ entry: Entry, suffix: String) -> String {
    switch entry.spoken {
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
    guard let data = FileManager.default.contents(atPath: path) else {
      throw AudiobookError(.missingInput, "cannot read the lexicon", file: path)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw AudiobookError(.badInput, "the lexicon is not UTF-8 text", file: path)
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch {
      throw AudiobookError(.badInput, "the lexicon is not valid YAML", file: path)
    }
    guard let root else { return .empty }
    return try parse(root, file: path)
  }

  /// Reads entries from a YAML mapping node (a lexicon file, or `lexicon:` in a voice preset).
  static func parse(_ node: Node, file: String) throws(AudiobookError) -> Lexicon {
    guard let mapping = node.mapping else {
      throw AudiobookError(
        .badInput, "a lexicon must be a mapping of words to how they are said", file: file, line: node.mark?.line)
    }
    var entries: [Entry] = []
    for (keyNode, value) in mapping {
      let word = keyNode.string ?? ""
      let line = keyNode.mark?.line ?? 0
      guard !word.isEmpty, word.allSatisfy({ $0.isLetter || $0.isNumber || "'-".contains($0) }),
        word.first?.isLetter == true || word.first?.isNumber == true
      else {
        throw AudiobookError(
          .badInput, "'\(word)' is not a word (letters, digits, ' and - only)", file: file, line: line)
      }
      guard let said = value.scalar?.string.trimmingSpaces, !said.isEmpty else {
        throw AudiobookError(.badInput, "'\(word)' needs how it is said, as text", file: file, line: line)
      }
      entries.append(
        Entry(word: word, spoken: try spoken(said, word: word, file: file, line: line), file: file, line: line))
    }
    return Lexicon(entries: entries)
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
          .badInput, "'\(word)': phonemes are written [[...]] and nothing else", file: file, line: line)
      }
      let phonemes = String(inner.dropLast(2))
      guard phonemes.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 }) else {
        throw AudiobookError(
          .badInput, "'\(word)': espeak-ng phonemes are ASCII (see espeak-ng -x)", file: file, line: line)
      }
      return .phonemes(phonemes)
    }
    guard !said.contains("[["), !said.contains("]]"), !said.contains("<"), !said.contains(phonemeStart),
      !said.contains(phonemeEnd)
    else {
      throw AudiobookError(
        .badInput, "'\(word)': a respelling is plain text; phonemes go alone in [[...]]", file: file, line: line)
    }
    return .respelling(said)
  }
}
