import AudiobookCore

/// Project Gutenberg's wrapping around a book: a licence header and footer outside the
/// `*** START OF ...` and `*** END OF ...` lines, and `Title:`, `Author:` and `Language:` in the header.
enum GutenbergText {
  struct Body {
    /// The book's own lines, between the markers.
    package var lines: ArraySlice<String>
    package var title: String?
    package var author: String?
    /// The header's `Language:` as a BCP 47 tag, when it is one of the languages named in `languages`.
    package var language: String?
  }

  /// The languages Project Gutenberg's headers name most, by their tags.
  static let languages = [
    "english": "en", "french": "fr", "german": "de", "spanish": "es", "italian": "it", "portuguese": "pt",
    "dutch": "nl", "finnish": "fi", "swedish": "sv", "danish": "da", "norwegian": "no", "latin": "la",
    "esperanto": "eo", "polish": "pl", "russian": "ru", "greek": "el", "hungarian": "hu", "czech": "cs",
    "chinese": "zh", "japanese": "ja", "catalan": "ca", "welsh": "cy", "irish": "ga", "tagalog": "tl",
  ]

  /// The text between the markers, with the header's title and author; nil when `lines` has
  /// no start marker.
  ///
  /// The markers are written in several ways over the years: `*** START OF THE PROJECT
  /// GUTENBERG EBOOK X ***`, `***START OF THE ...***`, `*** START OF THIS PROJECT GUTENBERG
  /// EBOOK X ***`; the oldest texts end their header with `*END*THE SMALL PRINT! ...*END*`
  /// instead. The `End of the Project Gutenberg EBook of X` paragraph that older texts print
  /// just before the end marker is not part of the book either.
  package static func body(of lines: [String]) -> Body? {
    guard let start = lines.firstIndex(where: { isMarker($0, "START") || isEndOfSmallPrint($0) }) else {
      return nil
    }
    var end = lines[(start + 1)...].firstIndex(where: { isMarker($0, "END") }) ?? lines.endIndex
    end = withoutClosingLine(lines[(start + 1)..<end]).endIndex
    var body = Body(lines: lines[(start + 1)..<end])
    for line in lines[..<start] {
      if line.hasPrefix("Title:") { body.title = String(line.dropFirst(6)).trimmingSpaces }
      if line.hasPrefix("Author:") { body.author = String(line.dropFirst(7)).trimmingSpaces }
      if line.hasPrefix("Language:") {
        body.language = languages[String(line.dropFirst(9)).trimmingSpaces.lowercased()]
      }
    }
    return body
  }

  /// `*** START OF ...` / `***END OF ...`: three or more asterisks, then `word OF`.
  static func isMarker(_ line: String, _ word: String) -> Bool {
    // Scanning bytes first: this runs on every line of a book.
    guard line.utf8.contains(UInt8(ascii: "*")) else { return false }
    let trimmed = line.trimmingSpaces
    guard trimmed.hasPrefix("***") else { return false }
    let rest = trimmed.drop { $0 == "*" }.trimmingSpaces.uppercased()
    return rest.hasPrefix("\(word) OF")
  }

  /// `*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*`: the last line of the
  /// oldest texts' licence header.
  static func isEndOfSmallPrint(_ line: String) -> Bool {
    guard line.utf8.contains(UInt8(ascii: "*")) else { return false }
    let upper = line.trimmingSpaces.uppercased()
    return upper.hasPrefix("*END*") && upper.contains("SMALL PRINT")
  }

  /// `lines` without a final `End of the Project Gutenberg EBook of X` /
  /// `End of Project Gutenberg's X` paragraph (and the blank lines around it).
  static func withoutClosingLine(_ lines: ArraySlice<String>) -> ArraySlice<String> {
    var end = lines.endIndex
    while end > lines.startIndex, lines[end - 1].allSatisfy(\.isWhitespace) { end -= 1 }
    var start = end
    while start > lines.startIndex, !lines[start - 1].allSatisfy(\.isWhitespace) { start -= 1 }
    guard start < end else { return lines }
    let first = lines[start].trimmingSpaces.lowercased()
    guard first.hasPrefix("end of the project gutenberg") || first.hasPrefix("end of project gutenberg") else {
      return lines
    }
    return lines[..<start]
  }
}
