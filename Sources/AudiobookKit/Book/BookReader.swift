/// Reads a manuscript file into a `Book`: plain text or Markdown, by extension.
public enum BookReader {
  /// - Throws: `AudiobookError` with the exit status the failure deserves.
  public static func read(_ path: String, encoding: String? = nil) throws(AudiobookError) -> Book {
    let manuscript = try ManuscriptReader.read(path, encoding: encoding)
    var book: Book
    switch manuscript.format {
    case .plainText: book = try PlainTextParser.parse(manuscript)
    case .markdown: book = try MarkdownParser.parse(manuscript)
    }
    book.warnings = manuscript.warnings
    return book
  }
}
