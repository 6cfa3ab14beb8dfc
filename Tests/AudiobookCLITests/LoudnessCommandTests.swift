import AudiobookKit
import Foundation
import Testing

/// `render --loudness TARGET`: one gain per chapter, measured with libebur128, true peak limited.
@Suite struct LoudnessCommandTests {
  @Test func chaptersReachTheTargetWithTheirPeaksUnderTheLimit() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let (folder, manifest) = try PublishCommandTests.render(["--format", "wav", "--loudness", "-16"], into: scratch)
    #expect(manifest.publishing?.loudness == -16)
    for chapter in manifest.chapters {
      let measured = try AudioMeasurement.measure((folder as NSString).appendingPathComponent(chapter.file))
      #expect(abs(measured.levels.integratedLoudness - -16) <= 0.5, "\(chapter.file): \(measured.levels)")
      #expect(measured.levels.truePeak <= -1.0, "\(chapter.file): \(measured.levels)")
      #expect(chapter.levels?.integratedLoudness == measured.levels.integratedLoudness)
      #expect((chapter.gain ?? 0) > 2, "espeak-ng speaks near -20 LUFS, so -16 needs a gain")
    }
  }

  /// The published samples are the plain render's times one gain, wherever the limiter did not
  /// act: no sentence is turned up or down on its own.
  @Test func oneGainForTheWholeChapter() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let plain = try PublishCommandTests.render([], into: scratch, "plain")
    let (folder, manifest) = try PublishCommandTests.render(["--format", "wav", "--loudness", "-24"], into: scratch)
    for (original, published) in zip(plain.manifest.chapters, manifest.chapters) {
      let gain = try #require(published.gain)
      #expect(gain < -2)
      let factor = pow(10, gain / 20)
      let before = try SoundFileReader(path: (plain.folder as NSString).appendingPathComponent(original.file)).samples()
      let after = try SoundFileReader(path: (folder as NSString).appendingPathComponent(published.file)).samples()
      try #require(before.count == after.count)
      var off = 0
      for (x, y) in zip(before, after) where abs(Double(Int(x)) * factor - Double(Int(y))) > 1.01 { off += 1 }
      // The stated gain is rounded to 0.01 dB, worth at most a sample step at these levels.
      #expect(off < before.count / 200, "\(off) of \(before.count) samples are not the plain render times one gain")
    }
  }

  /// A target the peak limit cannot reach without squashing the speech is missed, and said so,
  /// rather than bought with heavy limiting.
  @Test func aTargetTooLoudForThePeakLimitIsMissedWithAWarning() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let plain = try PublishCommandTests.render(["--format", "wav", "--loudness", "-20"], into: scratch, "plain")
    let result = try Audiobook.run(
      [
        "render", Fixtures.exampleBook, "--output", scratch.appending("loud"), "--cache", scratch.appending("cache"),
        "--format", "wav", "--loudness", "-8",
      ], in: scratch.url)
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(result.stderrText.contains("not -8.0"), "\(result.stderrText)")
    let folder = scratch.appending("loud/\(PublishCommandTests.slug)")
    let manifest = try JSONDecoder().decode(
      Manifest.self,
      from: Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("manifest.json"))))
    for (quiet, loud) in zip(plain.manifest.chapters, manifest.chapters) {
      let measured = try AudioMeasurement.measure((folder as NSString).appendingPathComponent(loud.file))
      #expect(measured.levels.truePeak <= -1.0, "\(loud.file): \(measured.levels)")
      // One gain: at most the plain gain plus the make-up allowance.
      let needed = -8 - (-20 - (quiet.gain ?? 0))
      #expect((loud.gain ?? 0) <= needed + 1.01, "\(loud.file): gain \(loud.gain ?? 0), plain \(needed)")
    }
  }

  /// Lossy encoders add to the peaks: decoded again, a Vorbis, Opus or MP3 file still keeps
  /// the -1 dBTP limit.
  @Test(arguments: ["ogg", "opus", "mp3"])
  func lossyFilesKeepThePeakLimitOnceDecoded(format: String) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let (folder, manifest) = try PublishCommandTests.render(["--format", format, "--loudness", "-16"], into: scratch)
    for chapter in manifest.chapters {
      let measured = try AudioMeasurement.measure((folder as NSString).appendingPathComponent(chapter.file))
      #expect(measured.levels.truePeak <= -1.0, "\(chapter.file): \(measured.levels)")
    }
  }

  @Test func aTargetOutOfRangeIsBadUsage() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let result = try Audiobook.run(
      ["render", Fixtures.exampleBook, "--output", scratch.appending("out"), "--loudness", "5"], in: scratch.url)
    #expect(result.status == 64)
    #expect(result.stderrText.contains("--loudness"))
  }
}
