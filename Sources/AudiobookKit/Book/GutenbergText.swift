/// Project Gutenberg's wrapping around a book: a licence header and footer outside the
/// `*** START OF ...` and `*** END OF ...` lines, and `Title:` / `Author:` in the header.
enum GutenbergText {
  struct Body {
    /// The book's own lines, between the markers.
    var lines: ArraySlice<String>
    var title: String?
    var author: String?
  }

  /// The text between the markers, with the header's title and author; nil when `lines` has
  /// no `*** START OF` marker.
  static func body(of lines: [String]) -> Body? {
    let marker = { (line: String, word: String) in
      line.utf8.contains(UInt8(ascii: "*")) && line.trimmingSpaces.uppercased().hasPrefix("*** \(word) OF")
    }
    guard let start = lines.firstIndex(where: { marker($0, "START") }) else { return nil }
    let end = lines[(start + 1)...].firstIndex(where: { marker($0, "END") }) ?? lines.endIndex
    var body = Body(lines: lines[(start + 1)..<end])
    for line in lines[..<start] {
      if line.hasPrefix("Title:") { body.title = String(line.dropFirst(6)).trimmingSpaces }
      if line.hasPrefix("Author:") { body.author = String(line.dropFirst(7)).trimmingSpaces }
    }
    return body
  }
}
