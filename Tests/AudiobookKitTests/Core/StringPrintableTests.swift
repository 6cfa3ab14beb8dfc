import Testing

@testable import AudiobookCore

@Suite struct StringPrintableTests {
  @Test func controlCharactersGoAndLineBreaksBecomeSpaces() {
    #expect("\u{0}abc".withoutControlCharacters == "abc")
    #expect("a\u{1B}[31mb\u{7F}c\u{9B}d".withoutControlCharacters == "a[31mbcd")
    #expect("one\ttwo\nthree\r\n".withoutControlCharacters == "one two three  ")
    #expect("Valérie 灯 👩‍🚀".withoutControlCharacters == "Valérie 灯 👩‍🚀")
  }

  @Test func quotedValuesAreShort() {
    #expect("short".quotedForMessage == "short")
    let long = String(repeating: "x", count: 5_000_000)
    #expect(long.quotedForMessage == String(repeating: "x", count: 79) + "…")
    #expect(String(repeating: "x", count: 80).quotedForMessage.count == 80)
    #expect(String(repeating: "x", count: 81).quotedForMessage.count == 80)
    #expect((String(repeating: "\u{1B}", count: 1_000) + "x").quotedForMessage == "…")
    #expect("a\u{1B}b".quoted(upTo: 5) == "ab")
  }
}
