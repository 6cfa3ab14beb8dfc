import AudiobookCore

extension Book {
  /// The longest paragraph taken as a heading when a chapter list cuts at it without a title.
  static let maximumHeadingLength = 120

  /// The book cut into the chapters `list` names, exactly at its lines, in reading order.
  ///
  /// A list line is where a chapter starts:
  /// - a chapter's line as `plan` prints it: that chapter's heading opens it;
  /// - the first line of a paragraph: the paragraph is the heading (a heading the reader took
  ///   for text, such as `CHAPTER 42. The Whiteness of the Whale.`) when the list gives no
  ///   title, or when it reads as a heading or says the title given; otherwise it is the
  ///   chapter's first paragraph.
  ///
  /// A title in the list wins over the book's. Headings the list leaves out are not read, and
  /// their text joins the chapter before; text before the first line listed is an opening
  /// chapter named after the book, so no word is lost. Parts follow the lines they fall in.
  ///
  /// - Throws: `.badInput` naming the list's line when a line is neither a chapter's nor a
  ///   paragraph's first line, or starts a paragraph too long to be a heading with no title.
  public func cut(at list: ChapterList) throws(AudiobookError) -> Book {
    var cuts: [Int: ChapterList.Entry] = [:]
    for entry in list.entries { cuts[entry.line] = entry }
    var starts = Set(list.entries.map(\.line))
    var chapters: [Chapter] = []
    let builder = ChapterCutter(bookTitle: title)
    for chapter in self.chapters {
      if let entry = cuts[chapter.sourceLine] {
        starts.remove(entry.line)
        builder.start(
          title: entry.title ?? chapter.title, line: entry.line, part: chapter.part, into: &chapters)
      }
      for paragraph in chapter.paragraphs {
        guard paragraph.sourceLine != chapter.sourceLine, let entry = cuts[paragraph.sourceLine] else {
          builder.add(paragraph, part: chapter.part, into: &chapters)
          continue
        }
        starts.remove(entry.line)
        if let title = try Self.heading(paragraph, entry: entry, list: list) {
          builder.start(title: title, line: entry.line, part: chapter.part, into: &chapters)
        } else {
          builder.start(title: entry.title ?? "", line: entry.line, part: chapter.part, into: &chapters)
          builder.add(paragraph, part: chapter.part, into: &chapters)
        }
      }
    }
    if let entry = list.entries.first(where: { starts.contains($0.line) }) {
      throw AudiobookError(
        .badInput, "line \(entry.line) \(whereIs(line: entry.line))", file: list.file, line: entry.listLine)
    }
    guard chapters.contains(where: { !$0.paragraphs.isEmpty }) else {
      throw AudiobookError(
        .badInput, "the chapter list takes every paragraph for a heading: no text is left", file: list.file)
    }
    var book = self
    book.chapters = chapters
    return book
  }

  /// The title a paragraph the list cuts at gives its chapter, when the paragraph is the
  /// heading; nil when it is the chapter's first paragraph.
  private static func heading(
    _ paragraph: Paragraph, entry: ChapterList.Entry, list: ChapterList
  ) throws(AudiobookError) -> String? {
    let text = paragraph.text
    guard let title = entry.title else {
      guard text.count <= maximumHeadingLength else {
        throw AudiobookError(
          .badInput,
          "line \(entry.line) starts a paragraph of \(text.count) characters, too long for a heading: "
            + "give the chapter's title after a tab (LINE<TAB>TITLE)",
          file: list.file, line: entry.listLine)
      }
      let parsed = ChapterHeading.parse(text, bareNumeral: true, standsAlone: true)
      let written = TitleCase.fromCapitals(text.hasSuffix(".") ? String(text.dropLast()) : text)
      return BookBuilder.metadata(parsed?.title ?? written) ?? text
    }
    let letters = { (text: String) in String(text.lowercased().filter { $0.isLetter || $0.isNumber }) }
    let isHeading =
      ChapterHeading.parse(text, bareNumeral: true, standsAlone: true) != nil || letters(text) == letters(title)
    return isHeading ? title : nil
  }

  /// Why a line cannot start a chapter: inside which paragraph it falls, or the nearest place
  /// that could.
  private func whereIs(line: Int) -> String {
    let paragraphs = chapters.flatMap(\.paragraphs)
    if let inside = paragraphs.first(where: { ($0.sourceLine...$0.lastLine).contains(line) }) {
      return "is inside the paragraph on lines \(inside.sourceLine)-\(inside.lastLine): "
        + "a chapter starts on a heading's line or a paragraph's first line"
    }
    let starts = chapters.map(\.sourceLine) + paragraphs.map(\.sourceLine)
    let nearest = starts.min { abs($0 - line) < abs($1 - line) }
    return "is neither a heading nor the start of a paragraph (not read: blank, a table of contents or print matter)"
      + (nearest.map { "; the nearest that is: line \($0)" } ?? "")
  }

  /// The book without the chapters numbered `numbers` (as `plan` prints them), the others
  /// numbered again from 1.
  ///
  /// - Throws: `.usage` for a number that is no chapter's, or when nothing would be left.
  public func skipping(_ numbers: [Int]) throws(AudiobookError) -> Book {
    guard !numbers.isEmpty else { return self }
    for number in numbers where !chapters.contains(where: { $0.number == number }) {
      throw AudiobookError(
        .usage, "--skip \(number): there is no chapter \(number); the book has chapters 1 to \(chapters.count)",
        file: sourceFile)
    }
    var book = self
    book.chapters = chapters.filter { !numbers.contains($0.number) }
    guard !book.chapters.isEmpty else {
      throw AudiobookError(.usage, "--skip leaves no chapter to read", file: sourceFile)
    }
    for index in book.chapters.indices { book.chapters[index].number = index + 1 }
    return book
  }
}

/// Builds the chapters of `Book.cut(at:)`: paragraphs numbered within their chapter, parts
/// opened by their first chapter.
private struct ChapterCutter {
  let bookTitle: String

  func start(title: String, line: Int, part: String?, into chapters: inout [Chapter]) {
    var chapter = Chapter(
      number: chapters.count + 1, title: title.isEmpty ? bookTitle : title, sourceLine: line, paragraphs: [],
      part: part)
    chapter.opensPart = part != nil && chapters.last?.part != part && title != part
    chapters.append(chapter)
  }

  func add(_ paragraph: Paragraph, part: String?, into chapters: inout [Chapter]) {
    if chapters.isEmpty { start(title: "", line: paragraph.sourceLine, part: part, into: &chapters) }
    var paragraph = paragraph
    paragraph.number = chapters[chapters.count - 1].paragraphs.count + 1
    chapters[chapters.count - 1].paragraphs.append(paragraph)
  }
}
