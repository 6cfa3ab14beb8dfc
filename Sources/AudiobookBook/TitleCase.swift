/// Headings printed in capitals (`CHAPTER`, `PLAYING PILGRIMS`) written in title case.
enum TitleCase {
  static let minorWords: Set<String> = [
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with",
  ]

  /// `text` in title case when it has letters and all of them are capitals; as it is otherwise.
  /// Roman numerals stay in capitals.
  static func fromCapitals(_ text: String) -> String {
    guard text.contains(where: \.isLetter), !text.contains(where: \.isLowercase) else { return text }
    let words = text.split(separator: " ", omittingEmptySubsequences: false)
    return words.enumerated().map { index, word in
      let lower = word.lowercased()
      // Roman numerals up to C stay as printed; no English word but "I" is one of them.
      if let value = RomanNumeral.value(of: String(word.filter(\.isLetter))), value <= 100 { return String(word) }
      if index > 0 && minorWords.contains(lower) { return lower }
      return lower.prefix(1).uppercased() + lower.dropFirst()
    }.joined(separator: " ")
  }
}
