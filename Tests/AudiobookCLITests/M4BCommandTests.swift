import AudiobookKit
import Foundation
import Testing

/// Whether ffmpeg and ffprobe are on the `PATH`.
let ffmpegIsInstalled = ["ffmpeg", "ffprobe"].allSatisfy { tool in
  (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
    FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
  }
}

/// `render --format m4b`: one M4B with chapter markers and tags, written by ffmpeg.
@Suite(.enabled(if: ffmpegIsInstalled, "ffmpeg is not installed (.ci/run installs it)"))
struct M4BCommandTests {
  struct Probe: Decodable {
    struct Chapter: Decodable {
      var start_time: String
      var tags: [String: String]?
    }
    struct Format: Decodable {
      /// Nil for Ogg, whose tags sit on its stream.
      var tags: [String: String]?
      var duration: String
    }
    var chapters: [Chapter]
    var format: Format
  }

  static func probe(_ path: String, in scratch: ScratchDirectory) throws -> Probe {
    let result = try runTool(
      "ffprobe", ["-v", "error", "-show_chapters", "-show_format", "-print_format", "json", path], in: scratch.url)
    try #require(result.status == 0, "ffprobe: \(result.stderrText)")
    return try JSONDecoder().decode(Probe.self, from: result.stdout)
  }

  /// AAC adds to the peaks: decoded again, a loudness-normalized M4B keeps -1 dBTP.
  @Test func aNormalizedM4BKeepsThePeakLimitOnceDecoded() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let (folder, manifest) = try PublishCommandTests.render(["--format", "m4b", "--loudness", "-18"], into: scratch)
    let book = try #require(manifest.book)
    let decoded = scratch.appending("decoded.wav")
    let made = try runTool(
      "ffmpeg", ["-v", "error", "-i", (folder as NSString).appendingPathComponent(book.file), decoded], in: scratch.url)
    try #require(made.status == 0, "ffmpeg: \(made.stderrText)")
    let measured = try AudioMeasurement.measure(decoded)
    #expect(measured.levels.truePeak <= -1.0, "\(measured.levels)")
    #expect(abs(measured.levels.integratedLoudness - -18) <= 1, "\(measured.levels)")
  }

  @Test func ffprobeListsTheChaptersWithTheirTitlesAndStartTimes() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let (folder, manifest) = try PublishCommandTests.render(["--format", "m4b"], into: scratch)
    let book = try #require(manifest.book)
    #expect(book.file == "\(PublishCommandTests.slug).m4b")
    #expect(manifest.publishing?.layout == .book)
    let probe = try Self.probe((folder as NSString).appendingPathComponent(book.file), in: scratch)
    #expect(probe.chapters.map { $0.tags?["title"] } == Fixtures.exampleChapterTitles)
    #expect(probe.format.tags?["major_brand"] == "M4B ", "Apple Books shelves an M4B brand as an audiobook")
    #expect(probe.format.tags?["media_type"] == "2")
    for (chapter, start) in zip(probe.chapters, book.chapterStarts) {
      let seconds = try #require(Double(chapter.start_time))
      #expect(abs(seconds - Double(start) / Double(manifest.sampleRate)) < 0.001, "\(chapter.start_time)")
    }
    #expect(probe.format.tags?["title"] == "The Lighthouse Ledger")
    #expect(probe.format.tags?["artist"] == "Ada Finch")
    #expect(probe.format.tags?["album"] == "The Lighthouse Ledger")
    let duration = try #require(Double(probe.format.duration))
    #expect(abs(duration - Double(book.frames) / Double(manifest.sampleRate)) < 0.1)
    #expect(try Audiobook.run(["verify", folder], in: scratch.url).status == 0)
    // ffmpeg runs bit-exact: the same audio gives the same bytes.
    let again = try PublishCommandTests.render(["--format", "m4b"], into: scratch, "again")
    let a = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(book.file))
    let b = FileManager.default.contents(atPath: (again.folder as NSString).appendingPathComponent(book.file))
    #expect(a != nil && a == b)
  }

  /// FFMETADATA's special characters in a title reach the M4B as written.
  @Test func titlesWithMetadataSyntaxAreEscaped() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try scratch.write(
      """
      # Odd Titles

      ## Tom; Jerry = Friends #1

      They were friends.

      ## Back\\\\slash

      It ended.

      """, to: "odd-titles.md")
    let output = scratch.appending("out")
    let result = try Audiobook.run(["render", book, "--output", output, "-q", "--format", "m4b"], in: scratch.url)
    try #require(result.status == 0, "\(result.stderrText)")
    let manifestPath = (output as NSString).appendingPathComponent("odd-titles/manifest.json")
    let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: manifestPath)))
    let probe = try Self.probe((output as NSString).appendingPathComponent("odd-titles/odd-titles.m4b"), in: scratch)
    #expect(probe.chapters.map { $0.tags?["title"] } == manifest.chapters.map(\.title))
    #expect(manifest.chapters.first?.title == "Tom; Jerry = Friends #1")
  }
}

@Suite struct M4BWithoutFFmpegTests {
  @Test func withoutFFmpegTheRenderSaysHowToInstallItAndExits69() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let output = scratch.appending("out")
    let result = try Audiobook.run(
      ["render", Fixtures.exampleBook, "--output", output, "--format", "m4b"], in: scratch.url,
      environment: ["PATH": scratch.path])
    #expect(result.status == 69)
    #expect(result.stderrText.contains("apt-get install ffmpeg"))
    #expect(result.stderrLines.count == 1)
    #expect(!FileManager.default.fileExists(atPath: output))
  }

}
