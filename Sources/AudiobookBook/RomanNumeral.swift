/// Roman numerals in canonical form (I to MMMCMXCIX), either case.
package enum RomanNumeral {
  package static func value(of text: String) -> Int? {
    let upper = text.uppercased()
    guard !upper.isEmpty, upper.count <= 15, text == upper || text == text.lowercased() else { return nil }
    let values: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000]
    var total = 0
    let digits = upper.compactMap { values[$0] }
    guard digits.count == upper.count else { return nil }
    for (index, digit) in digits.enumerated() {
      if index + 1 < digits.count && digit < digits[index + 1] { total -= digit } else { total += digit }
    }
    // Only canonical spellings count ("IIII" or "VX" are words, not numbers).
    return total > 0 && roman(total) == upper ? total : nil
  }

  package static func roman(_ value: Int) -> String {
    let table: [(Int, String)] = [
      (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
      (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]
    var rest = value
    var result = ""
    for (amount, symbol) in table {
      while rest >= amount {
        result += symbol
        rest -= amount
      }
    }
    return result
  }
}
