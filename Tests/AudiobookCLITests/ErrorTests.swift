import Foundation
import Testing

/// Failures: one line on stderr naming the file (and line), the documented sysexits status, and
/// nothing published in the output folder.
@Suite struct ErrorTests {
  /// Runs `audiobook ARGUMENTS`, expecting it to fail with `status` and one stderr line holding every fragment.
  @discardableResult
  private func expectFailure(
    _ arguments: [String], in scratch: ScratchDirectory, status: Int32, mentioning fragments: [String],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> RunResult {
    let result = try Audiobook.run(arguments, in: scratch.url)
    #expect(result.exited, "killed by signal \(result.status)", sourceLocation: sourceLocation)
    #expect(result.status == status, "stderr: \(result.stderrText)", sourceLocation: sourceLocation)
    #expect(result.stderrLines.count == 1, "stderr: \(result.stderrText)", sourceLocation: sourceLocation)
    for fragment in fragments {
      #expect(result.stderrText.contains(fragment), "stderr: \(result.stderrText)", sourceLocation: sourceLocation)
    }
    #expect(result.stdout.isEmpty, "stdout: \(result.stdoutText)", sourceLocation: sourceLocation)
    return result
  }

  /// Nothing a render publishes or writes temporarily may be left in `scratch/out`.
  private func expectNothingLeft(in scratch: ScratchDirectory, sourceLocation: SourceLocation = #_sourceLocation) {
    let left = RenderedFolder.leftovers(under: scratch.appending("out"))
    #expect(left.isEmpty, "left in the output folder after a failed render: \(left)", sourceLocation: sourceLocation)
  }

  private static let goodBook = "A short story. It is over soon.\n"

  // MARK: The manuscript

  /// `--help` lists every exit status the commands use, 69 among them.
  @Test func helpListsTheExitStatuses() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let help = try Audiobook.run(["--help"], in: scratch.url)
    #expect(help.status == 0)
    let text = help.stdoutText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    for status in [
      "64 bad usage", "65 bad input data", "66 missing input", "69 a tool it needs is missing", "73 output",
      "74 other I/O",
    ] {
      #expect(text.contains(status), "\(status) in: \(text)")
    }
  }

