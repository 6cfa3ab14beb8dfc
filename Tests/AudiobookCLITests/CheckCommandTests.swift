import AudiobookKit
import Foundation
import Testing

/// `render --master audiobook` and `check DIR --spec audiobook`, end to end.
@Suite struct CheckCommandTests {
  @Test(arguments: ["wav", "mp3"])
  func anAudiobookMasterPassesTheCheck(format: String) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let (folder, manifest) = try PublishCommandTests.render(
      ["--master", "audiobook", "--format", format], into: scratch)
    #expect(manifest.sampleRate == 44_100)
    #expect(manifest.publishing?.master == .audiobook)
    let checked = try Audiobook.run(["check", folder, "--spec", "audiobook"], in: scratch.url)
    #expect(checked.status == 0, "\(checked.stdoutText)\(checked.stderrText)")
    let rows = checked.stdoutLines.filter { $0.hasPrefix("0") }
    #expect(rows.count == 3)
    #expect(rows.allSatisfy { $0.hasSuffix("  pass") }, "\(checked.stdoutText)")
    #expect(checked.stdoutLines.first?.hasPrefix("file") == true)
    for chapter in manifest.chapters {
      let measured = try AudioMeasurement.measure((folder as NSString).appendingPathComponent(chapter.file))
      #expect(AudiobookSpec.rms.contains(measured.levels.rms))
      #expect(measured.levels.truePeak <= -3)
      // Room tone, not digital zero, in the pauses.
      #expect(measured.noiseFloor <= -60 && measured.noiseFloor > -70, "\(measured.noiseFloor)")
      #expect(AudiobookSpec.head.contains(measured.head) && AudiobookSpec.tail.contains(measured.tail))
    }
  }

  /// Distributors take one file per chapter: the whole-book file is listed, not checked.
  @Test func theWholeBookFileIsListedButNotChecked() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let (folder, _) = try PublishCommandTests.render(
      ["--master", "audiobook", "--format", "flac", "--layout", "both"], into: scratch)
    let checked = try Audiobook.run(["check", folder], in: scratch.url)
    #expect(checked.status == 0, "\(checked.stdoutText)")
    let book = checked.stdoutLines.first { $0.hasPrefix(PublishCommandTests.slug) } ?? ""
    #expect(book.hasSuffix("not checked: a whole-book file"), "\(checked.stdoutText)")
    #expect(checked.stdoutLines.filter { $0.hasSuffix("  pass") }.count == 3)
  }

  @Test func theMasterIsTheSameBytesEveryTime() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let first = try PublishCommandTests.render(["--master", "audiobook"], into: scratch, "a")
    let second = try PublishCommandTests.render(["--master", "audiobook"], into: scratch, "b")
    for chapter in first.manifest.chapters {
      let a = FileManager.default.contents(atPath: (first.folder as NSString).appendingPathComponent(chapter.file))
      let b = FileManager.default.contents(atPath: (second.folder as NSString).appendingPathComponent(chapter.file))
      #expect(a != nil && a == b, "\(chapter.file)")
    }
  }

  /// A mastered chapter made too loud, too quiet, or cut short after its last word fails,
  /// each for its own reason; the untouched one still passes.
  @Test func filesOutsideTheSpecFailWithTheirReasons() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let (folder, manifest) = try PublishCommandTests.render(["--master", "audiobook"], into: scratch)
    let source = (folder as NSString).appendingPathComponent(manifest.chapters[0].file)
    let samples = try SoundFileReader(path: source).samples()
    let tail = try AudioMeasurement.measure(source).tail
    let bad = scratch.appending("bad")
    try FileManager.default.createDirectory(atPath: bad, withIntermediateDirectories: true)
    func write(_ name: String, _ samples: [Int16]) throws {
      let writer = try SoundFileWriter(path: (bad as NSString).appendingPathComponent(name), sampleRate: 44_100)
      try writer.write(samples)
      try writer.close()
    }
    try write("1 as mastered.wav", samples)
    try write("2 too loud.wav", samples.map { Int16(clamping: Int($0) * 5 / 2) })
    try write("3 too quiet.wav", samples.map { $0 / 4 })
    let speechEnd = samples.count - Int(tail * 44_100)
    try write("4 short tail.wav", Array(samples[0..<(speechEnd + 13_230)]))

    let checked = try Audiobook.run(["check", bad], in: scratch.url)
    #expect(checked.status == 1)
    func row(_ prefix: String) -> String { checked.stdoutLines.first { $0.hasPrefix(prefix) } ?? "" }
    #expect(row("1 as mastered").hasSuffix("  pass"), "\(checked.stdoutText)")
    #expect(row("2 too loud").contains("too loud"), "\(checked.stdoutText)")
    #expect(row("2 too loud").contains("over -3"))
    #expect(row("3 too quiet").contains("too quiet"))
    #expect(row("4 short tail").contains("tail room tone 0.3"), "\(checked.stdoutText)")
    #expect(checked.stdoutLines.last?.hasSuffix("3 of 4 files fail") == true)
  }

  @Test func aPlainRenderFailsForItsRateAndDigitalSilence() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let (folder, _) = try PublishCommandTests.render([], into: scratch)
    let checked = try Audiobook.run(["check", folder], in: scratch.url)
    #expect(checked.status == 1)
    #expect(checked.stdoutText.contains("22050 Hz, not 44100"))
    #expect(checked.stdoutText.contains("digital silence"))
  }

  @Test func masterRefusesOpusAndLoudness() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    for flags in [["--format", "opus"], ["--loudness", "-18"], ["--layout", "book"]] {
      let result = try Audiobook.run(
        ["render", Fixtures.exampleBook, "--output", scratch.appending("out"), "--master", "audiobook"] + flags,
        in: scratch.url)
      #expect(result.status == 64, "\(flags)")
      #expect(result.stderrText.contains("--master audiobook"))
    }
  }

  /// Files the check cannot measure as mono 16-bit still get a row with the reason, and the
  /// count covers every file looked at.
  @Test(.enabled(if: soxIsInstalled, "sox is not installed (.ci/run installs it)"))
  func stereoAndTwentyFourBitFilesFailForWhatTheyAre() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let (folder, manifest) = try PublishCommandTests.render(["--master", "audiobook"], into: scratch)
    let source = (folder as NSString).appendingPathComponent(manifest.chapters[0].file)
    let bad = scratch.appending("bad")
    try FileManager.default.createDirectory(atPath: bad, withIntermediateDirectories: true)
    for (name, options) in [("stereo.wav", ["channels", "2"]), ("24-bit.wav", [])] {
      let bits = name == "24-bit.wav" ? ["-b", "24"] : []
      let made = try runTool(
        "sox", [source] + bits + [(bad as NSString).appendingPathComponent(name)] + options, in: scratch.url)
      try #require(made.status == 0, "sox: \(made.stderrText)")
    }
    try "not audio".write(
      toFile: (bad as NSString).appendingPathComponent("broken.wav"), atomically: true, encoding: .utf8)
    let checked = try Audiobook.run(["check", bad], in: scratch.url)
    #expect(checked.status == 1)
    func row(_ prefix: String) -> String { checked.stdoutLines.first { $0.hasPrefix(prefix) } ?? "" }
    #expect(row("stereo").hasSuffix("FAIL: 2 channels, not mono"), "\(checked.stdoutText)")
    #expect(row("24-bit").hasSuffix("FAIL: not 16-bit"), "\(checked.stdoutText)")
    #expect(row("broken").hasSuffix("FAIL: not readable audio"))
    #expect(checked.stdoutLines.last?.hasSuffix("3 of 3 files fail") == true, "\(checked.stdoutText)")
  }

  /// ffmpeg marks a constant-rate MP3 with an Info header that libsndfile takes for a variable
  /// one: the check reads the frames, so ffmpeg's 192 kbps CBR passes and its VBR does not.
  @Test(.enabled(if: ffmpegIsInstalled, "ffmpeg is not installed (.ci/run installs it)"))
  func constantRateIsReadFromTheFrames() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let (folder, manifest) = try PublishCommandTests.render(["--master", "audiobook"], into: scratch)
    let source = (folder as NSString).appendingPathComponent(manifest.chapters[0].file)
    let bad = scratch.appending("mp3")
    try FileManager.default.createDirectory(atPath: bad, withIntermediateDirectories: true)
    for (name, rate) in [("cbr.mp3", ["-b:a", "192k"]), ("vbr.mp3", ["-q:a", "2"])] {
      let made = try runTool(
        "ffmpeg",
        ["-v", "error", "-i", source, "-c:a", "libmp3lame"] + rate + [(bad as NSString).appendingPathComponent(name)],
        in: scratch.url)
      try #require(made.status == 0, "ffmpeg: \(made.stderrText)")
    }
    let checked = try Audiobook.run(["check", bad], in: scratch.url)
    func row(_ prefix: String) -> String { checked.stdoutLines.first { $0.hasPrefix(prefix) } ?? "" }
    #expect(row("cbr").hasSuffix("  pass"), "\(checked.stdoutText)")
    #expect(row("vbr").contains("MP3 not constant bit rate"), "\(checked.stdoutText)")
  }
}

/// Whether sox is on the `PATH`.
let soxIsInstalled = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
  FileManager.default.isExecutableFile(atPath: "\($0)/sox")
}
