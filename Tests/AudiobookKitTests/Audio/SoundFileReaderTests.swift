import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookAudio

@Suite struct SoundFileReaderTests {
  /// A 16-bit PCM WAV written byte by byte, as no writer here makes it: any number of
  /// channels, little-endian (`RIFF`) or big-endian (`RIFX`).
  static func wav(channels: Int, samples: [Int16], sampleRate: Int = 22_050, bigEndian: Bool = false) -> Data {
    func bytes(_ value: UInt32, _ count: Int) -> [UInt8] {
      let little = (0..<count).map { UInt8(value >> (8 * UInt32($0)) & 0xff) }
      return bigEndian ? little.reversed() : little
    }
    let data = samples.flatMap { bytes(UInt32(UInt16(bitPattern: $0)), 2) }
    var header = Array((bigEndian ? "RIFX" : "RIFF").utf8) + bytes(UInt32(36 + data.count), 4) + Array("WAVE".utf8)
    header += Array("fmt ".utf8) + bytes(16, 4) + bytes(1, 2) + bytes(UInt32(channels), 2)
    header += bytes(UInt32(sampleRate), 4) + bytes(UInt32(sampleRate * channels * 2), 4)
    header += bytes(UInt32(channels * 2), 2) + bytes(16, 2)
    header += Array("data".utf8) + bytes(UInt32(data.count), 4)
    return Data(header + data)
  }

  static func write(_ data: Data, to name: String, in folder: URL) throws -> String {
    let url = folder.appendingPathComponent(name)
    try data.write(to: url)
    return url.path
  }

  static let ramp = (0..<10_000).map { Int16($0 % 2_000 - 1_000) }

  @Test func blocksFollowEachOtherAndEndEmpty() throws {
    try TestSupport.withScratchFolder { folder in
      let path = try Self.write(Self.wav(channels: 1, samples: Self.ramp), to: "t.wav", in: folder)
      let reader = try SoundFileReader(monoPath: path)
      var shorts: [Int16] = []
      while case let block = try reader.readShorts(4_096), !block.isEmpty {
        #expect(block.count == 4_096 || shorts.count + block.count == Self.ramp.count)
        shorts += block
      }
      #expect(shorts == Self.ramp)
      #expect(try reader.read(4_096).isEmpty)
      try reader.close()
    }
  }

  @Test func floatBlocksAreTheSamplesOverFullScale() throws {
    try TestSupport.withScratchFolder { folder in
      let path = try Self.write(Self.wav(channels: 1, samples: Self.ramp), to: "t.wav", in: folder)
      let reader = try SoundFileReader(monoPath: path)
      var floats: [Float] = []
      while case let block = try reader.read(3_000), !block.isEmpty { floats += block }
      #expect(floats == Self.ramp.map { Float($0) / 32_768 })
    }
  }

  /// `samples()` gives the whole file whatever blocks were read before: one open file serves both.
  @Test func samplesStartAtTheStartAfterBlocks() throws {
    try TestSupport.withScratchFolder { folder in
      let path = try Self.write(Self.wav(channels: 1, samples: Self.ramp), to: "t.wav", in: folder)
      let reader = try SoundFileReader(path: path)
      #expect(try reader.readShorts(1_000) == Array(Self.ramp[0..<1_000]))
      #expect(try reader.samples() == Self.ramp)
      #expect(try reader.samples() == Self.ramp)
    }
  }

  @Test func aStereoFileIsReadWholeButRefusedAsAMonoStream() throws {
    try TestSupport.withScratchFolder { folder in
      let path = try Self.write(Self.wav(channels: 2, samples: Self.ramp), to: "stereo.wav", in: folder)
      let reader = try SoundFileReader(path: path)
      #expect(reader.channels == 2)
      #expect(reader.frames == Self.ramp.count / 2)
      #expect(try reader.samples() == Self.ramp)
      #expect(throws: AudiobookError(.badInput, "expected mono audio, found 2 channels", file: path)) {
        try SoundFileReader(monoPath: path)
      }
    }
  }

  @Test func theFormatIsTyped() throws {
    try TestSupport.withScratchFolder { folder in
      let path = try Self.write(Self.wav(channels: 1, samples: Self.ramp), to: "t.wav", in: folder)
      let reader = try SoundFileReader(path: path)
      #expect(reader.format == SoundFileFormat(container: .wav, encoding: .pcm16, byteOrder: .file))
      #expect(reader.container == "wav")
      #expect(reader.isPCM16 && reader.isPCM16WAV)
      #expect(reader.isConstantBitRate == nil)
    }
  }

  /// A big-endian WAV is a WAV of 16-bit samples, but not the plain 16-bit WAV.
  @Test func aBigEndianWAVIsNotAPlainWAV() throws {
    try TestSupport.withScratchFolder { folder in
      let path = try Self.write(Self.wav(channels: 1, samples: Self.ramp, bigEndian: true), to: "t.wav", in: folder)
      let reader = try SoundFileReader(path: path)
      #expect(reader.format == SoundFileFormat(container: .wav, encoding: .pcm16, byteOrder: .big))
      #expect(reader.container == "wav")
      #expect(reader.isPCM16 && !reader.isPCM16WAV)
      #expect(try reader.samples() == Self.ramp)
    }
  }

  @Test func closingTwiceIsClosingOnce() throws {
    try TestSupport.withScratchFolder { folder in
      let path = try Self.write(Self.wav(channels: 1, samples: Self.ramp), to: "t.wav", in: folder)
      let reader = try SoundFileReader(monoPath: path)
      try reader.close()
      try reader.close()
      #expect(try reader.read(100).isEmpty)
      #expect(try reader.readShorts(100).isEmpty)
      #expect(throws: AudiobookError(.io, "reading audio failed: the file was closed", file: path)) {
        try reader.samples()
      }
      // The header stays.
      #expect(reader.frames == Self.ramp.count)
    }
  }

  /// A file whose header promises more samples than it holds reads as far as it goes.
  @Test func aTruncatedFileReadsToItsEnd() throws {
    try TestSupport.withScratchFolder { folder in
      let whole = Self.wav(channels: 1, samples: Self.ramp)
      let path = try Self.write(whole.prefix(44 + 2 * 6_000), to: "cut.wav", in: folder)
      let reader = try SoundFileReader(monoPath: path)
      var shorts: [Int16] = []
      while case let block = try reader.readShorts(4_096), !block.isEmpty { shorts += block }
      #expect(shorts == Array(Self.ramp[0..<6_000]))
    }
  }
}
