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
      var entries: [ChapterHeading] = []
      scan: while index < items.count {
        let item = items[index]
        switch item.kind {
        case .contentsHeading: break scan
        case .contentsEntries(let more): entries += more
        case .heading(let heading):
          // The book's own heading: one the table has listed, or one that does not come again.
          if entries.contains(where: { isSameEntry($0, heading) }) { break scan }
          guard items[(index + 1)...].contains(where: { $0.heading.map { isSameEntry(heading, $0) } ?? false }) else {
            break scan
          }
          entries.append(heading)
        case .paragraph:
          guard isEntryLike(item) else { break scan }
          entries += item.lines.compactMap { ChapterHeading.parse($0, bareNumeral: true) }
        }
        index += 1
      }
    }
    return result
  }

  private static func withoutRepeatedEmptyHeadings(_ items: [PlainTextParser.Item]) -> [PlainTextParser.Item] {
    // Each heading's title, to find whether it comes again later.
    var remaining: [String: Int] = [:]
    for item in items { if let heading = item.heading { remaining[key(heading), default: 0] += 1 } }
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
      var run: [(position: Int, key: String)] = []
      var end = index
      while end < items.count {
        if let heading = items[end].heading {
          run.append((end, key(heading)))
        } else if case .contentsEntries = items[end].kind {
        } else {
          break
        }
        end += 1
      }
      for entry in run { remaining[entry.key, default: 1] -= 1 }
      let repeated = run.map { remaining[$0.key, default: 0] > 0 }
      let wholeRunRepeats = run.count >= 2 && repeated.allSatisfy { $0 }
      for position in index..<end {
        if let offset = run.firstIndex(where: { $0.position == position }) {
          let isLast = offset == run.count - 1
          if repeated[offset] && (!isLast || wholeRunRepeats) { continue }
        }
        result.append(items[position])
      }
      index = end
    }
    return result
  }

  /// A heading's title for comparing headings: letters and digits, lowercased.
  private static func key(_ heading: ChapterHeading) -> String {
    String(heading.title.lowercased().filter { $0.isLetter || $0.isNumber })
  }

  /// Whether a table of contents' entry names `heading`: the same kind, label and number, and
  /// the same title when both have one (`Chapter I` for `CHAPTER I. The Start`).
  static func isSameEntry(_ entry: ChapterHeading, _ heading: ChapterHeading) -> Bool {
    guard entry.kind == heading.kind else { return false }
    if entry.kind == .section { return key(entry) == key(heading) }
    guard entry.number == heading.number, entry.label?.lowercased() == heading.label?.lowercased() else {
      return false
    }
    guard let first = entry.subtitle, let second = heading.subtitle else { return true }
    let letters = { (text: String) in text.lowercased().filter { $0.isLetter || $0.isNumber } }
    return letters(first) == letters(second)
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
