/// A run of non-blank lines: the unit plain text and Markdown build paragraphs from.
struct TextBlock: Sendable, Equatable {
  var lines: [String]
  /// The 1-based line number of `lines[0]`.
  var firstLine: Int

  /// Splits lines into blocks at blank lines. `lines[0]` is line `firstLine`.
  static func blocks(of lines: some Collection<String>, firstLine: Int = 1) -> [TextBlock] {
    var blocks: [TextBlock] = []
    var current: TextBlock?
    for (offset, line) in lines.enumerated() {
      if line.allSatisfy(\.isWhitespace) {
        if let block = current { blocks.append(block) }
        current = nil
      } else if current == nil {
        current = TextBlock(lines: [line], firstLine: firstLine + offset)
      } else {
        current?.lines.append(line)
      }
    }
    if let block = current { blocks.append(block) }
    return blocks
  }
}
