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
  /// order and not overlapping.
  public static func ranges(of phrases: [ForeignPhrase], in text: String) -> [(range: Range<Int>, language: String)] {
    guard !phrases.isEmpty else { return [] }
    let characters = Array(text)
    var found: [(range: Range<Int>, language: String)] = []
    for phrase in phrases.sorted(by: { $0.text.count > $1.text.count }) {
      let needle = Array(phrase.text)
      guard !needle.isEmpty, needle.count <= characters.count else { continue }
      var start = 0
      while start + needle.count <= characters.count {
        let range = start..<start + needle.count
        if characters[range].elementsEqual(needle), isWordEdge(characters, range),
          !found.contains(where: { $0.range.overlaps(range) })
        {
          found.append((range, phrase.language))
          start = range.upperBound
        } else {
          start += 1
        }
      }
    }
    return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
  }

  private static func isWordEdge(_ characters: [Character], _ range: Range<Int>) -> Bool {
    func isWord(_ index: Int) -> Bool {
      index >= 0 && index < characters.count && (characters[index].isLetter || characters[index].isNumber)
    }
    return !isWord(range.lowerBound - 1) && !isWord(range.upperBound)
  }
}
