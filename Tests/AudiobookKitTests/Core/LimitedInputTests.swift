import Foundation
import Testing

@testable import AudiobookCore

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct LimitedInputTests {
  /// A pipe holding `bytes`, its write end closed; returns the read end.
  private func pipe(holding bytes: [UInt8]) -> Int32 {
    var ends: [Int32] = [0, 0]
    #expect(Glibc.pipe(&ends) == 0)
    #expect(bytes.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) } == bytes.count)
    close(ends[1])
    return ends[0]
  }

  @Test func readsATextOfExactlyTheLimit() throws {
    let input = pipe(holding: Array(String(repeating: "é", count: 50).utf8))
    defer { close(input) }
    #expect(try LimitedInput.text(from: input, limit: 100, reader: "say") == String(repeating: "é", count: 50))
  }

  @Test func refusesOneByteMoreAfterReadingNoMoreThanThat() throws {
    let input = pipe(holding: [UInt8](repeating: 0x61, count: 150))
    defer { close(input) }
    #expect(
      throws: AudiobookError(
        .badInput, "the text is longer than 100 bytes, the most say reads from stdin", file: "<stdin>")
    ) {
      try LimitedInput.text(from: input, limit: 100, reader: "say")
    }
    var rest = [UInt8](repeating: 0, count: 100)
    #expect(rest.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) } == 49)
  }

  @Test func anEndlessDeviceIsRefusedToo() throws {
    let input = open("/dev/zero", O_RDONLY)
    defer { close(input) }
    #expect(throws: AudiobookError.self) { try LimitedInput.text(from: input, limit: 1 << 20, reader: "say") }
  }

  @Test func refusesTextThatIsNotUTF8() throws {
    let input = pipe(holding: [0x61, 0xFF, 0x62])
    defer { close(input) }
    #expect(throws: AudiobookError(.badInput, "the text is not valid UTF-8", file: "<stdin>")) {
      try LimitedInput.text(from: input, limit: 100, reader: "say")
    }
  }

  @Test func describesTheLimit() {
    #expect(LimitedInput.describe(1 << 20) == "1 MiB (1048576 bytes)")
    #expect(LimitedInput.describe(16 << 20) == "16 MiB (16777216 bytes)")
    #expect(LimitedInput.describe(2048) == "2 KiB (2048 bytes)")
    #expect(LimitedInput.describe(100) == "100 bytes")
  }
}
