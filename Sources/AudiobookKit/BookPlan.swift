import Foundation
import AudiobookCore
import AudiobookBook
import AudiobookText
import AudiobookAudio
import AudiobookSpeech

/// What `plan` shows: the chapters as they will be rendered, with an estimated duration,
/// computed without synthesizing anything.
public struct BookPlan: Codable, Sendable, Equatable {
  public var title: String
  public var author: String?
  /// Every metadata field the published files will carry but title and author, by its
  /// front-matter name (`narrator`, `series`, `cover`, ...); the narrator as it will be
  /// tagged, the voice when the book names none.
  public var metadata: [String: String]
  /// The render settings the book keeps (`BookSettings`), as written; a flag given to
  /// `render` wins over each.
  public var settings: [String: String]
  /// Where each metadata field and setting came from (`book.md:4`, `book.audiobook.yaml:2`, `--genre`);
  /// a field without one comes from the manuscript itself (the EPUB's package document, a Gutenberg header).
  public var origins: [String: String]
  /// The language whose rules read the book, as an ISO 639-1 code (`fr`); `en` when none was
  /// given and none could be told from the text (`origins["language"]` says so).
  public var language: String
  public var chapters: [Chapter]
  /// What the reader had to guess, and what the chapters' numbering and lengths say
  /// (`ChapterChecks`): `file:line: warning: ...` lines, as `plan` prints them on stderr.
  public var warnings: [String]

  public struct Chapter: Codable, Sendable, Equatable {
    public var number: Int
    public var title: String
    /// The part the chapter belongs to, when the book has parts.
    public var part: String?
    public var sourceLine: Int
    public var paragraphs: Int
    public var words: Int
    /// Whole seconds: speech at the preset's rate plus every pause the preset adds.
    public var estimatedSeconds: Int
  }

  /// Where the language of a book that names none and whose text does not tell comes from.
  public static let defaultLanguageOrigin = "default: none given, and the text does not tell"

  /// Plans `book` for `preset`.
  ///
  /// - Throws: `.badInput` naming file and line for text that cannot be spoken, as `render` would.
  public init(book: Book, preset: VoicePreset) throws(AudiobookError) {
    let splitter = SentenceSplitter(language: book.language)
    title = book.title
    author = book.author
    var shown = book.metadata
    shown.narrator = book.narrator ?? AudioTags.synthesizedNarrator(voice: preset.name)
    metadata = Dictionary(
      shown.listed.filter { $0.key != "title" && $0.key != "author" }.map { ($0.key, $0.value) },
      uniquingKeysWith: { first, _ in first })
    settings = book.settings.values.mapValues(\.value)
    origins = book.origins.merging(book.settings.values.mapValues(\.origin)) { first, _ in first }
    language = BookLanguage.primary(of: book.language) ?? "en"
    if book.language == nil { origins["language"] = Self.defaultLanguageOrigin }
    warnings = book.warnings
    var sentenceCounts: [Int] = []
    for chapter in book.chapters {
      var count = 0
      for paragraph in chapter.paragraphs {
        count += try SpeechScript.paragraph(
          paragraph.text, splitter: splitter, file: book.sourceFile, line: paragraph.sourceLine
        ).sentences.count
      }
      sentenceCounts.append(count)
    }
    chapters = zip(book.chapters, sentenceCounts).map { chapter, sentences in
      let titleWords = SpeechText.spokenTitle(of: chapter, language: book.language).joined(separator: " ").split(
        whereSeparator: \.isWhitespace
      )
      .count
      let pauses = preset.pauses
      let speech = Double(chapter.wordCount + titleWords) * 60 / Double(preset.engine.rate)
      let silenceMilliseconds =
        pauses.head + pauses.afterTitle + pauses.tail
        + max(0, sentences - chapter.paragraphs.count) * pauses.sentence
        + max(0, chapter.paragraphs.count - 1) * pauses.paragraph
      return Chapter(
        number: chapter.number, title: chapter.title, part: chapter.part, sourceLine: chapter.sourceLine,
        paragraphs: chapter.paragraphs.count, words: chapter.wordCount,
        estimatedSeconds: Int((speech + Double(silenceMilliseconds) / 1000).rounded()))
    }
  }

  /// Key-sorted pretty JSON with a final newline.
  public func encoded() throws -> [UInt8] {
    try StableJSON.encode(self)
  }
}
