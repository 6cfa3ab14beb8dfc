import AudiobookKit
import Foundation
import Testing

/// `audiobook say [TEXT]`: one line or paragraph into a WAV, on stdout or in a file.
@Suite struct SayCommandTests {
  static let line = "Hello there. General Kenobi."

  /// Checks `bytes` are a WAV the library reads back, with some audio in it.
  private func expectWAV(_ bytes: Data, in scratch: ScratchDirectory, _ name: String) throws {
    let path = try scratch.write(bytes, to: name)
    let wav = try SoundFileReader(path: path)
    #expect(wav.frames > 0)
    #expect(wav.isPCM16WAV)
    #expect(wav.channels == 1)
    #expect(wav.sampleRate == 22050)
    #expect(try wav.samples().contains { $0 != 0 }, "the audio is all silence")
  }

  @Test func writesAWAVToStdoutWhenItIsAPipe() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    // The private file the WAV is assembled in goes to TMPDIR: point that into the scratch folder.
    let temporary = scratch.appending("tmp")
    try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
    let result = try Audiobook.run(["say", Self.line], in: scratch.url, environment: ["TMPDIR": temporary])
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(result.stderrText.isEmpty)
    #expect(result.stdout.starts(with: Array("RIFF".utf8)))
    try expectWAV(result.stdout, in: scratch, "stdout.wav")
    // No private file or folder of the command's own is left behind (libpulse, loaded by
    // espeak-ng, may leave its `pulse-*` runtime folder in TMPDIR; that is not ours).
    #expect(scratch.contents.filter { !$0.hasPrefix("tmp/pulse-") } == ["stdout.wav", "tmp"])
  }

  @Test func outputOptionWritesTheFileAndNothingToStdout() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = scratch.appending("line.wav")
    let result = try Audiobook.run(["say", Self.line, "-o", path], in: scratch.url)
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(result.stdout.isEmpty)
    let wav = try SoundFileReader(path: path)
    #expect(wav.isPCM16WAV && wav.channels == 1 && wav.sampleRate == 22050)
    #expect(wav.frames > 22050 / 2, "two sentences in under half a second")
    #expect(scratch.contents == ["line.wav"])
  }

  @Test func theSameTextGivesIdenticalBytes() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let first = scratch.appending("first.wav")
    let second = scratch.appending("second.wav")
    #expect(try Audiobook.run(["say", Self.line, "-o", first], in: scratch.url).status == 0)
    #expect(try Audiobook.run(["say", Self.line, "-o", second], in: scratch.url).status == 0)
    let a = try Data(contentsOf: URL(fileURLWithPath: first))
    let b = try Data(contentsOf: URL(fileURLWithPath: second))
    #expect(!a.isEmpty)
    #expect(a == b)
    // The pipe gets the same bytes as the file.
    let piped = try Audiobook.run(["say", Self.line], in: scratch.url)
    #expect(piped.stdout == a)
  }

  @Test func readsTheTextFromStdinWhenNoneIsGiven() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let result = try Audiobook.run(["say"], in: scratch.url, stdin: Data((Self.line + "\n").utf8))
    #expect(result.status == 0, "\(result.stderrText)")
    try expectWAV(result.stdout, in: scratch, "stdin.wav")
    let argument = try Audiobook.run(["say", Self.line], in: scratch.url)
    #expect(result.stdout == argument.stdout, "the same text on stdin and as an argument sounds different")
  }

  @Test func differentTextGivesDifferentAudio() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let short = try Audiobook.run(["say", "Hello."], in: scratch.url)
    let long = try Audiobook.run(["say", Self.line + " You are a bold one."], in: scratch.url)
    #expect(short.status == 0 && long.status == 0)
    let shortWAV = try SoundFileReader(path: try scratch.write(short.stdout, to: "short.wav"))
    let longWAV = try SoundFileReader(path: try scratch.write(long.stdout, to: "long.wav"))
    #expect(shortWAV.frames < longWAV.frames)
  }

  @Test func emptyTextIsBadInput() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let result = try Audiobook.run(["say", "", "-o", scratch.appending("empty.wav")], in: scratch.url)
    #expect(result.status == 65)
    #expect(result.stderrLines.count == 1, "\(result.stderrText)")
    #expect(!FileManager.default.fileExists(atPath: scratch.appending("empty.wav")))
  }

  @Test func anOutputInAMissingFolderIs73NamingTheFileGiven() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let output = scratch.appending("no-such-folder/line.wav")
    let result = try Audiobook.run(["say", Self.line, "-o", output], in: scratch.url)
    #expect(result.status == 73)
    #expect(result.stderrLines.count == 1, "\(result.stderrText)")
    #expect(result.stderrText.hasPrefix(output + ":"), "names another file: \(result.stderrText)")
    #expect(!result.stderrText.contains(".partial"), "names the temporary file: \(result.stderrText)")
    #expect(scratch.contents.isEmpty)
  }

  /// A read-only folder (a tmpfs remounted read-only in a namespace of the test's own, since
  /// root writes into any folder): libsndfile cannot create the file, and says why (exit 73).
  @Test(.enabled(if: MountNamespace.isAvailable))
  func anOutputInAReadOnlyFolderIs73WithLibsndfilesReason() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let folder = scratch.appending("locked")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let script = """
      mount -t tmpfs -o size=1m tmpfs "$2" || exit 90
      mount -o remount,ro "$2" || exit 91
      "$1" say "$3" -o "$2/line.wav"
      """
    let result = try MountNamespace.run(
      script, arguments: [Audiobook.executable, folder, Self.line], in: scratch.url)
    #expect(result.status == 73, "\(result.stderrText)")
    #expect(result.stderrLines.count == 1, "\(result.stderrText)")
    let reason = "System error : \(String(cString: strerror(EROFS)))."
    #expect(
      result.stderrText.hasPrefix("\(folder)/line.wav: error: cannot create the audio file: \(reason)"),
      "\(result.stderrText)")
  }
}
