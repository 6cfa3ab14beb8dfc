import AudiobookCore

/// What a book's chapters say about how it was read: numbers missing, repeated or out of
/// order, a numbering starting again with no part to explain it, chapters with no text, and
/// chapters far longer than the others (headings missed inside them). `plan` and `render`
/// print these as `file:line: warning: ...`.
public enum ChapterChecks {
  /// A chapter this many times the median length, and at least `longChapterWords` long, is
  /// far longer than the others.
  static let longChapterFactor = 3
  static let longChapterWords = 3_000

  /// The warnings for `book`, in reading order.
  public static func warnings(for book: Book) -> [String] {
    var found: [(line: Int, message: String)] = numbering(of: book.chapters)
    for chapter in book.chapters where chapter.paragraphs.isEmpty {
      found.append((chapter.sourceLine, "chapter \(chapter.number) (\(chapter.title)) has no text: a heading alone"))
    }
    let words = book.chapters.map(\.wordCount).sorted()
    if words.count >= 4 {
      let median = words[words.count / 2]
      for chapter in book.chapters
      where chapter.wordCount >= longChapterWords && chapter.wordCount > median * longChapterFactor {
        found.append(
          (
            chapter.sourceLine,
            "chapter \(chapter.number) (\(chapter.title)) has \(chapter.wordCount) words, "
              + "over \(longChapterFactor) times the median chapter's \(median): a heading missed inside it?"
          ))
      }
    }
    guard !found.isEmpty else { return [] }
    return found.sorted { $0.line < $1.line }.map { "\(book.sourceFile):\($0.line): warning: \($0.message)" }
      + [
        "\(book.sourceFile): note: to correct the chapters, `plan --chapters-out FILE` writes them to a file "
          + "to edit and give back with --chapters FILE; --skip N leaves chapter N out"
      ]
  }

  /// Numbered chapters run in sequences, one per part and label (`Letter 1..4`, then
  /// `Chapter 1..24`); within one, each number is one more than the last.
  private static func numbering(of chapters: [Chapter]) -> [(line: Int, message: String)] {
    var found: [(line: Int, message: String)] = []
    var last: (key: String, number: Int, chapter: Chapter)?
    for chapter in chapters {
      guard let heading = ChapterHeading.parse(chapter.title, bareNumeral: true, standsAlone: true),
        heading.kind == .chapter,
        let number = heading.number
      else { continue }
      let key = "\(chapter.part ?? "")\u{0}\(heading.label?.lowercased() ?? "")"
      defer { last = (key, number, chapter) }
      guard let previous = last, previous.key == key else { continue }
      let before = "'\(previous.chapter.title)' (line \(previous.chapter.sourceLine))"
      let this = "'\(chapter.title)'"
      if number == previous.number + 1 { continue }
      if number == previous.number {
        found.append((chapter.sourceLine, "\(this) repeats the number of \(before)"))
      } else if number == 1 {
        found.append(
          (chapter.sourceLine, "\(this) starts the numbering again after \(before), with no part heading between"))
      } else if number > previous.number {
        let missing =
          number == previous.number + 2 ? "number \(number - 1)" : "numbers \(previous.number + 1) to \(number - 1)"
        found.append((chapter.sourceLine, "\(this) comes after \(before): \(missing) missing"))
      } else {
        found.append((chapter.sourceLine, "\(this) is out of order: it comes after \(before)"))
      }
    }
    return found
  }
}
