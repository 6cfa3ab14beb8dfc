import AudiobookKit
import Foundation
import Testing

/// The command line itself: `--version`, help text, argument syntax errors, shell completion.
@Suite struct CommandLineTests {
  private static let book = "A short story. It is over soon.\n"

  /// `audiobook help COMMAND`, whitespace as printed.
  private func help(_ command: [String], in scratch: ScratchDirectory) throws -> String {
    let result = try Audiobook.run(["help"] + command, in: scratch.url)
    try #require(result.status == 0, "\(result.stderrText)")
    return result.stdoutText
  }

  /// The entry of `option` in a help text (its line and the wrapped lines after it), on one line.
  private func entry(_ option: String, in help: String) -> String? {
    let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard
      let start = lines.firstIndex(where: {
        $0.hasPrefix("  \(option) ") || $0.hasPrefix("  -o, \(option) ") || $0 == "  \(option)"
      })
    else { return nil }
    var text = [lines[start]]
    for line in lines[(start + 1)...] {
      guard line.hasPrefix("                          ") else { break }
      text.append(line)
    }
    return text.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
  }

  @Test func versionNamesThePackageAndTheEspeakNGItSpeaksWith() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let espeak = try EspeakVoices.info().version
    for arguments in [["--version"], ["render", "--version"]] {
      let result = try Audiobook.run(arguments, in: scratch.url)
      #expect(result.status == 0, "\(result.stderrText)")
      #expect(result.stderrText.isEmpty, "\(result.stderrText)")
      let line = try Regex(#"audiobook [0-9]+\.[0-9]+\.[0-9]+ \(espeak-ng ([^()\s]+)\)\n"#)
      let match = try #require(try line.wholeMatch(in: result.stdoutText), "\(result.stdoutText)")
      #expect(match.output[1].substring.map(String.init) == espeak)
    }
  }

