import Foundation

/// Reads a manuscript file into a `Book`: plain text or Markdown, by extension.
public enum BookReader {
  /// - Parameter lexicon: a lexicon file (`--lexicon`) whose entries win over the book's own.
  /// - Throws: `AudiobookError` with the exit status the failure deserves.
  public static func read(_ path: String, encoding: String? = nil, lexicon: String? = nil) throws(AudiobookError)
    -> Book
  {
    let manuscript = try ManuscriptReader.read(path, encoding: encoding)
    var book: Book
    switch manuscript.format {
    case .plainText: book = try PlainTextParser.parse(manuscript)
    case .markdown: book = try MarkdownParser.parse(manuscript)
    }
    book.warnings = manuscript.warnings
    // Lexicons, weakest first: the one beside the manuscript, the front matter's, --lexicon.
    var merged = Lexicon.empty
    let beside = lexiconFile(besides: path)
    if FileManager.default.fileExists(atPath: beside) { merged = try Lexicon.load(beside) }
    merged = merged.merging(book.lexicon)
    if let lexicon { merged = merged.merging(try Lexicon.load(lexicon)) }
    book.lexicon = merged
    return book
  }

  /// `novel.txt` → `novel.lexicon.yaml` in the same folder.
  public static func lexiconFile(besides manuscript: String) -> String {
    (manuscript as NSString).deletingPathExtension + ".lexicon.yaml"
  }
}
