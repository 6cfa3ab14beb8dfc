import Foundation
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

  /// The name of `speaker`'s voice saying words of `language`: `narrator (fr)`.
  public static func voice(_ speaker: String, speaking language: String) -> String { "\(speaker) (\(language))" }

  /// `narrator (fr)` → `narrator` and `fr`; any other voice name → itself and nil.
  public static func speakerAndLanguage(of voice: String) -> (speaker: String, language: String?) {
    guard voice.hasSuffix(")"), let open = voice.range(of: " (", options: .backwards),
      open.lowerBound > voice.startIndex
    else { return (voice, nil) }
    let tag = String(voice[open.upperBound..<voice.index(before: voice.endIndex)])
    guard BookLanguage.isTag(tag) else { return (voice, nil) }
    return (String(voice[..<open.lowerBound]), tag)
  }

  /// The longest phrase kept: a sentence or two; a longer passage is its paragraph's business.
  public static let maximumLength = 400

  /// Where `phrases` stand in `text`, as character offsets, each with its language: whole
  /// words only (`Jean` not in `Jeanne`), the longest phrase first where two start alike, in
  /// order and not overlapping. For many texts, make an `Index` once.
  public static func ranges(of phrases: [ForeignPhrase], in text: String) -> [(range: Range<Int>, language: String)] {
    phrases.isEmpty ? [] : Index(phrases).ranges(in: text)
  }

  /// The phrases as a tree of their tokens (words and what lies between them), so that a text
  /// is walked once, each step one lookup, however many phrases there are and however alike.
  public struct Index: Sendable {
    private struct Node: Sendable {
      var children: [Int: Int] = [:]
      var language: String?
    }

    /// Token texts by their number in the tree; a text's token not here ends a walk at once.
    private var tokenNumbers: [String: Int] = [:]
    private var nodes = [Node()]
    public var isEmpty: Bool { nodes.count == 1 }

    public init(_ phrases: [ForeignPhrase]) {
      for phrase in phrases {
        var tokens = Index.tokens(Array(phrase.text))
        // From the first word to the last: `Valérie,` is marked as `Valérie`.
        while let last = tokens.last, !last.isWord { tokens.removeLast() }
        guard let first = tokens.first, first.isWord else { continue }
        var node = 0
        for token in tokens {
          let number = tokenNumbers[token.text] ?? tokenNumbers.count
          tokenNumbers[token.text] = number
          if let next = nodes[node].children[number] {
            node = next
          } else {
            nodes.append(Node())
            nodes[node].children[number] = nodes.count - 1
            node = nodes.count - 1
          }
        }
        // The first mark of a phrase wins.
        if nodes[node].language == nil { nodes[node].language = phrase.language }
      }
    }

    /// Where the phrases stand in `text` (character offsets), the longest at each place, in
    /// order and not overlapping.
    public func ranges(in text: String) -> [(range: Range<Int>, language: String)] {
      guard !isEmpty else { return [] }
      let tokens = Index.tokens(Array(text))
      let numbers = tokens.map { tokenNumbers[$0.text] ?? -1 }
      var found: [(range: Range<Int>, language: String)] = []
      var index = 0
      while index < tokens.count {
        guard tokens[index].isWord, numbers[index] >= 0 else {
          index += 1
          continue
        }
        var (node, next) = (0, index)
        var longest: (last: Int, language: String)?
        while next < tokens.count, let child = nodes[node].children[numbers[next]] {
          node = child
          if let language = nodes[node].language { longest = (next, language) }
          next += 1
        }
        if let longest {
          found.append((tokens[index].range.lowerBound..<tokens[longest.last].range.upperBound, longest.language))
          index = longest.last + 1
        } else {
          index += 1
        }
      }
      return found
    }

    /// `characters` as maximal runs of word characters and of the others between them.
    static func tokens(_ characters: [Character]) -> [(text: String, range: Range<Int>, isWord: Bool)] {
      var tokens: [(text: String, range: Range<Int>, isWord: Bool)] = []
      var start = 0
      while start < characters.count {
        let isWord = ForeignPhrase.isWord(characters[start])
        var end = start + 1
        while end < characters.count, ForeignPhrase.isWord(characters[end]) == isWord { end += 1 }
        tokens.append((String(characters[start..<end]), start..<end, isWord))
        start = end
      }
      return tokens
    }
  }

  static func isWord(_ character: Character) -> Bool { character.isLetter || character.isNumber }
}