  /// `--jobs` says its default once, and it is this machine's number of cores.
  @Test func jobsStatesItsDefaultOnce() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let jobs = try #require(entry("--jobs", in: try help(["render"], in: scratch)))
    let cores = ProcessInfo.processInfo.activeProcessorCount
    #expect(jobs.hasPrefix("--jobs <n> "), "\(jobs)")
    #expect(jobs.contains("(default: the number of cores, \(cores) here)"), "\(jobs)")
    #expect(jobs.components(separatedBy: "default").count == 2, "\(jobs)")
  }

  /// Every option's value is named as the user thinks of it, not after the property.
  @Test(arguments: [
    (
      ["render"],
      [
        "<book>", "-o, --output <dir>", "--voice <name>", "--voices <dir>", "--encoding <name>", "--lexicon <file>",
        "--sample-rate <hz>", "--loudness <lufs>", "--master <spec>", "--jobs <n>", "--cache <dir>",
        "--progress <mode>", "--report <file>", "--subtitles <formats>", "--shard <K/N>", "--shards <n>",
      ]
    ),
    (
      ["say"],
      [
        "--book <file>", "--paragraph <C:P>", "--line <n>", "--chapter <C>", "--cache <dir>", "-o, --output <file>",
        "--voices <dir>", "--lexicon <file>",
      ]
    ),
    (["plan"], ["<book>", "--voice <name>", "--voices <dir>", "--encoding <name>", "--lexicon <file>"]),
    (["sentences"], ["<file>", "--encoding <name>", "--lexicon <file>"]),
    (["voices"], ["--voices <dir>"]),
    (["verify"], ["<dir>"]),
    (["check"], ["<dir>", "--spec <spec>"]),
    (["cache", "prune"], ["--cache <dir>", "-o, --output <dir>"]),
  ])
  func valueNamesAreTheUsersWords(command: [String], expected: [String]) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let text = try help(command, in: scratch)
    for name in expected { #expect(text.contains("  \(name) "), "\(name) in: \(text)") }
  }

  /// An option several commands take is one option: the same help wherever it appears.
  @Test(arguments: [
    ("--cache", [["render"], ["say"], ["cache", "prune"]]),
    ("--voices", [["render"], ["say"], ["plan"], ["voices"]]),
    ("--output", [["render"], ["cache", "prune"]]),
  ])
  func sharedOptionsReadTheSameEverywhere(option: String, commands: [[String]]) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let entries = try commands.map { try #require(entry(option, in: try help($0, in: scratch)), "\($0)") }
    #expect(Set(entries).count == 1, "\(entries)")
  }

  /// A value ArgumentParser cannot read is one line and 64, naming the option and its syntax.
  @Test(arguments: [
    (["render", "story.txt", "--shard", "3/2"], ["'3/2'", "--shard <K/N>", "1 <= K <= N <= 10000"]),
    (["render", "story.txt", "--shard", "2"], ["'2'", "--shard <K/N>", "e.g. 2/4"]),
    (["render", "story.txt", "--subtitles", "vtt,xyz"], ["'vtt,xyz'", "--subtitles <formats>", "vtt, srt, words"]),
    (["say", "--book", "story.txt", "--paragraph", "1-2"], ["'1-2'", "--paragraph <C:P>", "CHAPTER:PARAGRAPH"]),
    (["render", "story.txt", "--jobs"], ["--jobs <n>", "Worker processes"]),
  ])
  func anUnreadableValueNamesItsSyntax(arguments: [String], mentioning: [String]) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try scratch.write(Self.book, to: "story.txt")
    let result = try Audiobook.run(
      [arguments[0], "-o", scratch.appending("out")] + arguments.dropFirst(), in: scratch.url)
    #expect(result.status == 64)
    #expect(result.stdout.isEmpty)
    #expect(result.stderrLines.count == 1, "\(result.stderrText)")
    #expect(result.stderrText.hasPrefix("error: "), "\(result.stderrText)")
    for text in mentioning { #expect(result.stderrText.contains(text), "\(text) in: \(result.stderrText)") }
    #expect(!FileManager.default.fileExists(atPath: scratch.appending("out")))
  }

  /// The values the parser reads are the ones the command uses: `--subtitles` with spaces and
  /// a repeated format, `--shard` at its limit.
  @Test func parsedValuesReachTheCommand() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try scratch.write(Self.book, to: "story.txt")
    let render = try Audiobook.run(
      ["render", "story.txt", "-o", "out", "-q", "--subtitles", " srt, vtt,srt"], in: scratch.url)
    #expect(render.status == 0, "\(render.stderrText)")
    let files = Set(scratch.contents.map { ($0 as NSString).lastPathComponent })
    #expect(files.contains { $0.hasSuffix(".srt") } && files.contains { $0.hasSuffix(".vtt") }, "\(files)")
    let shard = try Audiobook.run(
      ["render", "story.txt", "--shard", "10000/10000", "--cache", "shard-cache"], in: scratch.url)
    #expect(shard.status == 0, "\(shard.stderrText)")
    #expect(shard.stdoutText.hasPrefix("shard 10000/10000: "), "\(shard.stdoutText)")
  }

  /// The bash completion script offers folders for folder options and files of the right kind
  /// for file options, as bash itself runs it.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash")))
  func bashCompletesPathsByKind() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let generated = try Audiobook.run(["--generate-completion-script", "bash"], in: scratch.url)
    #expect(generated.status == 0, "\(generated.stderrText)")
    try scratch.write(generated.stdout, to: "audiobook.bash")
    for file in ["novel.txt", "words.yaml", "line.wav", "notes.pdf"] { try scratch.write("", to: "work/\(file)") }
    try FileManager.default.createDirectory(
      atPath: scratch.appending("work/books"), withIntermediateDirectories: true)
    // Completes the last (empty) word of each line, as bash does on Tab, and prints the offers.
    let script = """
      source ../audiobook.bash
      while IFS= read -r line; do
        read -ra COMP_WORDS <<< "$line"
        previous="${COMP_WORDS[-1]}"
        COMP_WORDS+=("")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1)) COMP_LINE="$line " COMP_POINT=$((${#line} + 1))
        COMPREPLY=()
        _audiobook audiobook "" "$previous"
        printf '%s=%s\\n' "$line" "$(printf '%s\\n' "${COMPREPLY[@]}" | sort | paste -sd, -)"
      done
      """
    let cases = [
      "audiobook render novel.txt --output": "books",
      "audiobook render novel.txt --cache": "books",
      "audiobook render novel.txt --voices": "books",
      "audiobook render novel.txt --lexicon": "books,words.yaml",
      "audiobook render": "books,novel.txt",
      "audiobook say --book": "books,novel.txt",
      "audiobook say -o": "books,line.wav",
      "audiobook verify": "books",
      "audiobook cache prune -o": "books",
    ]
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script]
    process.currentDirectoryURL = scratch.url.appendingPathComponent("work")
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    try input.fileHandleForWriting.write(contentsOf: Data(cases.keys.joined(separator: "\n").appending("\n").utf8))
    try input.fileHandleForWriting.close()
    let offered = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    var answers: [String: String] = [:]
    for line in offered.split(separator: "\n") {
      let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      if parts.count == 2 { answers[String(parts[0])] = String(parts[1]) }
    }
    for (line, expected) in cases { #expect(answers[line] == expected, "\(line): \(offered)") }
  }
}
