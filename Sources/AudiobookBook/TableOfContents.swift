import AudiobookCore

/// Tables of contents in plain text, which repeat the book's headings without its text and
/// must become neither chapters nor speech.
enum TableOfContents {
  /// `items` without their tables of contents:
  ///
  /// - Under a `CONTENTS` heading, the entries that follow: headings that come again later in
  ///   the book, and short lines that could be entries (`I.     A Scandal in Bohemia`,
  ///   `EXTRACTS (Supplied by ...)`). The table ends at the first heading that repeats one of
  ///   its entries or that does not come again (the book's own heading), or at prose.
  /// - Anywhere, a heading with no text before the next heading (a line of a table of
  ///   contents laid out one entry to a block) when the same title comes again later. A run
  ///   of two or more such headings is dropped whole when every one of them comes again.
  static func withoutEntries(_ items: [PlainTextParser.Item]) -> [PlainTextParser.Item] {
    withoutRepeatedEmptyHeadings(withoutContentsSections(items))
  }

  private static func withoutContentsSections(_ items: [PlainTextParser.Item]) -> [PlainTextParser.Item] {
    var result: [PlainTextParser.Item] = []
    var index = 0
    while index < items.count {
      guard case .contentsHeading = items[index].kind else {
        result.append(items[index])
        index += 1
        continue
      }
      index += 1
      let first = index
      var entries: [ChapterHeading] = []
      // The last line that names a heading coming later, and whether the run of entry-like
      // blocks ends at a heading (the book's own) rather than at prose.
      var lastNaming: Int?
      var endsAtHeading = false
      scan: while index < items.count {
        let item = items[index]
        switch item.kind {
        case .contentsHeading: break scan
        case .contentsEntries(let more):
          entries += more
          lastNaming = index
        case .heading(let heading):
          // The book's own heading: one the table has listed, or one that does not come again.
          let comesAgain = items[(index + 1)...].contains { $0.heading.map { isSameEntry(heading, $0) } ?? false }
          if entries.contains(where: { isSameEntry($0, heading) }) || !comesAgain {
            endsAtHeading = true
            break scan
          }
          entries.append(heading)
          lastNaming = index
        case .paragraph:
          guard isEntryLike(item) else { break scan }
          let later = items[(index + 1)...].compactMap(\.heading)
          if item.lines.contains(where: { names($0, later) }) { lastNaming = index }
          entries += item.lines.compactMap { ChapterHeading.parse($0, bareNumeral: true) }
        }
        index += 1
      }
      // The table runs to its last line naming a later heading; when no line does, to the
      // book's first heading if the short lines end there. Short lines after the table are
      // the book's own words (a note, a poem): they are read, never dropped on a guess.
      let tableEnd = lastNaming.map { $0 + 1 } ?? (endsAtHeading ? index : first)
      result += items[tableEnd..<index]
    }
    return result
  }

  private static func withoutRepeatedEmptyHeadings(_ items: [PlainTextParser.Item]) -> [PlainTextParser.Item] {
    // Where each heading's number (or title) comes, to find whether a heading comes again later.
    var positions: [String: [Int]] = [:]
    for (position, item) in items.enumerated() {
      if let heading = item.heading { positions[numberKey(heading), default: []].append(position) }
    }
    func comesAgain(_ heading: ChapterHeading, after position: Int) -> Bool {
      positions[numberKey(heading), default: []].contains {
        guard $0 > position, let later = items[$0].heading else { return false }
        return isSameEntry(heading, later) && (heading.subtitle == nil) == (later.subtitle == nil)
      }
    }
    var result: [PlainTextParser.Item] = []
    var index = 0
    while index < items.count {
      guard items[index].heading != nil else {
        result.append(items[index])
        index += 1
        continue
      }
      // A run of headings with no text between them (a table of contents in blocks of its
      // own is transparent).
      var run: [(position: Int, heading: ChapterHeading)] = []
      var end = index
      while end < items.count {
        if let heading = items[end].heading {
          run.append((end, heading))
        } else if case .contentsEntries = items[end].kind {
        } else {
          break
        }
        end += 1
      }
      let repeated = run.map { comesAgain($0.heading, after: $0.position) }
      let wholeRunRepeats = run.count >= 2 && repeated.allSatisfy { $0 }
      for position in index..<end {
        if let offset = run.firstIndex(where: { $0.position == position }) {
          let isLast = offset == run.count - 1
          if repeated[offset] && (!isLast || wholeRunRepeats) { continue }
          // The same heading twice in a row (an illustration's caption, then the page's own):
          // the second stands.
          if !isLast, let heading = items[position].heading, let next = items[run[offset + 1].position].heading,
            addsNothing(heading, to: next)
          {
            continue
          }
        }
        result.append(items[position])
      }
      index = end
    }
    return result
  }

