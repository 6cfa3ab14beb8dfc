import AudiobookCore

/// Headings judged against the rest of the book: the numbering fills a gap, a titled
/// heading over a section numbered 1 groups it.
extension PlainTextParser {
  /// `items` with the headings the numbering says are missing: where chapter N is followed by
  /// chapter N + 2, a paragraph between them whose first line reads as chapter N + 1 (with the
  /// same label, whatever its title holds: `CHAPTER 42. The Whiteness of the Whale.` with the
  /// text under it) is that chapter's heading.
  static func withMissingHeadings(_ items: [Item]) -> [Item] {
    // The number of the next numbered chapter heading after each item.
    var nextNumber = [Int?](repeating: nil, count: items.count + 1)
    for index in items.indices.reversed() {
      let heading = items[index].heading
      nextNumber[index] = heading?.kind == .chapter && heading?.number != nil ? heading?.number : nextNumber[index + 1]
    }
    var result: [Item] = []
    var last: ChapterHeading?
    for (index, item) in items.enumerated() {
      if let heading = item.heading {
        last = heading.kind == .chapter && heading.number != nil ? heading : nil
        result.append(item)
        continue
      }
      guard case .paragraph = item.kind, let previous = last, let number = previous.number,
        nextNumber[index + 1] == number + 2,
        let found = ChapterHeading.parse(item.lines[0], bareNumeral: previous.label == nil, standsAlone: true),
        found.kind == .chapter, found.number == number + 1, found.label?.lowercased() == previous.label?.lowercased()
      else {
        result.append(item)
        continue
      }
      last = found
      result.append(Item(kind: .heading(found), lines: [], line: item.line, lastLine: item.line))
      if item.lines.count > 1 {
        result.append(
          Item(kind: .paragraph, lines: Array(item.lines.dropFirst()), line: item.line + 1, lastLine: item.lastLine))
      }
    }
    return result
  }

  /// `items` with each titled chapter heading that has no text and is followed at once by a
  /// chapter numbered 1 read as a part (`I. A SCANDAL IN BOHEMIA`, then `I.`: a story of a
  /// collection, then its first section).
  static func withGroupingHeadings(_ items: [Item]) -> [Item] {
    var items = items
    for index in items.indices.dropLast() {
      guard var heading = items[index].heading, heading.kind == .chapter, heading.subtitle != nil,
        let next = items[index + 1].heading, next.kind == .chapter, next.number == 1
      else { continue }
      heading.kind = .part
      items[index].kind = .heading(heading)
    }
    return items
  }
}
