import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookAudio

@Suite struct OggSerialNumbersTests {
  /// The pages of an Ogg file: each page's header fields and its bytes with the CRC zeroed.
  static func pages(_ bytes: [UInt8]) -> [(serial: UInt32, crc: UInt32, zeroed: [UInt8])] {
    func word(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) } }
    var pages: [(UInt32, UInt32, [UInt8])] = []
    var offset = 0
    while offset + 27 <= bytes.count {
      let segments = Int(bytes[offset + 26])
      let body = bytes[(offset + 27)..<(offset + 27 + segments)].reduce(0) { $0 + Int($1) }
      let end = offset + 27 + segments + body
      var zeroed = Array(bytes[offset..<end])
      for index in 22..<26 { zeroed[index] = 0 }
      pages.append((word(offset + 14), word(offset + 22), zeroed))
      offset = end
    }
    return pages
  }

  /// Every page carries the serial number of the file's name and a CRC that matches it.
  @Test(arguments: [SoundFileEncoding.vorbis, .opus])
  func everyPageHasTheNamesSerialAndARightCRC(encoding: SoundFileEncoding) throws {
    try TestSupport.withScratchFolder { folder in
      let path = folder.appendingPathComponent(".partial").path
      let writer = try SoundFileWriter(path: path, sampleRate: 48_000, encoding: encoding, reportedPath: "book/ch1.ogg")
      try writer.write(SoundFileEncodingTests.tone(sampleRate: 48_000, seconds: 1))
      try writer.close()
      let pages = Self.pages(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
      #expect(pages.count >= 3)
      for page in pages {
        #expect(page.serial == OggSerialNumbers.serialNumber(for: "ch1.ogg"))
        #expect(page.crc == OggSerialNumbers.checksum(page.zeroed, 0))
      }
    }
  }

  /// FNV-1a, 32-bit: its offset basis for no bytes, its published value for "a".
  @Test func theSerialIsFNV1aOfTheName() {
    #expect(OggSerialNumbers.serialNumber(for: "") == 0x811C_9DC5)
    #expect(OggSerialNumbers.serialNumber(for: "a") == 0xE40C_292C)
    #expect(OggSerialNumbers.serialNumber(for: "ch1.ogg") != OggSerialNumbers.serialNumber(for: "ch2.ogg"))
  }

  /// The CRC-32 Ogg uses (polynomial 0x04C11DB7, no reflection, initial value and final XOR 0),
  /// whose check value for "123456789" is 0x89A1897F; it runs on from a previous value.
  @Test func theChecksumIsOggsCRC() {
    let check = Array("123456789".utf8)
    #expect(OggSerialNumbers.checksum(check, 0) == 0x89A1_897F)
    #expect(
      OggSerialNumbers.checksum(Array(check[4...]), OggSerialNumbers.checksum(Array(check[..<4]), 0)) == 0x89A1_897F)
  }

  @Test func aFileThatIsNotOggIsRefused() throws {
    try TestSupport.withScratchFolder { folder in
      let path = try TestSupport.write(String(repeating: "not an Ogg page ", count: 4), to: "x.ogg", in: folder)
      #expect(throws: AudiobookError(.io, "not an Ogg page at byte 0", file: "book/x.ogg")) {
        try OggSerialNumbers.fix(path, reportedPath: "book/x.ogg")
      }
    }
  }

  @Test func aTruncatedPageIsRefused() throws {
    try TestSupport.withScratchFolder { folder in
      let path = folder.appendingPathComponent("t.ogg").path
      let writer = try SoundFileWriter(path: path, sampleRate: 48_000, encoding: .vorbis)
      try writer.write(SoundFileEncodingTests.tone(sampleRate: 48_000, seconds: 1))
      try writer.close()
      let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
      let first = Self.pages(bytes)[0].zeroed.count
      try Data(bytes[0..<(first + 30)]).write(to: URL(fileURLWithPath: path))
      #expect(throws: AudiobookError(.io, "truncated Ogg page at byte \(first)", file: "t.ogg")) {
        try OggSerialNumbers.fix(path, reportedPath: "t.ogg")
      }
    }
  }

  @Test func aMissingFileSaysWhy() {
    #expect(
      throws: AudiobookError(
        .io, "cannot reopen the Ogg file: \(String(cString: strerror(ENOENT)))", file: "book/x.ogg")
    ) { try OggSerialNumbers.fix("/nonexistent-folder/x.ogg", reportedPath: "book/x.ogg") }
  }
}
