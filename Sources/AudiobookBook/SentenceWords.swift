// The characters and words the sentence rules know by name.

enum Marks {
  static let sentenceEnds: Set<Character> = [".", "?", "!", "…", "‼", "⁇", "⁈", "⁉"]
  static let dashes: Set<Character> = ["—", "–"]
  static let closingQuotes: Set<Character> = ["\"", "'", "”", "’", "»", "›"]
  static let closers: Set<Character> = closingQuotes.union([")", "]", "}"])
  static let openers: Set<Character> = [
    "\"", "'", "“", "‘", "„", "«", "‹", "(", "[", "{", "¿", "¡",
  ]
  /// Spaces that may stand between a word and its mark in French: space, no-break space,
  /// narrow no-break space.
  static let inlineSpaces: Set<Character> = [" ", "\u{00A0}", "\u{202F}"]
  static let bullets: Set<Character> = ["•", "⁃", "◦", "▪", "▫", "‣", "∙", "●", "○", "■", "□"]
}

/// The slice without leading and trailing whitespace (spaces, tabs, newlines).
func trimmed(_ slice: ArraySlice<Character>) -> ArraySlice<Character> {
  var lower = slice.startIndex
  var upper = slice.endIndex
  while lower < upper, slice[lower].isWhitespace { lower += 1 }
  while upper > lower, slice[upper - 1].isWhitespace { upper -= 1 }
  return slice[lower..<upper]
}
