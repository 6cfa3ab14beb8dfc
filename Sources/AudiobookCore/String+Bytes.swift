extension String {
  /// Whether the UTF-8 bytes of `needle` occur in the string: a plain byte search, for the
  /// checks run on every sentence of a novel (Foundation's `contains` bridges to `CFString`
  /// and costs more than the work it guards).
  package func containsBytes(_ needle: String) -> Bool {
    var haystack = self
    var pattern = needle
    return haystack.withUTF8 { text in pattern.withUTF8 { Self.search(text, $0) } }
  }

  private static func search(_ text: UnsafeBufferPointer<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = pattern.first else { return true }
    guard text.count >= pattern.count else { return false }
    var index = 0
    while index <= text.count - pattern.count {
      if text[index] == first {
        var matched = 1
        while matched < pattern.count && text[index + matched] == pattern[matched] { matched += 1 }
        if matched == pattern.count { return true }
      }
      index += 1
    }
    return false
  }

  /// The number of words: runs of characters between ASCII whitespace, counted on the bytes.
  package var wordCount: Int {
    var count = 0
    var inWord = false
    for byte in utf8 {
      let isSpace = byte == 0x20 || (0x09...0x0D).contains(byte)
      if !isSpace && !inWord { count += 1 }
      inWord = !isSpace
    }
    return count
  }
}
