import Foundation
import Testing

@testable import AudiobookAudio
@testable import AudiobookPublish

@Suite struct MP3FramesTests {
  /// An MPEG-1 Layer III frame at 44.1 kHz: `rateIndex` 9 is 128 kbps (417 bytes), 11 is
  /// 192 kbps (626 bytes); `tag` is written into its body.
  func frame(rateIndex: UInt8, tag: String = "") -> [UInt8] {
    var bytes: [UInt8] = [0xFF, 0xFB, rateIndex << 4, 0x44]
    bytes += Array(repeating: 0, count: 32) + Array(tag.utf8)
    let length = MP3Frames.Header(bytes, at: 0)?.length ?? 0
    return bytes + Array(repeating: 0, count: max(0, length - bytes.count))
  }

  @Test func headersGiveTheBitRateAndTheFrameLength() throws {
    let mpeg1 = try #require(MP3Frames.Header(frame(rateIndex: 9), at: 0))
    #expect(mpeg1.kilobitsPerSecond == 128 && mpeg1.length == 417)
    let padded = try #require(MP3Frames.Header([0xFF, 0xFB, 0xB2, 0x44], at: 0))
    #expect(padded.kilobitsPerSecond == 192 && padded.length == 627)
    // MPEG-2 at 22.05 kHz, 64 kbps: half the samples per frame.
    let mpeg2 = try #require(MP3Frames.Header([0xFF, 0xF3, 0x80, 0x44], at: 0))
    #expect(mpeg2.kilobitsPerSecond == 64 && mpeg2.length == 208)
    // No sync, Layer II, the reserved version, a free or bad bit rate, a reserved sample rate.
    for header: [UInt8] in [
      [0xFE, 0xFB, 0x90, 0x44], [0xFF, 0xFD, 0x90, 0x44], [0xFF, 0xEB, 0x90, 0x44], [0xFF, 0xFB, 0x00, 0x44],
      [0xFF, 0xFB, 0xF0, 0x44], [0xFF, 0xFB, 0x9C, 0x44], [0xFF, 0xFB, 0x90],
    ] {
      #expect(MP3Frames.Header(header, at: 0) == nil, "\(header)")
    }
  }

  @Test func framesOfOneBitRateAreConstant() {
    let frames = (0..<5).flatMap { _ in frame(rateIndex: 9) }
    #expect(MP3Frames.isConstantBitRate(frames) == true)
    let mixed = frame(rateIndex: 9) + frame(rateIndex: 11) + frame(rateIndex: 9)
    #expect(MP3Frames.isConstantBitRate(mixed) == false)
  }

  /// A first frame with an `Info` header says constant, `Xing` or `VBRI` variable, whatever
  /// the frames after it.
  @Test func theFirstFramesHeaderDecides() {
    let mixed = frame(rateIndex: 9) + frame(rateIndex: 11)
    #expect(MP3Frames.isConstantBitRate(frame(rateIndex: 9, tag: "Info") + mixed) == true)
    let same = frame(rateIndex: 9) + frame(rateIndex: 9)
    #expect(MP3Frames.isConstantBitRate(frame(rateIndex: 9, tag: "Xing") + same) == false)
    #expect(MP3Frames.isConstantBitRate(frame(rateIndex: 9, tag: "VBRI") + same) == false)
    // Only the first frame's body is searched.
    #expect(MP3Frames.isConstantBitRate(same + frame(rateIndex: 9, tag: "Xing")) == true)
  }

  /// An ID3v2 tag (syncsafe size, and a footer when its flag says so) is skipped.
  @Test func anID3TagBeforeTheFramesIsSkipped() {
    let tag: [UInt8] = [0x49, 0x44, 0x33, 4, 0, 0x00, 0, 0, 0x02, 0x01] + Array(repeating: 0xFF, count: 257)
    #expect(MP3Frames.id3v2Length(tag) == 267)
    #expect(MP3Frames.isConstantBitRate(tag + frame(rateIndex: 11) + frame(rateIndex: 11)) == true)
    var withFooter = tag + Array(repeating: 0xFF, count: 10)
    withFooter[5] = 0x10
    #expect(MP3Frames.id3v2Length(withFooter) == 277)
    #expect(MP3Frames.isConstantBitRate(withFooter + frame(rateIndex: 9) + frame(rateIndex: 11)) == false)
    #expect(MP3Frames.id3v2Length(frame(rateIndex: 9)) == 0)
  }

  @Test func withoutFramesThereIsNoAnswer() {
    #expect(MP3Frames.isConstantBitRate([]) == nil)
    #expect(MP3Frames.isConstantBitRate(Array("RIFF....WAVEfmt ".utf8)) == nil)
    #expect(MP3Frames.isConstantBitRate(path: "/nonexistent/audiobook-test.mp3") == nil)
  }

  /// What libsndfile's LAME encoder writes at a constant 192 kbps reads as constant.
  @Test func anMP3LAMEWroteIsConstant() throws {
    try TestSupport.withScratchFolder { folder in
      let path = folder.appendingPathComponent("tone.mp3").path
      let writer = try SoundFileWriter(path: path, sampleRate: 44_100, encoding: .mp3(kilobitsPerSecond: 192))
      try writer.write((0..<44_100).map { Int16(8_000 * sin(Double($0) * 2 * .pi * 440 / 44_100)) })
      try writer.close()
      #expect(MP3Frames.isConstantBitRate(path: path) == true)
    }
  }
}
