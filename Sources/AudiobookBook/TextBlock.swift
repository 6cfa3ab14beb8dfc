import AudiobookCore

/// A run of non-blank lines: the unit plain text and Markdown build paragraphs from.
package struct TextBlock: Sendable, Equatable {
  package var lines: [String]
  /// The 1-based line number of `lines[0]`.
  package var firstLine: Int
  /// The 1-based line number of the block's last line: past `firstLine + lines.count - 1` when
  /// lines inside the block were left out (a page marker alone on its line).
  var lastLine: Int

  package init(lines: [String], firstLine: Int, lastLine: Int? = nil) {
    self.lines = lines
    self.firstLine = firstLine
    self.lastLine = lastLine ?? firstLine + lines.count - 1
  }

  /// Splits lines into blocks at blank lines. `lines[0]` is line `firstLine`.
  package static func blocks(of lines: some Collection<String>, firstLine: Int = 1) -> [TextBlock] {
    blocks(of: lines.lazy.map { Optional($0) }, firstLine: firstLine)
  }

  /// Splits lines into blocks at blank lines; a nil line was taken out of the text and neither
  /// ends a block nor joins one (a page number between two lines of a paragraph).
  package static func blocks(of lines: some Collection<String?>, firstLine: Int = 1) -> [TextBlock] {
    var blocks: [TextBlock] = []
    var current: TextBlock?
    for (offset, line) in lines.enumerated() {
      guard let line else { continue }
      if line.allSatisfy(\.isWhitespace) {
        if let block = current { blocks.append(block) }
        current = nil
      } else if current == nil {
        current = TextBlock(lines: [line], firstLine: firstLine + offset)
      } else {
        current?.lines.append(line)
        current?.lastLine = firstLine + offset
      }
    }
    if let block = current { blocks.append(block) }
    return blocks
  }
}
