import AudiobookCore

/// A place in a book as a listener asks for it: a paragraph by chapter and number (as `plan`
/// numbers them), the paragraph holding a source line (as an editor knows it), or a chapter.
public enum BookAddress: Sendable, Equatable {
  case paragraph(chapter: Int, paragraph: Int)
  case line(Int)
  case chapter(Int)

  /// What an address picks out of a book.
  public enum Selection: Sendable, Equatable {
    case paragraph(Chapter, Paragraph)
    case chapter(Chapter)
  }

  /// `C:P`, both from 1.
  public init?(paragraph text: String) {
    let parts = text.split(separator: ":")
    guard parts.count == 2, let chapter = Int(parts[0]), let paragraph = Int(parts[1]) else { return nil }
    self = .paragraph(chapter: chapter, paragraph: paragraph)
  }

  /// The chapter or paragraph this address names in `book`.
  ///
  /// - Throws: `.usage` naming the valid range when there is no such place.
  public func select(in book: Book) throws(AudiobookError) -> Selection {
    let chapters = book.chapters
    func chapter(_ number: Int) throws(AudiobookError) -> Chapter {
      guard let found = chapters.first(where: { $0.number == number }) else {
        throw AudiobookError(
          .usage, "there is no chapter \(number): the book has chapters 1 to \(chapters.count)", file: book.sourceFile)
      }
      return found
    }
    switch self {
    case .chapter(let number):
      return .chapter(try chapter(number))
    case .paragraph(let chapterNumber, let number):
      let found = try chapter(chapterNumber)
      guard let paragraph = found.paragraphs.first(where: { $0.number == number }) else {
        throw AudiobookError(
          .usage,
          "there is no paragraph \(chapterNumber):\(number): chapter \(chapterNumber) has paragraphs 1 to \(found.paragraphs.count)",
          file: book.sourceFile)
      }
      return .paragraph(found, paragraph)
    case .line(let line):
      for chapter in chapters {
        if let paragraph = chapter.paragraphs.first(where: { ($0.sourceLine...$0.lastLine).contains(line) }) {
          return .paragraph(chapter, paragraph)
        }
      }
      let all = chapters.flatMap(\.paragraphs)
      let range =
        all.isEmpty ? "" : ": paragraphs run from line \(all[0].sourceLine) to line \(all[all.count - 1].lastLine)"
      let nearest = all.min { abs($0.sourceLine - line) < abs($1.sourceLine - line) }
      let hint = nearest.map { "; the nearest paragraph starts on line \($0.sourceLine)" } ?? ""
      throw AudiobookError(.usage, "line \(line) is not inside a paragraph\(range)\(hint)", file: book.sourceFile)
    }
  }
}
