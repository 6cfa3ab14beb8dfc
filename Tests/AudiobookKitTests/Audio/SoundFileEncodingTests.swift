import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookAudio

/// Every encoding written through libsndfile and read back through libsndfile.
@Suite struct SoundFileEncodingTests {
  /// Two seconds of a 440 Hz tone at half scale.
  static func tone(sampleRate: Int, seconds: Double = 2) -> [Int16] {
    (0..<Int(Double(sampleRate) * seconds)).map {
      Int16(16_000 * sin(2 * Double.pi * 440 * Double($0) / Double(sampleRate)))
    }
  }

  static let tags = AudioTags(
    title: "Chapter 2: The Crossing", artist: "Ada Finch", album: "The Lighthouse Ledger", trackNumber: "2",
    comment: "Synthesized narration")

  @Test(arguments: [
    (SoundFileEncoding.wav, 22_050), (.flac, 22_050), (.vorbis, 22_050), (.opus, 48_000),
    (.mp3(kilobitsPerSecond: 192), 44_100), (.rf64, 22_050),
  ])
  func writesFramesRateAndTagsThatReadBack(encoding: SoundFileEncoding, sampleRate: Int) throws {
    try TestSupport.withScratchFolder { folder in
      let path = folder.appendingPathComponent("t").path
      let writer = try SoundFileWriter(path: path, sampleRate: sampleRate, encoding: encoding, tags: Self.tags)
      let samples = Self.tone(sampleRate: sampleRate)
      try writer.write(samples)
      try writer.close()
      let reader = try SoundFileReader(path: path)
      #expect(reader.sampleRate == sampleRate)
      #expect(reader.channels == 1)
      #expect(reader.frames == samples.count, "\(encoding)")
      #expect(reader.tags.title == Self.tags.title, "\(encoding)")
      #expect(reader.tags.artist == Self.tags.artist, "\(encoding)")
      #expect(reader.tags.album == Self.tags.album, "\(encoding)")
      #expect(reader.tags.comment == Self.tags.comment, "\(encoding)")
      #expect(reader.tags.trackNumber == Self.tags.trackNumber, "\(encoding)")
      if case .mp3 = encoding { #expect(reader.isConstantBitRate == true) }
    }
  }

  @Test(arguments: [SoundFileEncoding.vorbis, .opus, .flac, .mp3(kilobitsPerSecond: 192)])
  func theSameSamplesGiveTheSameBytes(encoding: SoundFileEncoding) throws {
    try TestSupport.withScratchFolder { folder in
      var files: [Data] = []
      for name in ["a", "b"] {
        let path = folder.appendingPathComponent(name).path
        let rate = encoding == .opus ? 48_000 : 44_100
        let writer = try SoundFileWriter(
          path: path, sampleRate: rate, encoding: encoding, tags: Self.tags, reportedPath: "/x/01 Same.ogg")
        try writer.write(Self.tone(sampleRate: rate))
        try writer.close()
        files.append(try Data(contentsOf: URL(fileURLWithPath: path)))
      }
      #expect(files[0] == files[1], "\(encoding)")
    }
  }

  @Test func wavMarkersCarryTheirLabels() throws {
    try TestSupport.withScratchFolder { folder in
      let path = folder.appendingPathComponent("book.wav").path
      let markers = [
        AudioMarker(frame: 0, label: "Chapter 1"), AudioMarker(frame: 22_050, label: "Chapter 2: Ünïcode"),
      ]
      let writer = try SoundFileWriter(
        path: path, sampleRate: 22_050, encoding: .wav, tags: Self.tags, markers: markers)
      try writer.write(Self.tone(sampleRate: 22_050))
      try writer.close()
      let reader = try SoundFileReader(path: path)
      #expect(reader.markers == markers)
      #expect(reader.frames == 44_100)
      let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
      #expect(bytes.range(of: Data("labl".utf8)) != nil)
      #expect(bytes.range(of: Data("Chapter 2: Ünïcode".utf8)) != nil)
    }
  }

  /// More than libsndfile's `SF_CUES` holds (100), every label length (libsndfile rounds a
  /// chunk up to 4 bytes and must still find the audio after it).
  @Test(arguments: [1, 2, 3, 99, 135])
  func manyMarkersReadBack(count: Int) throws {
    try TestSupport.withScratchFolder { folder in
      let path = folder.appendingPathComponent("book.wav").path
      let markers = (0..<count).map {
        AudioMarker(frame: $0 * 100, label: "Chapter \($0 + 1)" + String(repeating: "!", count: $0 % 4))
      }
      let writer = try SoundFileWriter(path: path, sampleRate: 22_050, encoding: .wav, markers: markers)
      try writer.write([Int16](repeating: 5, count: 22_050))
      try writer.close()
      let reader = try SoundFileReader(path: path)
      #expect(reader.frames == 22_050)
      #expect(reader.markers == markers)
      #expect(try reader.samples().allSatisfy { $0 == 5 })
    }
  }
}

extension SoundFileEncodingTests {
  /// A WAV book file past 4 GiB is RF64, with its tags; libsndfile writes no markers in RF64.
  @Test func rf64IsChosenPastFourGibibytes() throws {
    #expect(!AudioFormat.needsRF64(frames: 2_000_000_000))
    #expect(AudioFormat.needsRF64(frames: 2_147_483_000))
    #expect(AudioFormat.wav.encoding(sampleRate: 44_100, frames: 2_147_483_000) == .rf64)
    #expect(AudioFormat.wav.encoding(sampleRate: 44_100, frames: 1_000) == .wav)
    try TestSupport.withScratchFolder { folder in
      let path = folder.appendingPathComponent("book.wav").path
      let markers = [AudioMarker(frame: 0, label: "One"), AudioMarker(frame: 1_000, label: "Two")]
      let writer = try SoundFileWriter(
        path: path, sampleRate: 44_100, encoding: .rf64, tags: Self.tags, markers: markers)
      try writer.write([Int16](repeating: 1, count: 2_000))
      try writer.close()
      let reader = try SoundFileReader(path: path)
      #expect(reader.container == "rf64")
      #expect(reader.frames == 2_000)
      #expect(reader.markers.isEmpty)
      #expect(reader.tags.title == Self.tags.title)
    }
  }
}

extension SoundFileEncodingTests {
  /// LAME writes ID3 text as Latin-1; mpg123 (through libsndfile) reads it back as text.
  @Test func mp3TagsKeepLatin1LettersAndPlainPunctuation() throws {
    try TestSupport.withScratchFolder { folder in
      let path = folder.appendingPathComponent("t.mp3").path
      let tags = AudioTags(title: "Café – Zoë’s “Łódź” …", artist: "Valérie Brontë")
      let writer = try SoundFileWriter(
        path: path, sampleRate: 44_100, encoding: .mp3(kilobitsPerSecond: 192), tags: tags)
      try writer.write(Self.tone(sampleRate: 44_100))
      try writer.close()
      let reader = try SoundFileReader(path: path)
      // Ł has no Latin-1 form and no accent to drop.
      #expect(reader.tags.title == "Café - Zoë's \"?ódz\" ...")
      #expect(reader.tags.artist == "Valérie Brontë")
    }
  }
}
