import AudiobookCore

/// Words of another language in a book, to be read in that language's voice (`Valérie`,
/// `Jean-Pierre Leblanc`): from a lexicon entry `{ language: fr }`, a Markdown `<span
/// lang="fr">`, or an EPUB element with its own `xml:lang`. A phrase marked once is read in its
/// language wherever the book has it.
public struct ForeignPhrase: Sendable, Equatable, Hashable {
  /// The words as written.
  public var text: String
  /// A BCP 47 tag.
  public var language: String
  /// Where it is marked, for messages.
  public var file: String
  public var line: Int

  public init(text: String, language: String, file: String, line: Int) {
    self.text = text
    self.language = language
    self.file = file
    self.line = line
  }

  /// The longest phrase kept: a sentence or two; a longer passage is its paragraph's business.
  public static let maximumLength = 400

  /// Where `phrases` stand in `text`, as character offsets, each with its language: whole
  /// words only (`Jean` not in `Jeanne`), the longest phrase first where two start alike, in
  /// order and not overlapping. For many texts, make an `Index` once.
  public static func ranges(of phrases: [ForeignPhrase], in text: String) -> [(range: Range<Int>, language: String)] {
    phrases.isEmpty ? [] : Index(phrases).ranges(in: text)
  }

  /// Phrases by their first word, so that a text is scanned once whatever their number.
  public struct Index: Sendable {
    private var byFirstWord: [String: [(characters: [Character], language: String)]] = [:]
    public let isEmpty: Bool

    public init(_ phrases: [ForeignPhrase]) {
      isEmpty = phrases.isEmpty
      for phrase in phrases.sorted(by: { $0.text.count > $1.text.count }) {
        let characters = Array(phrase.text)
        let first = String(characters.prefix { ForeignPhrase.isWord($0) })
        // A phrase that does not open with a word is never at a word's start: it cannot match.
        guard !first.isEmpty else { continue }
        byFirstWord[first, default: []].append((characters, phrase.language))
      }
    }

    public func ranges(in text: String) -> [(range: Range<Int>, language: String)] {
      guard !isEmpty else { return [] }
      let characters = Array(text)
      var found: [(range: Range<Int>, language: String)] = []
      var index = 0
      while index < characters.count {
        guard ForeignPhrase.isWord(characters[index]), index == 0 || !ForeignPhrase.isWord(characters[index - 1]) else {
          index += 1
          continue
        }
        var end = index
        while end < characters.count, ForeignPhrase.isWord(characters[end]) { end += 1 }
        let match = byFirstWord[String(characters[index..<end])]?.first { candidate in
          let range = index..<index + candidate.characters.count
          return range.upperBound <= characters.count && characters[range].elementsEqual(candidate.characters)
            && isWordEdge(characters, range)
        }
        if let match {
          found.append((index..<index + match.characters.count, match.language))
          index += match.characters.count
        } else {
          index = end
        }
      }
      return found
    }
  }

  static func isWord(_ character: Character) -> Bool { character.isLetter || character.isNumber }

  static func isWordEdge(_ characters: [Character], _ range: Range<Int>) -> Bool {
    func isWord(_ index: Int) -> Bool {
      index >= 0 && index < characters.count && ForeignPhrase.isWord(characters[index])
    }
    return !isWord(range.lowerBound - 1) && !isWord(range.upperBound)
  }
}
