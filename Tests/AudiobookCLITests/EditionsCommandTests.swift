import AudiobookKit
import Foundation
import Testing

/// `render --format m4b,mp3`: several formats in one run, from the same chapters.
@Suite(.enabled(if: ffmpegIsInstalled, "ffmpeg is not installed (.ci/run installs it)"))
struct EditionsCommandTests {
  /// Every format's files are written once, listed in the manifest and checked by `verify`;
  /// a second run keeps them all; a run with fewer formats drops the others.
  @Test func everyFormatIsWrittenListedAndVerified() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let (folder, manifest) = try PublishCommandTests.render(["--format", "m4b,mp3,flac"], into: scratch)
    let files = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
    #expect(files.contains("\(PublishCommandTests.slug).m4b"))
    #expect(files.filter { $0.hasSuffix(".mp3") }.count == 3 && files.filter { $0.hasSuffix(".flac") }.count == 3)
    #expect(manifest.publishing?.format == .m4b)
    let editions = try #require(manifest.editions)
    #expect(editions.map(\.format) == [.mp3, .flac])
    #expect(editions.map(\.layout) == [.chapters, .chapters])
    #expect(editions[0].sampleRate == 44_100 && editions[1].sampleRate == 22_050)
    // The same chapters: each edition's chapter lasts as long as the book file's, at its own rate.
    let flac = editions[1].chapters
    for (chapter, file) in zip(manifest.chapters, flac) {
      let seconds = Double(chapter.frames) / Double(manifest.sampleRate)
      #expect(abs(Double(file.frames) / 22_050 - seconds) < 0.001, "chapter \(chapter.number)")
      let reader = try SoundFileReader(path: (folder as NSString).appendingPathComponent(file.file))
      #expect(reader.frames == file.frames)
      #expect(reader.tags.title == chapter.title)
    }
    #expect(try Audiobook.run(["verify", folder], in: scratch.url).status == 0)

    let output = scratch.appending("out")
    let again = try Audiobook.run(
      ["render", Fixtures.exampleBook, "-o", output, "--format", "m4b,mp3,flac"], in: scratch.url)
    #expect(again.stdoutText.contains("rewrote 0 chapter files"), "\(again.stdoutText)")
    let fewer = try Audiobook.run(
      ["render", Fixtures.exampleBook, "-o", output, "-q", "--format", "mp3"], in: scratch.url)
    try #require(fewer.status == 0, "\(fewer.stderrText)")
    let left = try FileManager.default.contentsOfDirectory(atPath: folder)
    #expect(!left.contains { $0.hasSuffix(".flac") || $0.hasSuffix(".m4b") })
    #expect(try Audiobook.run(["verify", folder], in: scratch.url).status == 0)
  }

  /// A changed edition file is found by `verify`.
  @Test func verifyChecksEveryEdition() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let (folder, manifest) = try PublishCommandTests.render(["--format", "wav,flac"], into: scratch)
    let file = try #require(manifest.editions?.first?.chapters.last?.file)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(file)))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data([0]))
    try handle.close()
    let result = try Audiobook.run(["verify", folder], in: scratch.url)
    #expect(result.status == 1)
    #expect(result.stderrText.contains("\(file): SHA-256"), "\(result.stderrText)")
  }

  @Test(arguments: [
    ["--format", "mp3,mp3"], ["--format", "mp3,aiff"], ["--format", "flac,m4b", "--layout", "chapters"],
  ])
  func aListNoRenderCanMakeIsAUsageError(flags: [String]) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let result = try Audiobook.run(
      ["render", Fixtures.exampleBook, "-o", scratch.appending("out")] + flags, in: scratch.url)
    #expect(result.status == 64, "\(result.stderrText)")
    #expect(!FileManager.default.fileExists(atPath: scratch.appending("out")))
  }
}
