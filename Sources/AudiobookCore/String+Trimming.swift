extension StringProtocol {
  /// The text without leading and trailing spaces and tabs; Foundation's
  /// `trimmingCharacters(in:)` bridges through NSString and is slow on every line of a novel.
  package var trimmingSpaces: String {
    let isSpace = { (character: Character) in character == " " || character == "\t" || character == "\u{A0}" }
    guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
      return ""
    }
    return String(self[first...last])
  }
}
