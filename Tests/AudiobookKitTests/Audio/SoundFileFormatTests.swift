import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookAudio

@Suite struct SoundFileFormatTests {
  static let encodings: [(SoundFileEncoding, Int)] = [
    (.wav, 22_050), (.rf64, 22_050), (.w64, 22_050), (.w64Float, 22_050), (.flac, 22_050), (.vorbis, 22_050),
    (.opus, 48_000), (.mp3(kilobitsPerSecond: 192), 44_100),
  ]

  /// What libsndfile writes for an encoding's format bits it reads back as the same format:
  /// the typed values and libsndfile's `SF_FORMAT_*` constants agree both ways.
  @Test(arguments: encodings)
  func eachEncodingReadsBackAsItsFormat(encoding: SoundFileEncoding, sampleRate: Int) throws {
    try TestSupport.withScratchFolder { folder in
      let path = folder.appendingPathComponent("t").path
      let writer = try SoundFileWriter(path: path, sampleRate: sampleRate, encoding: encoding)
      try writer.write(SoundFileEncodingTests.tone(sampleRate: sampleRate, seconds: 0.5))
      try writer.close()
      let reader = try SoundFileReader(path: path)
      #expect(reader.format == encoding.format, "\(encoding)")
      #expect(reader.isPCM16 == (encoding.format.encoding == .pcm16))
      #expect(reader.isPCM16WAV == (encoding == .wav))
    }
  }

  @Test func theNamesCheckGives() {
    let names = Self.encodings.map { $0.0.format.name }
    #expect(names == ["wav", "rf64", "w64", "w64", "flac", "ogg", "opus", "mpeg"])
    #expect(SoundFileFormat(container: .wavex, encoding: .pcm16).name == "wav")
    #expect(SoundFileFormat(container: .other, encoding: .other).name == "other")
  }

  /// Every part has bits of its own, and the bits split back into the same parts.
  @Test func theBitsSplitBackIntoTheParts() {
    var seen = Set<Int32>()
    for container in SoundFileFormat.Container.allCases where container != .other {
      for encoding in SoundFileFormat.Encoding.allCases where encoding != .other {
        for byteOrder in SoundFileFormat.ByteOrder.allCases {
          let format = SoundFileFormat(container: container, encoding: encoding, byteOrder: byteOrder)
          #expect(SoundFileFormat(rawValue: format.rawValue) == format)
          seen.insert(format.rawValue)
        }
      }
    }
    let count =
      (SoundFileFormat.Container.allCases.count - 1) * (SoundFileFormat.Encoding.allCases.count - 1)
      * SoundFileFormat.ByteOrder.allCases.count
    #expect(seen.count == count)
    // Bits it has no case for are `.other`.
    let unknown = SoundFileFormat(rawValue: 0x0FFF_FFFF)
    #expect(unknown.container == .other && unknown.encoding == .other)
  }
}
