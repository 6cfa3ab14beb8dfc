import Foundation
import AudiobookCore

/// Reads an MP3 file's frame headers to tell whether its bit rate is constant.
///
/// libsndfile (through mpg123) calls a file variable-rate whenever its first frame carries a
/// Xing/Info header without LAME's extension, as ffmpeg writes them: so the frames decide.
/// LAME and ffmpeg mark a constant-rate file with an `Info` header and a variable one with
/// `Xing` (Fraunhofer encoders with `VBRI`); without either, every audio frame must have the
/// same bit rate.
enum MP3Frames {
  /// Whether the MP3 at `path` is constant bit rate; nil when it holds no MPEG audio frames.
  static func isConstantBitRate(path: String) -> Bool? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return isConstantBitRate([UInt8](data))
  }

  static func isConstantBitRate(_ bytes: [UInt8]) -> Bool? {
    var offset = id3v2Length(bytes)
    var rates = Set<Int>()
    var first = true
    while let frame = Header(bytes, at: offset) {
      if first {
        first = false
        let end = min(bytes.count, offset + frame.length)
        let body = bytes[offset..<end]
        if contains(body, "Info") { return true }
        if contains(body, "Xing") || contains(body, "VBRI") { return false }
      }
      rates.insert(frame.kilobitsPerSecond)
      offset += frame.length
    }
    return first ? nil : rates.count == 1
  }

  /// One MPEG audio frame header (Layer III).
  struct Header {
    var kilobitsPerSecond: Int
    package var length: Int

    private static let mpeg1Rates = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]
    private static let mpeg2Rates = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]
    private static let sampleRates = [
      [11_025, 12_000, 8_000], [], [22_050, 24_000, 16_000], [44_100, 48_000, 32_000],
    ]

    init?(_ bytes: [UInt8], at offset: Int) {
      guard offset + 4 <= bytes.count, bytes[offset] == 0xFF, bytes[offset + 1] & 0xE0 == 0xE0 else { return nil }
      let version = Int(bytes[offset + 1] >> 3 & 3)  // 3 MPEG-1, 2 MPEG-2, 0 MPEG-2.5
      let layer = bytes[offset + 1] >> 1 & 3  // 1 is Layer III
      let rateIndex = Int(bytes[offset + 2] >> 4)
      let sampleRateIndex = Int(bytes[offset + 2] >> 2 & 3)
      let padding = Int(bytes[offset + 2] >> 1 & 1)
      guard version != 1, layer == 1, (1...14).contains(rateIndex), sampleRateIndex < 3 else { return nil }
      kilobitsPerSecond = (version == 3 ? Self.mpeg1Rates : Self.mpeg2Rates)[rateIndex]
      let sampleRate = Self.sampleRates[version][sampleRateIndex]
      length = (version == 3 ? 144_000 : 72_000) * kilobitsPerSecond / sampleRate + padding
    }
  }

  /// The length of an ID3v2 tag at the start, header and footer included; 0 when there is none.
  static func id3v2Length(_ bytes: [UInt8]) -> Int {
    guard bytes.count >= 10, bytes[0] == 0x49, bytes[1] == 0x44, bytes[2] == 0x33 else { return 0 }
    let size = bytes[6..<10].reduce(0) { $0 << 7 | Int($1 & 0x7F) }
    return 10 + size + (bytes[5] & 0x10 != 0 ? 10 : 0)
  }

  private static func contains(_ body: ArraySlice<UInt8>, _ tag: String) -> Bool {
    let needle = Array(tag.utf8)
    guard body.count >= needle.count else { return false }
    var index = body.startIndex
    while index + needle.count <= body.endIndex {
      if body[index..<(index + needle.count)].elementsEqual(needle) { return true }
      index += 1
    }
    return false
  }
}
