import AudiobookKit
import Foundation
import Testing

/// Settings kept with the book (`BOOK.audiobook.yaml` beside it, or the front matter) through
/// the built binary: `plan` shows them with where each came from, `render` follows them, and
/// flags win.
@Suite struct SettingsCommandTests {
  /// The example book copied into the scratch folder with `settings` beside it.
  func book(with settings: String, in scratch: ScratchDirectory) throws -> String {
    let path = scratch.appending("ledger.txt")
    try FileManager.default.copyItem(atPath: Fixtures.exampleBook, toPath: path)
    try Data(settings.utf8).write(to: URL(fileURLWithPath: scratch.appending("ledger.audiobook.yaml")))
    return path
  }

  @Test func planShowsTheSettingsAndWhereEachCameFrom() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try book(with: "narrator: Ruth Vale\nformat: flac\nsubtitles: [vtt, srt]\n", in: scratch)
    let plan = try Audiobook.run(["plan", path, "--genre", "Fiction"], in: scratch.url)
    try #require(plan.status == 0, "\(plan.stderrText)")
    let lines = plan.stdoutLines
    #expect(lines.contains("  narrator: Ruth Vale  (\(scratch.appending("ledger.audiobook.yaml")):1)"))
    #expect(lines.contains("  genre: Fiction  (--genre)"))
    #expect(lines.contains("  format: flac  (\(scratch.appending("ledger.audiobook.yaml")):2)"))
    #expect(lines.contains("  subtitles: vtt,srt  (\(scratch.appending("ledger.audiobook.yaml")):3)"))
    let json = try Audiobook.run(["plan", path, "--json"], in: scratch.url)
    let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
    #expect((object["settings"] as? [String: String])?["format"] == "flac")
    #expect((object["metadata"] as? [String: String])?["narrator"] == "Ruth Vale")
  }

  /// The render takes the book's format, layout and subtitles; a flag given wins over each.
  @Test func renderFollowsTheSettingsAndFlagsWin() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try book(with: "format: flac\nlayout: both\nsubtitles: vtt\nseries: Harbour Tales\n", in: scratch)
    let first = try Audiobook.run(["render", path, "-o", scratch.appending("a"), "-q"], in: scratch.url)
    try #require(first.status == 0, "\(first.stderrText)")
    let folder = scratch.appending("a/the-lighthouse-ledger")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder)
    #expect(files.contains("the-lighthouse-ledger.flac"))
    #expect(files.filter { $0.hasSuffix(".flac.vtt") }.count == 3)
    let manifest = try JSONDecoder().decode(
      Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json")))
    #expect(manifest.series == "Harbour Tales")
    let second = try Audiobook.run(
      ["render", path, "-o", scratch.appending("b"), "-q", "--format", "wav", "--layout", "chapters"], in: scratch.url)
    try #require(second.status == 0, "\(second.stderrText)")
    let other = try FileManager.default.contentsOfDirectory(atPath: scratch.appending("b/the-lighthouse-ledger"))
    #expect(other.filter { $0.hasSuffix(".wav") }.count == 3)
    #expect(!other.contains { $0.hasSuffix(".flac") })
  }

  /// A setting no flag would take is an error naming the file and line, before anything is written.
  @Test(arguments: [
    ("format: aiff\n", 1, "format 'aiff' is not a value --format takes"),
    ("loudness: loud\n", 1, "loudness 'loud' is not a value --loudness takes"),
    ("layout: book\nsubtitles: vtt\n", 2, "subtitles sit beside chapter files"),
    ("title: T\nformat: m4b\nlayout: chapters\n", 2, "--format m4b writes one whole-book file"),
    ("format: [mp3, flac]\nloudness: -90\n", 2, "--loudness is a target in LUFS"),
  ])
  func aBadSettingNamesItsLine(settings: String, line: Int, message: String) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try book(with: settings, in: scratch)
    let result = try Audiobook.run(["render", path, "-o", scratch.appending("out"), "-q"], in: scratch.url)
    #expect(result.status == 65)
    #expect(result.stderrText.contains("ledger.audiobook.yaml:\(line): error: \(message)"), "\(result.stderrText)")
    #expect(!FileManager.default.fileExists(atPath: scratch.appending("out")))
  }

  /// `plan` refuses what `render` would, naming the line.
  @Test func planRefusesASettingRenderWould() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try book(with: "title: T\nloudness: nan\n", in: scratch)
    let result = try Audiobook.run(["plan", path], in: scratch.url)
    #expect(result.status == 65)
    #expect(result.stderrText.contains("ledger.audiobook.yaml:2: error: --loudness"), "\(result.stderrText)")
  }
}
