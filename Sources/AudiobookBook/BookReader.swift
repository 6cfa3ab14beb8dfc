import Foundation
import AudiobookCore

/// Reads a manuscript file into a `Book`: plain text, Markdown or EPUB, by extension.
public enum BookReader {
  /// - Parameters:
  ///   - encoding: the text's encoding when it is not UTF-8 (not used for EPUB, whose
  ///     documents declare theirs).
  ///   - includeFrontMatter: read an EPUB's cover, table of contents and copyright page.
  ///   - lexicon: a lexicon file (`--lexicon`) whose entries win over the book's own.
  ///   - chapters: a chapter list (`--chapters`, `ChapterList`) to cut the book by instead of
  ///     the headings found.
  ///   - language: the book's language (`--language`), winning over what the book says; without
  ///     it and without one in the book, the language the text is written in.
  /// - Throws: `AudiobookError` with the exit status the failure deserves.
  public static func read(
    _ path: String, encoding: String? = nil, includeFrontMatter: Bool = false, lexicon: String? = nil,
    chapters: String? = nil, language: String? = nil
  ) throws(AudiobookError) -> Book {
    var book: Book
    if (path as NSString).pathExtension.lowercased() == "epub" {
      book = try EpubParser.parse(path, includeFrontMatter: includeFrontMatter)
    } else {
      let manuscript = try ManuscriptReader.read(path, encoding: encoding)
      switch manuscript.format {
      case .plainText: book = try PlainTextParser.parse(manuscript)
      case .markdown: book = try MarkdownParser.parse(manuscript)
      }
      book.warnings = manuscript.warnings + book.warnings
    }
    // The settings file beside the manuscript wins over what the manuscript says.
    let settings = settingsFile(besides: path)
    var settingsLexicon: String?
    if FileKind(path: settings, followingLinks: true) != .missing {
      var front = try FrontMatter.load(settings)
      let folder = (path as NSString).deletingLastPathComponent
      front.metadata.cover = try front.loadCover(in: folder)
      book.apply(front.metadata)
      book.settings = book.settings.merging(front.settings)
      book.voice = front.voice ?? book.voice
      book.cast = book.cast.merging(front.cast)
      book.warnings += front.warnings
      settingsLexicon = try front.lexiconPath(in: folder)
    }
    book.resolveLanguage(given: language)
    // Lexicons, weakest first: the one beside the manuscript, the front matter's, the
    // settings file's, --lexicon.
    var merged = Lexicon.empty
    let beside = lexiconFile(besides: path)
    if FileManager.default.fileExists(atPath: beside) { merged = try Lexicon.load(beside) }
    merged = merged.merging(book.lexicon)
    if let settingsLexicon { merged = merged.merging(try Lexicon.load(settingsLexicon)) }
    if let lexicon { merged = merged.merging(try Lexicon.load(lexicon)) }
    book.lexicon = merged
    if let chapters { book = try book.cut(at: try ChapterList.load(chapters)) }
    book.warnings += ChapterChecks.warnings(for: book)
    return book
  }

  /// `novel.txt` → `novel.audiobook.yaml` in the same folder: the book's settings.
  public static func settingsFile(besides manuscript: String) -> String {
    (manuscript as NSString).deletingPathExtension + ".audiobook.yaml"
  }

  /// `novel.txt` → `novel.lexicon.yaml` in the same folder.
  public static func lexiconFile(besides manuscript: String) -> String {
    (manuscript as NSString).deletingPathExtension + ".lexicon.yaml"
  }
}
