import Foundation

/// Reads a manuscript file into a `Book`: plain text, Markdown or EPUB, by extension.
public enum BookReader {
  /// - Parameters:
  ///   - encoding: the text's encoding when it is not UTF-8 (not used for EPUB, whose
  ///     documents declare theirs).
  ///   - includeFrontMatter: read an EPUB's cover, table of contents and copyright page.
  /// - Throws: `AudiobookError` with the exit status the failure deserves.
  public static func read(
    _ path: String, encoding: String? = nil, includeFrontMatter: Bool = false
  ) throws(AudiobookError) -> Book {
    if (path as NSString).pathExtension.lowercased() == "epub" {
      return try EpubParser.parse(path, includeFrontMatter: includeFrontMatter)
    }
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
