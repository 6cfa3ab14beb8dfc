import AudiobookCore
import Yams

/// Lexicon entries that name a language instead of a pronunciation: `Valérie: { language: fr }`
/// keeps the words as written, to be read in that language's voice (`ForeignPhrase`).
extension Lexicon {
  /// The language of an entry written `{ language: fr }`; nil for any other value.
  static func language(in value: Node, word: String, file: String, line: Int) throws(AudiobookError)
    -> String?
  {
    guard let mapping = value.mapping else { return nil }
    guard mapping.count == 1, let key = mapping.first?.key.string, key == "language",
      let tag = mapping.first?.value.scalar?.string.trimmingSpaces, BookLanguage.isTag(tag)
    else {
      throw AudiobookError(
        .badInput, "'\(word.quotedForMessage)': a mapping here is { language: TAG } (a BCP 47 tag such as fr)",
        file: file, line: line)
    }
    return tag
  }

  /// The words to be read in another language's voice, with the language.
  public var foreignPhrases: [ForeignPhrase] {
    entries.compactMap { entry in
      guard case .language(let language) = entry.spoken else { return nil }
      return ForeignPhrase(text: entry.word, language: language, file: entry.file, line: entry.line)
    }
  }
}
