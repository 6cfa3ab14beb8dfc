import AudiobookCore
import AudiobookBook

/// Paragraphs of plain text: blocks separated by blank lines, hard-wrapped lines joined.
public enum Paragraphs {
  /// The lines of `text`, whether it ends them with LF or CRLF.
  public static func lines(of text: String) -> [String] {
    text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
  }

  /// Each paragraph's text, its lines joined with single spaces, and the 1-based line it starts on.
  public static func of(lines: [String]) -> [(text: String, line: Int)] {
    TextBlock.blocks(of: lines).map { block in
      (block.lines.map(\.trimmingSpaces).joined(separator: " "), block.firstLine)
    }
  }
}
