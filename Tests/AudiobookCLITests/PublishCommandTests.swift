import AudiobookKit
import Foundation
import Testing

/// `render --format --sample-rate --loudness`, end to end: every file read back through libsndfile.
@Suite struct PublishCommandTests {
  static let slug = "the-lighthouse-ledger"

  /// Renders the example book with `flags` into `scratch/name`; returns the book folder and its manifest.
  static func render(_ flags: [String], into scratch: ScratchDirectory, _ name: String = "out") throws -> (
    folder: String, manifest: Manifest
  ) {
    let output = scratch.appending(name)
    let result = try Audiobook.run(["render", Fixtures.exampleBook, "--output", output, "-q"] + flags, in: scratch.url)
    try #require(result.status == 0 && result.exited, "render \(flags) failed: \(result.stderrText)")
    let folder = (output as NSString).appendingPathComponent(slug)
    let data = try Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("manifest.json")))
    return (folder, try JSONDecoder().decode(Manifest.self, from: data))
  }

  @Test(arguments: [("wav", 22_050), ("flac", 22_050), ("ogg", 22_050), ("opus", 48_000), ("mp3", 44_100)])
  func everyFormatReadsBackWithItsFramesRateAndTags(format: String, rate: Int) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let (folder, manifest) = try Self.render(["--format", format], into: scratch)
    #expect(manifest.sampleRate == rate)
    #expect(manifest.publishing?.format.rawValue == format)
    #expect(manifest.publishing?.sourceSampleRate == 22_050)
    #expect(manifest.chapters.count == 3)
    for chapter in manifest.chapters {
      #expect(chapter.file.hasSuffix(".\(format)"))
      let file = try SoundFileReader(path: (folder as NSString).appendingPathComponent(chapter.file))
      #expect(file.sampleRate == rate, "\(chapter.file)")
      #expect(file.channels == 1)
      #expect(file.frames == chapter.frames, "\(chapter.file)")
      #expect(file.tags.title == chapter.title)
      #expect(file.tags.artist == "Ada Finch")
      #expect(file.tags.album == "The Lighthouse Ledger")
      #expect(file.tags.trackNumber == String(chapter.number))
      #expect(file.tags.comment?.contains("Synthesized narration") == true)
      if format == "mp3" { #expect(file.isConstantBitRate == true) }
    }
    if format == "mp3" { #expect(manifest.publishing?.bitRate == 192) }
    let verified = try Audiobook.run(["verify", folder], in: scratch.url)
    #expect(verified.status == 0, "\(verified.stderrText)")
    let cue = try String(
      contentsOfFile: (folder as NSString).appendingPathComponent("\(Self.slug).cue"), encoding: .utf8)
    #expect(cue.contains(format == "mp3" ? ".mp3\" MP3" : ".\(format)\" WAVE"))
  }

  /// Resampled timings stay on the speech: every sentence's frames are the plain render's,
  /// scaled to the new rate; the audio keeps its level.
  @Test func sampleRateResamplesAndRescalesTheTimings() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let plain = try Self.render([], into: scratch, "plain")
    let (folder, manifest) = try Self.render(["--format", "flac", "--sample-rate", "44100"], into: scratch)
    #expect(manifest.sampleRate == 44_100)
    for (original, published) in zip(plain.manifest.chapters, manifest.chapters) {
      // 22,050 to 44,100 Hz doubles every frame count exactly.
      #expect(published.frames == original.frames * 2)
      #expect(published.heading.startFrame == original.heading.startFrame * 2)
      let sentences = zip(original.paragraphs.flatMap(\.sentences), published.paragraphs.flatMap(\.sentences))
      for (before, after) in sentences {
        #expect(after.startFrame == before.startFrame * 2 && after.frames == before.frames * 2, "\(after.text)")
      }
      let file = try SoundFileReader(path: (folder as NSString).appendingPathComponent(published.file))
      #expect(file.frames == published.frames)
      let before = try AudioMeasurement.measure((plain.folder as NSString).appendingPathComponent(original.file))
      let after = try AudioMeasurement.measure((folder as NSString).appendingPathComponent(published.file))
      #expect(abs(before.levels.rms - after.levels.rms) < 0.2, "\(before.levels.rms) vs \(after.levels.rms)")
      #expect(abs(before.head - after.head) < 0.02)
    }
  }

  @Test func opusRefusesARateItCannotEncode() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let result = try Audiobook.run(
      [
        "render", Fixtures.exampleBook, "--output", scratch.appending("out"), "--format", "opus", "--sample-rate",
        "44100",
      ],
      in: scratch.url)
    #expect(result.status == 64)
    #expect(result.stderrText.contains("--format opus takes --sample-rate 8000, 12000, 16000, 24000, 48000"))
    #expect(RenderedFolder.leftovers(under: scratch.appending("out")).isEmpty)
  }

  @Test func lossyFormatsAreByteIdenticalFromOneRenderToTheNext() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    for format in ["opus", "mp3"] {
      let first = try Self.render(["--format", format], into: scratch, "\(format)-1")
      let second = try Self.render(["--format", format], into: scratch, "\(format)-2")
      for chapter in first.manifest.chapters {
        let a = FileManager.default.contents(atPath: (first.folder as NSString).appendingPathComponent(chapter.file))
        let b = FileManager.default.contents(atPath: (second.folder as NSString).appendingPathComponent(chapter.file))
        #expect(a != nil && a == b, "\(chapter.file) differs between two renders")
      }
      #expect(first.manifest == second.manifest)
    }
  }

  @Test func aReRenderLeavesUnchangedPublishedFilesAlone() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let first = try Self.render(["--format", "mp3"], into: scratch)
    let path = (first.folder as NSString).appendingPathComponent(first.manifest.chapters[0].file)
    // A day back: a file the re-render wrote again would have a later time.
    try backdate(path)
    let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
    _ = try Self.render(["--format", "mp3"], into: scratch)
    let after = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
    #expect(before != nil && before == after)
    // Another format replaces the files, leaving none of the old ones.
    let flac = try Self.render(["--format", "flac"], into: scratch)
    let files = try FileManager.default.contentsOfDirectory(atPath: flac.folder)
    #expect(files.filter { $0.hasSuffix(".mp3") }.isEmpty, "\(files)")
    #expect(try Audiobook.run(["verify", flac.folder], in: scratch.url).status == 0)
  }

  /// Publishing at the voice's rate with no level change changes no sample: only the tags differ.
  @Test func aTaggedWavHasThePlainRendersSamples() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let plain = try Self.render([], into: scratch, "plain")
    let (folder, manifest) = try Self.render(["--format", "wav"], into: scratch)
    #expect(manifest.chapters.map(\.paragraphs) == plain.manifest.chapters.map(\.paragraphs))
    for (before, after) in zip(plain.manifest.chapters, manifest.chapters) {
      let a = try SoundFileReader(path: (plain.folder as NSString).appendingPathComponent(before.file))
      let b = try SoundFileReader(path: (folder as NSString).appendingPathComponent(after.file))
      #expect(a.tags.title == before.title && b.tags.title == before.title)
      #expect(try a.samples() == b.samples(), "\(after.file)")
    }
  }
}
