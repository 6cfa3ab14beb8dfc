/// Reads a plain-text manuscript: an optional title block, `Chapter ...` headings, paragraphs.
enum PlainTextParser {
  static func parse(_ manuscript: ManuscriptReader.Manuscript) throws(AudiobookError) -> Book {
    let gutenberg = GutenbergText.body(of: manuscript.lines)
    let body = gutenberg?.lines ?? manuscript.lines[...]
    var blocks = TextBlock.blocks(of: PrintMatter.withoutIllustrations(body), firstLine: body.startIndex + 1)
      .filter { !PrintMatter.isPageList($0) }
    var front = titleBlock(blocks)
    if front != nil { blocks.removeFirst() }
    if let gutenberg {
      if let title = gutenberg.title { front = (title, gutenberg.author ?? front?.author) }
      // Before the first heading a Project Gutenberg book has its title page, publisher and
      // dedication: print matter, not text to read.
      if let first = blocks.firstIndex(where: { ChapterHeading.parse($0.lines[0]) != nil }) {
        blocks.removeFirst(first)
      }
    }
    var builder = BookBuilder(sourceFile: manuscript.file)
    var index = 0
    while index < blocks.count {
      let block = blocks[index]
      index += 1
      let lines = block.lines.map(withoutItalicMarks)
      if isTableOfContents(lines) { continue }
      guard var heading = heading(opening: lines) else {
        builder.paragraph(lines: lines, line: block.firstLine)
        continue
      }
      var bodyStart = 1
      if heading.subtitle == nil {
        // `Chapter I.` with its title on the next line, in the same block or alone in the next.
        if lines.count == 2, let titled = heading.withSubtitle(lines[1]) {
          heading = titled
          bodyStart = 2
        } else if lines.count == 1, index < blocks.count, blocks[index].lines.count == 1,
          let titled = heading.withSubtitle(withoutItalicMarks(blocks[index].lines[0]))
        {
          heading = titled
          index += 1
        }
      }
      if heading.kind == .part {
        builder.partHeading(heading.title, line: block.firstLine)
      } else {
        builder.heading(heading.title, line: block.firstLine)
      }
      builder.paragraph(lines: Array(lines.dropFirst(bodyStart)), line: block.firstLine + bodyStart)
    }
    let title = front?.title ?? BookSlug.title(fromFileName: manuscript.file)
    return try builder.build(title: title, author: front?.author)
  }

  /// The heading a block opens with. A roman numeral alone (`IV`, `IV.`) is a heading only
  /// when it stands alone on its line, perhaps with a title below it.
  static func heading(opening lines: [String]) -> ChapterHeading? {
    let bareNumeral = lines.count == 1 || lines.count == 2 && ChapterHeading.isSubtitleLine(lines[1])
    return ChapterHeading.parse(lines[0], bareNumeral: bareNumeral)
  }

  /// A block of two or more lines that are all headings is a table of contents.
  static func isTableOfContents(_ lines: [String]) -> Bool {
    lines.count >= 2 && lines.allSatisfy { ChapterHeading.parse($0) != nil }
  }

  /// Plain-text books mark italics with underscores (`_Persuasion_`); they are not read.
  static func withoutItalicMarks(_ line: String) -> String {
    line.contains("_") ? line.replacingOccurrences(of: "_", with: "") : line
  }

  /// The book's title (and `by Author` line) when the manuscript opens with one: a short
  /// first block that is not a sentence and not a chapter heading.
  static func titleBlock(_ blocks: [TextBlock]) -> (title: String, author: String?)? {
    guard blocks.count > 1, let first = blocks.first, first.lines.count <= 2 else { return nil }
    let title = first.lines[0].trimmingSpaces
    guard title.count <= 100, ChapterHeading.parse(title) == nil,
      let last = title.last, !".,;:".contains(last)
    else { return nil }
    var author: String?
    if first.lines.count == 2 {
      let byline = first.lines[1].trimmingSpaces
      guard byline.lowercased().hasPrefix("by "), byline.count <= 100 else { return nil }
      author = String(byline.dropFirst(3)).trimmingSpaces
    }
    return (title, author)
  }
}
