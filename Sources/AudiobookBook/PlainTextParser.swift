import AudiobookCore

/// Reads a plain-text manuscript: an optional title block, `Chapter ...` headings, paragraphs.
enum PlainTextParser {
  /// A block read as part of the book's outline: a heading, a paragraph, or a table of
  /// contents that is not read aloud.
  struct Item {
    enum Kind {
      case paragraph
      case heading(ChapterHeading)
      /// `CONTENTS`, `Table of Contents`.
      case contentsHeading
      /// A block of two or more lines that are all headings.
      case contentsEntries([ChapterHeading])
    }

    package var kind: Kind
    /// The lines, italic marks taken out.
    package var lines: [String]
    package var line: Int
    var lastLine: Int

    package var heading: ChapterHeading? {
      if case .heading(let heading) = kind { return heading }
      return nil
    }
  }

  package static func parse(_ manuscript: ManuscriptReader.Manuscript) throws(AudiobookError) -> Book {
    let gutenberg = GutenbergText.body(of: manuscript.lines)
    let body = gutenberg?.lines ?? manuscript.lines[...]
    var blocks = TextBlock.blocks(of: PrintMatter.cleaned(body), firstLine: body.startIndex + 1)
      .filter { !PrintMatter.isPageList($0) }
    blocks = withoutColophon(withoutTranscriberNotes(blocks))
    var front = titleBlock(blocks)
    if front != nil { blocks.removeFirst() }
    if let gutenberg {
      if let title = gutenberg.title { front = (title, gutenberg.author ?? front?.author) }
      // Before the first heading (or table of contents) a Project Gutenberg book has its title
      // page, publisher and dedication: print matter, not text to read.
      if let first = blocks.firstIndex(where: {
        ChapterHeading.parse($0.lines[0]) != nil || PrintMatter.isContentsHeading($0)
      }) {
        blocks.removeFirst(first)
      }
    }
    let items = withGroupingHeadings(withMissingHeadings(TableOfContents.withoutEntries(outline(blocks))))
    var builder = BookBuilder(sourceFile: manuscript.file)
    for item in items {
      switch item.kind {
      case .heading(let heading) where heading.kind == .part: builder.partHeading(heading.title, line: item.line)
      case .heading(let heading): builder.heading(heading.title, line: item.line)
      case .paragraph: builder.paragraph(lines: item.lines, line: item.line, lastLine: item.lastLine)
      case .contentsHeading, .contentsEntries: continue
      }
    }
    let title = front?.title ?? BookSlug.title(fromFileName: manuscript.file)
    var book = try builder.build(title: title, author: front?.author)
    book.language = gutenberg?.language
    return book
  }