  /// What headings that may name each other share: kind and number, or kind and title.
  private static func numberKey(_ heading: ChapterHeading) -> String {
    heading.number.map { "\(heading.kind)#\($0)" } ?? "\(heading.kind)|\(key(heading))"
  }

  /// A heading's title for comparing headings: letters and digits, lowercased.
  private static func key(_ heading: ChapterHeading) -> String {
    String(heading.title.lowercased().filter { $0.isLetter || $0.isNumber })
  }

  /// Whether a table of contents' entry names `heading`: the same kind, label and number, and
  /// the same title when both have one (`Chapter I` for `CHAPTER I. The Start`). A numeral
  /// alone names a chapter of that number (`I. Playing Pilgrims` for `CHAPTER I.`).
  static func isSameEntry(_ entry: ChapterHeading, _ heading: ChapterHeading) -> Bool {
    guard entry.kind == heading.kind else { return false }
    if entry.kind == .section { return key(entry) == key(heading) }
    let labels = [entry.label, heading.label].map { $0?.lowercased() }
    let numeralNamesChapter = entry.kind == .chapter && labels.contains(nil) && !labels.contains("letter")
    guard entry.number == heading.number, labels[0] == labels[1] || numeralNamesChapter else {
      return false
    }
    guard let first = entry.subtitle, let second = heading.subtitle else { return true }
    let letters = { (text: String) in text.lowercased().filter { $0.isLetter || $0.isNumber } }
    return letters(first) == letters(second)
  }

  /// Whether `line` of a table of contents names one of `headings`: as a heading itself
  /// (`I.     A Scandal in Bohemia`), or by a heading's title, page number aside.
  package static func names(_ line: String, _ headings: [ChapterHeading]) -> Bool {
    if let entry = ChapterHeading.parse(line, bareNumeral: true), headings.contains(where: { isSameEntry(entry, $0) }) {
      return true
    }
    let text = letters(String(line.trimmingSpaces.reversed().drop { $0.isNumber || $0 == "." || $0 == " " }.reversed()))
    guard !text.isEmpty else { return false }
    return headings.contains { letters($0.title) == text || $0.subtitle.map(letters) == text }
  }

  /// Whether heading `first` says nothing `second` does not: the same kind and number, the
  /// same label where both have one, and no title of its own unless `second` has the same
  /// (`CHAPTER II.` above `II. The Departure`; not `I. THE LAMP` above a section `I.`).
  static func addsNothing(_ first: ChapterHeading, to second: ChapterHeading) -> Bool {
    guard first.kind == second.kind else { return false }
    guard let number = first.number, number == second.number else {
      return first.number == nil && second.number == nil && key(first) == key(second)
    }
    if let a = first.label, let b = second.label, a.lowercased() != b.lowercased() { return false }
    guard let subtitle = first.subtitle else { return true }
    return second.subtitle.map(letters) == letters(subtitle)
  }

  private static func letters(_ text: String) -> String {
    String(text.lowercased().filter { $0.isLetter || $0.isNumber })
  }

  /// Whether a paragraph could be lines of a table of contents: every line short, not
  /// running on like prose (at most 12 words, no sentence ending inside it, not ending in a
  /// comma, colon or question).
  static func isEntryLike(_ item: PlainTextParser.Item) -> Bool {
    item.lines.allSatisfy { line in
      let text = line.trimmingSpaces
      guard let first = text.first, let last = text.last, text.count <= 100,
        first.isUppercase || first.isNumber || !first.isLetter,
        !",;:!?".contains(last)
      else { return false }
      let words = text.split(whereSeparator: \.isWhitespace)
      // A full stop inside the line ends a sentence, unless after a number (`III.`) or a
      // short abbreviation (`Mrs.`).
      return words.count <= 12
        && !words.dropLast().contains { word in
          let bare = String(word.dropLast())
          return word.hasSuffix(".") && bare.count > 3 && RomanNumeral.value(of: bare) == nil && Int(bare) == nil
        }
    }
  }
}