  @Test func missingBookIs66() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = scratch.appending("no-such-book.txt")
    try expectFailure(["render", book, "-o", scratch.appending("out")], in: scratch, status: 66, mentioning: [book])
    expectNothingLeft(in: scratch)
  }

  @Test func textInNoKnownEncodingIsExit65NamingTheLine() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    // Line 3 holds 0x81 0x8D, which neither UTF-8 nor Windows-1252 uses.
    let bytes =
      Data("A Title\n\nThe first paragraph has a stray byte ".utf8) + Data([0x81, 0x8D])
      + Data(" on line three.\nAnd goes on.\n".utf8)
    let book = try scratch.write(bytes, to: "latin.txt")
    try expectFailure(
      ["render", book, "-o", scratch.appending("out")], in: scratch, status: 65, mentioning: [book, ":3:"])
    expectNothingLeft(in: scratch)
  }

  /// Older Project Gutenberg files are Windows-1252: read with a warning naming the encoding.
  @Test func windows1252IsReadWithAWarning() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let bytes =
      Data("A Title\n\nShe said ".utf8) + Data([0x93]) + Data("hello".utf8) + Data([0x94]) + Data(" and left.\n".utf8)
    let book = try scratch.write(bytes, to: "old.txt")
    let result = try Audiobook.run(["render", book, "-o", scratch.appending("out")], in: scratch.url)
    #expect(result.status == 0)
    #expect(
      result.stderrLines.first
        == "\(book):3: warning: not UTF-8; read as Windows-1252 (give --encoding NAME if it is another encoding)")
    let manifest = try ManifestFile.read(scratch.appending("out/a-title/manifest.json"))
    #expect(manifest.chapters.first?.paragraphs.first?.sentences.first?.text == "She said “hello” and left.")
    let latin = try Audiobook.run(["plan", book, "--encoding", "iso-8859-1"], in: scratch.url)
    #expect(latin.status == 0 && latin.stderrText.isEmpty)
    #expect(try Audiobook.run(["plan", book, "--encoding", "klingon"], in: scratch.url).status == 64)
  }

  @Test func nulBytesAreNotAManuscript() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try scratch.write(Data("Some text\u{0}\u{0}\u{0} and more\n".utf8), to: "binary.txt")
    try expectFailure(["render", book, "-o", scratch.appending("out")], in: scratch, status: 65, mentioning: [book])
    expectNothingLeft(in: scratch)
  }

  @Test(arguments: ["", "   \n\n\t\n  \n"])
  func emptyBookIs65(content: String) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try scratch.write(content, to: "empty.txt")
    try expectFailure(["render", book, "-o", scratch.appending("out")], in: scratch, status: 65, mentioning: [book])
    expectNothingLeft(in: scratch)
  }

  @Test func aRunOf300CharactersWithoutASpaceIsReadInPiecesWithAWarningNamingTheLine() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let run = String(repeating: "x", count: 300)
    let book = try scratch.write("Good start.\n\nThen this line holds \(run) and ends.\n", to: "run-on.txt")
    let result = try Audiobook.run(
      ["render", book, "-o", scratch.appending("out"), "--progress", "none"], in: scratch.url)
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(result.stderrLines.filter { $0.hasPrefix("\(book):3: warning: a run of 300 characters") }.count == 1)
  }

  @Test func aFailureInALaterChapterLeavesNoChapterFiles() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    // Linear B syllables: espeak-ng names each code point, far longer than the content check allows.
    let run = Array(repeating: "\u{10000}\u{10001}", count: 10).joined(separator: " ")
    let book = try scratch.write(
      """
      Two Parts

      Chapter 1: Fine

      All is well in this chapter.

      Chapter 2: Broken

      But this line holds \(run) and ends.

      """, to: "two-parts.txt")
    let result = try Audiobook.run(["render", book, "-o", scratch.appending("out"), "--quiet"], in: scratch.url)
    #expect(result.status == 1)
    #expect(result.stderrLines.count == 1, "stderr: \(result.stderrText)")
    #expect(result.stderrText.contains("\(book):9: error: chapter 2, paragraph 1:"))
    expectNothingLeft(in: scratch)
  }

  // MARK: Voices and presets

  @Test func unknownVoiceIsUsageWithASuggestion() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try scratch.write(Self.goodBook, to: "story.txt")
    try expectFailure(
      ["render", book, "-o", scratch.appending("out"), "--voice", "nosuchvoice"], in: scratch, status: 64,
      mentioning: ["nosuchvoice", "narrator", "audiobook voices"])
    expectNothingLeft(in: scratch)
  }

  @Test func misspelledVoiceSuggestsTheNearestPreset() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try scratch.write(Self.goodBook, to: "story.txt")
    try expectFailure(
      ["render", book, "-o", scratch.appending("out"), "--voice", "narator"], in: scratch, status: 64,
      mentioning: ["narator", "did you mean", "'narrator'"])
    expectNothingLeft(in: scratch)
  }

  @Test func malformedPresetIs65NamingKeyFileAndLine() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try scratch.write(Self.goodBook, to: "story.txt")
    let preset = try scratch.write("description: Too quick\nrate: fast\n", to: "presets/bad.yaml")
    try expectFailure(
      ["render", book, "-o", scratch.appending("out"), "--voices", scratch.appending("presets"), "--voice", "bad"],
      in: scratch, status: 65, mentioning: ["'rate'", "\(preset):2:"])
    expectNothingLeft(in: scratch)
  }

  // MARK: The output folder

  @Test func outputUnderProcIs73() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try scratch.write(Self.goodBook, to: "story.txt")
    try expectFailure(["render", book, "--output", "/proc/nope"], in: scratch, status: 73, mentioning: ["/proc/nope"])
  }

  @Test func outputUnderARegularFileIs73() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try scratch.write(Self.goodBook, to: "story.txt")
    let output = (book as NSString).appendingPathComponent("sub")
    try expectFailure(["render", book, "--output", output], in: scratch, status: 73, mentioning: [output])
    #expect(try String(contentsOfFile: book, encoding: .utf8) == Self.goodBook)
  }

  /// A mistake in the arguments is one line and exit 64, like every other failure.
  @Test(arguments: [
    ["--jobs", "0"], ["--jobs"], ["--format", "xyz"], ["--shard", "3/2"], ["--sample-rate", "7"], ["--loudness", "5"],
  ])
  func badFlagsAreOneLineAndExit64(flags: [String]) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try scratch.write(Self.goodBook, to: "story.txt")
    try expectFailure(
      ["render", book, "--output", scratch.appending("out")] + flags, in: scratch, status: 64, mentioning: [])
    expectNothingLeft(in: scratch)
  }

  /// A cache that cannot be made is 73, and leaves no empty book folder behind.
  @Test func aCacheThatCannotBeMadeIs73AndLeavesNoFolder() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try scratch.write(Self.goodBook, to: "story.txt")
    let file = try scratch.write("not a folder", to: "cache")
    try expectFailure(
      ["render", book, "--output", scratch.appending("out"), "--cache", file], in: scratch, status: 73,
      mentioning: [file])
    #expect(!FileManager.default.fileExists(atPath: scratch.appending("out/story")))
  }

  /// A report that cannot be written is found before the render, not after it.
  @Test(arguments: ["nodir/report.json", "."])
  func aReportThatCannotBeWrittenIs73BeforeRendering(report: String) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try scratch.write(Self.goodBook, to: "story.txt")
    let path = scratch.appending(report)
    try expectFailure(
      ["render", book, "--output", scratch.appending("out"), "--report", path], in: scratch, status: 73,
      mentioning: [path])
    expectNothingLeft(in: scratch)
  }
}