  /// The blocks as headings and paragraphs, in reading order.
  static func outline(_ blocks: [TextBlock]) -> [Item] {
    var items: [Item] = []
    var lastChapterNumber = 0
    var index = 0
    let lineHeadings = Set(
      blocks.lazy.filter { $0.lines.count == 1 }.compactMap { heading(opening: [withoutItalicMarks($0.lines[0])]) }
        .map(headingKey))
    while index < blocks.count {
      let block = blocks[index]
      index += 1
      let lines = block.lines.map(withoutItalicMarks)
      if PrintMatter.isContentsHeading(block) {
        items.append(Item(kind: .contentsHeading, lines: lines, line: block.firstLine, lastLine: block.lastLine))
        continue
      }
      if let wrapped = wrappedHeading(lines, among: lineHeadings) {
        items.append(Item(kind: .heading(wrapped), lines: [], line: block.firstLine, lastLine: block.lastLine))
        continue
      }
      if let entries = tableOfContents(lines) {
        items.append(
          Item(kind: .contentsEntries(entries), lines: lines, line: block.firstLine, lastLine: block.lastLine))
        continue
      }
      guard var heading = heading(opening: lines),
        heading.label != nil
          || isNumeralHeading(
            heading, before: blocks[index...], after: lastChapterNumber, followsHeading: items.last?.heading != nil)
      else {
        items.append(Item(kind: .paragraph, lines: lines, line: block.firstLine, lastLine: block.lastLine))
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
      if heading.kind == .chapter, let number = heading.number { lastChapterNumber = number }
      items.append(Item(kind: .heading(heading), lines: [], line: block.firstLine, lastLine: block.firstLine))
      if bodyStart < lines.count {
        items.append(
          Item(
            kind: .paragraph, lines: Array(lines[bodyStart...]), line: block.firstLine + bodyStart,
            lastLine: block.lastLine))
      }
    }
    return items
  }

  /// A heading wrapped onto a second line, as tables of contents print long titles
  /// (`CHAPTER 56. Of the Less Erroneous Pictures of Whales, and the True` / `Pictures of
  /// Whaling Scenes.`): the two lines joined, when the book has the same heading on one line.
  static func wrappedHeading(_ lines: [String], among lineHeadings: Set<String>) -> ChapterHeading? {
    guard lines.count == 2, ChapterHeading.parse(lines[0])?.subtitle != nil,
      let joined = ChapterHeading.parse(lines[0].trimmingSpaces + " " + lines[1].trimmingSpaces, standsAlone: true),
      lineHeadings.contains(headingKey(joined))
    else { return nil }
    return joined
  }

  /// A heading's title for finding it again: letters and digits, lowercased.
  static func headingKey(_ heading: ChapterHeading) -> String {
    String(heading.title.lowercased().filter { $0.isLetter || $0.isNumber })
  }

  /// The heading a block opens with. A roman numeral alone (`IV`, `IV.`) is a heading only
  /// when it stands alone on its line, perhaps with a title below it.
  package static func heading(opening lines: [String]) -> ChapterHeading? {
    let bareNumeral = lines.count == 1 || lines.count == 2 && ChapterHeading.isSubtitleLine(lines[1])
    return ChapterHeading.parse(lines[0], bareNumeral: bareNumeral, standsAlone: lines.count == 1)
  }

  /// Whether a roman numeral standing alone (`heading`, with no `Chapter` before it) is a
  /// chapter heading rather than a letter or a word set apart (`C.`, `I`):
  ///
  /// - the next block does not go on in lowercase (`I` then `am here.` is a sentence);
  /// - a numeral of one letter with no title on its line must fit the numbering: one more than
  ///   the chapter before it, or one less than the next numeral alone (`I` is a heading when
  ///   `II` follows), or `I` right under another heading (a story's first section).
  ///
  /// - Parameters:
  ///   - following: the blocks after the numeral's.
  ///   - lastChapterNumber: the number of the chapter before it, 0 when there is none.
  ///   - followsHeading: whether the block before the numeral's is a heading.
  static func isNumeralHeading(
    _ heading: ChapterHeading, before following: ArraySlice<TextBlock>, after lastChapterNumber: Int,
    followsHeading: Bool
  ) -> Bool {
    guard heading.label == nil, let number = heading.number else { return true }
    if let next = following.first?.lines[0].first(where: { !$0.isWhitespace && $0 != "_" }), next.isLowercase {
      return false
    }
    guard heading.subtitle == nil, heading.title.count == 1 else { return true }
    if number > 1 && number == lastChapterNumber + 1 || number == 1 && followsHeading { return true }
    for block in following.prefix(2000) {
      guard let next = self.heading(opening: block.lines.map(withoutItalicMarks)), next.kind == .chapter else {
        continue
      }
      // A `Chapter 2` before any numeral alone: this one is not part of a sequence of numerals.
      guard next.label == nil else { return false }
      return next.number == number + 1
    }
    return false
  }

  /// The entries of a block of two or more lines that are all headings (a table of
  /// contents), or nil.
  static func tableOfContents(_ lines: [String]) -> [ChapterHeading]? {
    guard lines.count >= 2 else { return nil }
    var entries: [ChapterHeading] = []
    for line in lines {
      guard let entry = ChapterHeading.parse(line) else { return nil }
      entries.append(entry)
    }
    return entries
  }

  /// Plain-text books mark italics with underscores (`_Persuasion_`); they are not read.
  static func withoutItalicMarks(_ line: String) -> String {
    line.contains("_") ? line.replacingOccurrences(of: "_", with: "") : line
  }

  /// `blocks` without transcriber's notes. A block opening with `Transcriber's Note: ...` (the
  /// note's text on the heading's line) is the whole note. A heading alone
  /// (`Transcriber's Notes:`) is followed by the note's text: the next block, and each block
  /// after it up to the next chapter heading or table of contents, the next gap of two or more
  /// blank lines (how Project Gutenberg sets sections apart), or the end of the text.
  static func withoutTranscriberNotes(_ blocks: [TextBlock]) -> [TextBlock] {
    // Few books have a note: pass the others through untouched.
    guard blocks.contains(where: { PrintMatter.transcriberNote(opening: $0.lines[0]) != nil }) else { return blocks }
    var result: [TextBlock] = []
    var index = 0
    while index < blocks.count {
      let block = blocks[index]
      index += 1
      guard let opening = PrintMatter.transcriberNote(opening: block.lines[0]) else {
        result.append(block)
        continue
      }
      guard opening == .heading, block.lines.count == 1 else { continue }
      var previous = block
      var taken = 0
      while index < blocks.count {
        let next = blocks[index]
        if ChapterHeading.parse(next.lines[0]) != nil || PrintMatter.isContentsHeading(next) { break }
        // Past the note's first paragraph, two or more blank lines end the note.
        if taken > 0 && next.firstLine - previous.lastLine > 2 { break }
        previous = next
        taken += 1
        index += 1
      }
    }
    return result
  }

  /// `blocks` without a printer's colophon at the end (`CHISWICK PRESS:--CHARLES WHITTINGHAM
  /// AND CO.`): the last blocks, when they are in capitals and name a press or printer.
  static func withoutColophon(_ blocks: [TextBlock]) -> [TextBlock] {
    var end = blocks.endIndex
    while end > 1, PrintMatter.isColophon(blocks[end - 1]) { end -= 1 }
    return Array(blocks[..<end])
  }

  /// The book's title (and `by Author` line) when the manuscript opens with one: a short
  /// first block that is not a sentence and not a chapter heading. A line of speech (opening
  /// with a quotation mark or a dash) or of more than one sentence ("Hello there. How are
  /// you?") is the story's first paragraph, not its title.
  static func titleBlock(_ blocks: [TextBlock]) -> (title: String, author: String?)? {
    guard blocks.count > 1, let first = blocks.first, first.lines.count <= 2 else { return nil }
    let title = first.lines[0].trimmingSpaces
    guard title.count <= 100, ChapterHeading.parse(title) == nil,
      let last = title.last, !".,;:".contains(last),
      let opening = title.first, !"\"“‘'«—–-".contains(opening),
      SentenceSplitter().sentences(in: title).count == 1
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
