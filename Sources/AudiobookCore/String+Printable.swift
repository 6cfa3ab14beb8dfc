extension String {
  /// The most characters of a value that a message quotes; a longer one is cut with `…`.
  static let quotedLength = 80

  /// The text without control characters (C0, DEL, C1: what can move a terminal's cursor,
  /// change its colours or end a C string), tabs and line breaks read as spaces.
  ///
  /// Text from a book or a preset goes through here before it becomes a title, a tag or a
  /// line printed to a terminal.
  public var withoutControlCharacters: String {
    guard unicodeScalars.contains(where: \.isControl) else { return self }
    var scalars = String.UnicodeScalarView()
    for scalar in unicodeScalars {
      if !scalar.isControl {
        scalars.append(scalar)
      } else if scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0B}" || scalar == "\u{0C}" {
        scalars.append(" ")
      }
    }
    return String(scalars)
  }

  /// The value as a message may quote it: control characters removed and at most
  /// `quotedLength` characters, so that a 50 MB value makes a short line.
  public var quotedForMessage: String { quoted(upTo: Self.quotedLength) }

  /// The value with control characters removed and at most `limit` characters, the last
  /// of them `…` when it was cut.
  public func quoted(upTo limit: Int) -> String {
    // Only the start is looked at, so a long value costs no more than a short one.
    let head = prefix(4 * limit)
    let printable = String(head).withoutControlCharacters
    if printable.count <= limit {
      return head.endIndex == endIndex ? printable : printable + "…"
    }
    return String(printable.prefix(limit - 1)) + "…"
  }
}

extension Unicode.Scalar {
  /// A control character: C0 (U+0000–U+001F), DEL or C1 (U+0080–U+009F).
  fileprivate var isControl: Bool { value < 0x20 || (0x7F...0x9F).contains(value) }
}
