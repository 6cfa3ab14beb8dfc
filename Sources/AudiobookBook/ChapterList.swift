import AudiobookCore

/// The chapters of a book as a user writes them down (`--chapters FILE`, `plan --chapters-out`):
/// one chapter per line, `LINE` or `LINE<TAB>TITLE`, LINE being the source line where the
/// chapter starts (its heading, as `plan` prints it). Blank lines and lines starting with `#`
/// are ignored.
public struct ChapterList: Sendable, Equatable {
  public struct Entry: Sendable, Equatable {
    /// The manuscript line the chapter starts on.
    public var line: Int
    /// The chapter's title, when the list gives one.
    public var title: String?
    /// The entry's own line in the list, for messages.
    public var listLine: Int
  }

  /// In manuscript order.
  public var entries: [Entry]
  /// The list's path as the user gave it, for messages.
  public var file: String

  /// The most a chapter list may hold: 1 MiB, far past a list of 10,000 chapters.
  static let maximumBytes = 1 << 20

  /// Reads the list at `path`.
  ///
  /// - Throws: `.missingInput` when it cannot be read; `.badInput` naming the list's line for
  ///   a line that is not `LINE` or `LINE<TAB>TITLE`, a line number given twice, or a list
  ///   with no chapter.
  public static func load(_ path: String) throws(AudiobookError) -> ChapterList {
    let bytes = try ManuscriptReader.readWhole(path, limit: maximumBytes, what: "chapter list")
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw AudiobookError(.badInput, "the chapter list is not UTF-8 text", file: path)
    }
    return try ChapterList(parsing: text, file: path)
  }

  public init(parsing text: String, file: String) throws(AudiobookError) {
    self.file = file
    var entries: [Entry] = []
    var seen: [Int: Int] = [:]
    let rows = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    for (index, row) in rows.enumerated() {
      let listLine = index + 1
      if row.allSatisfy(\.isWhitespace) || row.trimmingSpaces.hasPrefix("#") { continue }
      let fields = row.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
      guard let line = Int(fields[0].trimmingSpaces), line > 0 else {
        throw AudiobookError(
          .badInput,
          "'\(String(row).quotedForMessage)' is not LINE or LINE<TAB>TITLE (LINE a source line as `plan` prints it)",
          file: file, line: listLine)
      }
      if let earlier = seen[line] {
        throw AudiobookError(
          .badInput, "line \(line) is listed twice (here and on line \(earlier))", file: file, line: listLine)
      }
      seen[line] = listLine
      let title = fields.count == 2 ? BookBuilder.metadata(String(fields[1])) : nil
      entries.append(Entry(line: line, title: title, listLine: listLine))
    }
    guard !entries.isEmpty else {
      throw AudiobookError(
        .badInput, "the chapter list names no chapter (one LINE or LINE<TAB>TITLE a line)", file: file)
    }
    self.entries = entries.sorted { $0.line < $1.line }
  }

  /// The list of `book`'s chapters as read, each with its title, under a comment saying what
  /// the file is: edit a line and give it back with `--chapters`.
  public static func text(of book: Book) -> String {
    var text = """
      # Chapters of \(book.sourceFile.withoutControlCharacters), one a line: the source line where it starts,
      # a tab, its title. Edit, add or remove lines, then render with --chapters THIS-FILE.

      """
    for chapter in book.chapters { text += "\(chapter.sourceLine)\t\(chapter.title)\n" }
    return text
  }
}
