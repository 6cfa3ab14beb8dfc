import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookAudio

@Suite struct SampleBlocksTests {
  static func wav(_ samples: [Int16], rate: Int, in folder: URL) throws -> String {
    let path = folder.appendingPathComponent("t.wav").path
    let writer = try SoundFileWriter(path: path, sampleRate: rate, encoding: .wav)
    try writer.write(samples)
    try writer.close()
    return path
  }

  static let tone = SoundFileEncodingTests.tone(sampleRate: 22_050, seconds: 1)

  @Test func fileBlocksAreTheFileInBlocks() throws {
    try TestSupport.withScratchFolder { folder in
      let path = try Self.wav(Self.tone, rate: 22_050, in: folder)
      let blocks = FileBlocks(input: try SoundFileReader(monoPath: path), blockSize: 4_000)
      var samples: [Float] = []
      var sizes: [Int] = []
      while case let block = try blocks.next(), !block.isEmpty {
        samples += block
        sizes.append(block.count)
      }
      #expect(sizes == [4_000, 4_000, 4_000, 4_000, 4_000, 2_050])
      #expect(samples == Self.tone.map { Float($0) / 32_768 })
      #expect(try blocks.next().isEmpty)
    }
  }

  /// At the same rate, the samples pass as they are, cut or padded with silence to `frames`.
  @Test(arguments: [22_050, 20_000, 25_000])
  func theSameRateIsCutOrPadded(frames: Int) throws {
    try TestSupport.withScratchFolder { folder in
      let path = try Self.wav(Self.tone, rate: 22_050, in: folder)
      let source = try ResampledSource(path: path, from: 22_050, to: 22_050, frames: frames, blockSize: 4_096)
      var samples: [Float] = []
      while case let block = try source.next(), !block.isEmpty { samples += block }
      let expected = Self.tone.map { Float($0) / 32_768 }
      #expect(samples.count == frames)
      #expect(samples.prefix(min(frames, expected.count)) == expected.prefix(frames))
      #expect(samples.dropFirst(expected.count).allSatisfy { $0 == 0 })
    }
  }

  /// Resampled, the stream is exactly `frames` long whatever libsamplerate gives at the end.
  @Test(arguments: [48_000, 47_990, 48_010])
  func aResampledStreamIsExactlyFramesLong(frames: Int) throws {
    try TestSupport.withScratchFolder { folder in
      let path = try Self.wav(Self.tone, rate: 22_050, in: folder)
      let source = try ResampledSource(path: path, from: 22_050, to: 48_000, frames: frames, blockSize: 4_096)
      var count = 0
      var peak: Float = 0
      while case let block = try source.next(), !block.isEmpty {
        count += block.count
        peak = max(peak, block.map(abs).max() ?? 0)
      }
      #expect(count == frames)
      #expect(abs(peak - 16_000 / 32_768) < 0.01)
      #expect(try source.next().isEmpty)
    }
  }

  @Test func aMissingFileIsMissingInput() throws {
    let error = #expect(throws: AudiobookError.self) {
      try ResampledSource(path: "/nonexistent-folder/t.wav", from: 22_050, to: 48_000, frames: 10, blockSize: 64)
    }
    #expect(error?.kind == .missingInput)
  }
}
