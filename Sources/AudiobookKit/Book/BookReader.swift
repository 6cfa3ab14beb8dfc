/// Reads a manuscript file into a `Book`: plain text or Markdown, by extension.
public enum BookReader {
  /// - Throws: `AudiobookError` with the exit status the failure deserves.
  public static func read(_ path: String) throws(AudiobookError) -> Book {
    let manuscript = try ManuscriptReader.read(path)
    switch manuscript.format {
    case .plainText: return try PlainTextParser.parse(manuscript)
    case .markdown: return try MarkdownParser.parse(manuscript)
    }
  }
}
