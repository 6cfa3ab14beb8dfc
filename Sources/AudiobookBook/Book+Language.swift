import AudiobookCore

extension Book {
  /// Where a language found by reading the text is said to come from (`plan`, `origins`).
  package static let detectedLanguageOrigin = "detected from the text"

  /// Sets the book's language: `given` (`--language`) wins; else the language the book says
  /// (settings file, front matter, EPUB, Gutenberg header) stays; else the one its paragraphs
  /// are written in, when `LanguageDetector` is sure of it. A book it is not sure of keeps no
  /// language and is read as English.
  package mutating func resolveLanguage(given: String?) {
    if let given {
      language = given
      origins["language"] = "--language"
    } else if language == nil,
      let found = LanguageDetector.detect(chapters.flatMap { $0.paragraphs.map(\.text) })
    {
      language = found
      origins["language"] = Self.detectedLanguageOrigin
    }
  }
}
