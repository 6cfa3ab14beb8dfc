/// Paragraphs of plain text: blocks separated by blank lines, hard-wrapped lines joined.
public enum Paragraphs {
  public static func of(lines: [String]) -> [String] {
    TextBlock.blocks(of: lines).map { block in
      block.lines.map { $0.trimmingSpaces }.joined(separator: " ")
    }
  }
}
