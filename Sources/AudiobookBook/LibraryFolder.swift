import Foundation

/// Where a book goes in a library laid out as Audiobookshelf's scanner reads one
/// (`render --library DIR`): `Author/Series/Book 2 - Title/`, or `Author/Title/` outside a
/// series. The scanner takes the author from the first folder, the series from the second,
/// and the position from a `Book N - ` before the title.
///
/// Every part comes from the book's metadata, which is untrusted: characters unsafe in file
/// names (on Linux, Windows or macOS) and control characters are removed, leading dots go
/// (no hidden folder, no `..`), and each part is cut to 120 bytes at a character boundary.
public enum LibraryFolder {
  /// The folders above the book's own: `[author]` or `[author, series]`.
  public static func parents(of book: Book) -> [String] {
    let author = name(book.author ?? "", fallback: "Unknown Author")
    guard let series = book.series.map({ name($0, fallback: "") }), !series.isEmpty else { return [author] }
    return [author, series]
  }

  /// The book's own folder: `Book 2 - Title` in a series with a numeric position, else `Title`.
  public static func title(of book: Book) -> String {
    let title = name(book.title, fallback: "Untitled")
    guard book.series != nil, let position = book.seriesPosition, isPosition(position) else { return title }
    return name("Book \(position) - \(title)", fallback: title)
  }

  /// `2` or `2.5`: a position the scanner reads from a folder name (three digits, two decimals).
  static func isPosition(_ text: String) -> Bool {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), (1...3).contains(parts[0].count) else { return false }
    guard parts.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }) else { return false }
    return parts.count == 1 || (1...2).contains(parts[1].count)
  }

  /// `text` as one folder name, or `fallback` when nothing is left of it.
  static func name(_ text: String, fallback: String) -> String {
    let unsafe = CharacterSet(charactersIn: "/\\:*?\"<>|").union(.controlCharacters)
      .subtracting(CharacterSet(charactersIn: "\u{200C}\u{200D}"))
    let cleaned = String(String.UnicodeScalarView(text.unicodeScalars.filter { !unsafe.contains($0) }))
      .split(whereSeparator: \.isWhitespace).joined(separator: " ")
      .trimmingCharacters(in: CharacterSet(charactersIn: ". "))
    let cut = BookSlug.prefix(of: cleaned, bytes: 120).trimmingCharacters(in: CharacterSet(charactersIn: ". "))
    return cut.isEmpty ? fallback : cut
  }
}
