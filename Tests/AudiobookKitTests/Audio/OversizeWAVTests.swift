import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookAudio

/// The repairs for a WAV past 4 GiB, made on small WAVs: whatever the header's sizes say,
/// the audio is found by its chunks and the frames come from the writer.
@Suite struct OversizeWAVTests {
  static let samples = (0..<5_000).map { Int16(truncatingIfNeeded: $0 * 13) }
  static let tags = AudioTags(title: "Chapter One", artist: "Ada Finch")

  static func wav(in folder: URL, tags: AudioTags = AudioTags()) throws -> String {
    let path = folder.appendingPathComponent("t.wav").path
    let writer = try SoundFileWriter(path: path, sampleRate: 22_050, encoding: .wav, tags: tags)
    try writer.write(samples)
    try writer.close()
    return path
  }

  static func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

  /// The samples start past the `data` chunk's header, wherever the other chunks put it.
  @Test func theDataIsFoundByItsChunk() throws {
    try TestSupport.withScratchFolder { folder in
      for tags in [AudioTags(), Self.tags] {
        let path = try Self.wav(in: folder, tags: tags)
        let bytes = try Self.bytes(path)
        let file = open(path, O_RDONLY)
        defer { close(file) }
        let offset = try OversizeWAV.dataOffset(of: file, reportedPath: "t.wav")
        #expect(Array(bytes[(offset - 8)..<(offset - 4)]) == Array("data".utf8))
        #expect(bytes.count - offset == Self.samples.count * 2, "\(tags)")
      }
    }
  }

  @Test func theLengthIsMarkedUnknownAndTheAudioStillReads() throws {
    try TestSupport.withScratchFolder { folder in
      let path = try Self.wav(in: folder, tags: Self.tags)
      let before = try Self.bytes(path)
      try OversizeWAV.markLengthUnknown(path, reportedPath: "t.wav")
      let after = try Self.bytes(path)
      let data = after.count - Self.samples.count * 2
      #expect(Array(after[4..<8]) == [0xFF, 0xFF, 0xFF, 0xFF])
      #expect(Array(after[(data - 4)..<data]) == [0xFF, 0xFF, 0xFF, 0xFF])
      let changed = after.indices.filter { after[$0] != before[$0] }
      #expect(changed.allSatisfy { (4..<8).contains($0) || ((data - 4)..<data).contains($0) })
      #expect(try SoundFileReader(path: path).samples() == Self.samples)
    }
  }

  @Test func aCopyAsRF64HasTheFramesAndTags() throws {
    try TestSupport.withScratchFolder { folder in
      let path = try Self.wav(in: folder)
      let rf64 = folder.appendingPathComponent("t.rf64").path
      try OversizeWAV.copyAsRF64(
        from: path, to: rf64, frames: Self.samples.count, sampleRate: 22_050, tags: Self.tags, reportedPath: "t.wav")
      let reader = try SoundFileReader(path: rf64)
      #expect(reader.format.container == .rf64)
      #expect(reader.tags.title == Self.tags.title)
      #expect(try reader.samples() == Self.samples)
    }
  }

  @Test func moreFramesThanTheFileHoldsIsAnError() throws {
    try TestSupport.withScratchFolder { folder in
      let path = try Self.wav(in: folder)
      let rf64 = folder.appendingPathComponent("t.rf64").path
      #expect(throws: AudiobookError(.io, "reading back the audio failed: the file ended early", file: "t.wav")) {
        try OversizeWAV.copyAsRF64(
          from: path, to: rf64, frames: Self.samples.count + 1, sampleRate: 22_050, tags: AudioTags(),
          reportedPath: "t.wav")
      }
    }
  }

  @Test func aWAVWithoutDataIsAnError() throws {
    try TestSupport.withScratchFolder { folder in
      let path = folder.appendingPathComponent("t.wav").path
      try Data(Array("RIFF".utf8) + [4, 0, 0, 0] + Array("WAVE".utf8)).write(to: URL(fileURLWithPath: path))
      #expect(throws: AudiobookError(.io, "the audio written has no data chunk", file: "t.wav")) {
        try OversizeWAV.markLengthUnknown(path, reportedPath: "t.wav")
      }
    }
  }
}
