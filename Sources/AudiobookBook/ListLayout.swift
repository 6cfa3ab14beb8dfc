/// Numbered, lettered and bulleted items written inline in one paragraph ("1. First 2. Second",
/// "a. One b. Two", "• One • Two"). Each item is read as its own sentence even without a final
/// period, and the period of an item's own number is not a stop. A paragraph counts as a list
/// only when it starts with a marker, and later numbers must continue the sequence, so a stray
/// "2." in prose is left alone.
struct ListLayout {
  var itemStarts: Set<Int> = []
  var enumeratorPeriods: Set<Int> = []

  struct Enumerator {
    package var value: Int
    package var isLetter: Bool
    var suffix: String
    var period: Int?
    package var end: Int
  }

  init(_ text: [Character]) {
    guard let first = text.firstIndex(where: { !$0.isWhitespace }) else { return }
    if Marks.bullets.contains(text[first]) {
      let bullet = text[first]
      for index in first..<text.count
      where text[index] == bullet && (index == first || text[index - 1].isWhitespace) {
        if index != first { itemStarts.insert(index) }
        var numberStart = index + 1
        while numberStart < text.count, text[numberStart].isWhitespace { numberStart += 1 }
        if let period = Self.enumerator(in: text, at: numberStart)?.period {
          enumeratorPeriods.insert(period)
        }
      }
      return
    }
    guard var previous = Self.enumerator(in: text, at: first) else { return }
    if let period = previous.period { enumeratorPeriods.insert(period) }
    var index = previous.end
    while index < text.count {
      if text[index - 1].isWhitespace, let item = Self.enumerator(in: text, at: index),
        item.isLetter == previous.isLetter, item.suffix == previous.suffix,
        item.value == previous.value + 1
      {
        itemStarts.insert(index)
        if let period = item.period { enumeratorPeriods.insert(period) }
        previous = item
        index = item.end
      } else {
        index += 1
      }
    }
  }

  /// "12." "3)" "4.)" or "b." followed by whitespace: one to three digits or one lowercase letter.
  package static func enumerator(in text: [Character], at start: Int) -> Enumerator? {
    var index = start
    var value = 0
    while index < text.count, index - start < 3, text[index].isASCII,
      let digit = text[index].wholeNumberValue
    {
      value = value * 10 + digit
      index += 1
    }
    var isLetter = false
    if index == start {
      guard index < text.count, let ascii = text[index].asciiValue, (97...122).contains(ascii)
      else { return nil }
      value = Int(ascii)
      isLetter = true
      index += 1
    }
    var suffix = ""
    var period: Int?
    if index < text.count, text[index] == "." {
      period = index
      suffix.append(".")
      index += 1
    }
    if index < text.count, text[index] == ")" {
      suffix.append(")")
      index += 1
    }
    guard !suffix.isEmpty, index < text.count, text[index].isWhitespace else { return nil }
    return Enumerator(value: value, isLetter: isLetter, suffix: suffix, period: period, end: index)
  }
}
