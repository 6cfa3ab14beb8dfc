import AudiobookKit
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Devices and FIFOs named as outputs, a stdout that fails, a stdin without end, and FIFOs
/// where `check` expects audio: a node is written through or refused with one line, never
/// replaced by a file; nothing crashes, hangs or leaves temporary files behind.
@Suite struct OutputSafetyTests {
  static let line = "Hello there. General Kenobi."
  static let book = "A short story. It is over soon.\n"

  /// What a run with stdin and stdout of the test's choosing did.
  struct Outcome {
    var status: Int32
    var exited: Bool
    var stderrLines: [String]
    var timedOut: Bool
  }

  /// Runs `audiobook ARGUMENTS` in `scratch` with the given stdin and stdout (a device, a pipe
  /// with no reader), `TMPDIR` pointing at `scratch/tmp`.
  static func run(
    _ arguments: [String], in scratch: ScratchDirectory, stdin: FileHandle = FileHandle.nullDevice,
    stdout: FileHandle, timeout: TimeInterval = 120
  ) throws -> Outcome {
    let result = try Audiobook.start(
      arguments, in: scratch.url, environment: ["TMPDIR": try temporaryFolder(in: scratch)], standardInput: stdin,
      standardOutput: stdout
    ).wait(timeout: timeout)
    return Outcome(
      status: result.status, exited: result.exited, stderrLines: result.stderrLines, timedOut: result.timedOut)
  }

  static func temporaryFolder(in scratch: ScratchDirectory) throws -> String {
    let path = scratch.appending("tmp")
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// What the command left in `TMPDIR` (libpulse's `pulse-*` folders are not the command's own).
  static func leftInTemporaryFolder(_ scratch: ScratchDirectory) -> [String] {
    RenderedFolder.allFiles(under: scratch.appending("tmp")).filter { !$0.hasPrefix("pulse-") }
  }

  /// Everything in the scratch folder except `TMPDIR` and libpulse's folders.
  static func contents(_ scratch: ScratchDirectory) -> [String] {
    scratch.contents.filter { $0 != "tmp" && !$0.hasPrefix("tmp/") }
  }

  /// Makes a FIFO at `name` in `scratch` and returns its path.
  static func makeFIFO(_ name: String, in scratch: ScratchDirectory) -> String {
    let path = scratch.appending(name)
    #expect(mkfifo(path, 0o600) == 0)
    return path
  }

  /// Reads everything written into the FIFO that `reader` holds open until `running` ends.
  static func drain(_ reader: Int32, while running: Audiobook.Running) -> [UInt8] {
    var bytes: [UInt8] = []
    var block = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      var ready = pollfd(fd: reader, events: Int16(POLLIN), revents: 0)
      _ = poll(&ready, 1, 100)
      let count = block.withUnsafeMutableBytes { read(reader, $0.baseAddress, $0.count) }
      if count > 0 {
        bytes += block[0..<count]
      } else if !running.isRunning {
        // Once the writer is gone, what it wrote has been read: the next read is the end.
        let last = block.withUnsafeMutableBytes { read(reader, $0.baseAddress, $0.count) }
        if last > 0 { bytes += block[0..<last] } else { return bytes }
      }
    }
  }

  // MARK: Devices and FIFOs as outputs (item 2)

  @Test func sayToAFullDeviceIsOneLineAnd74AndTheDeviceStays() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let result = try Self.run(["say", Self.line, "-o", "/dev/full"], in: scratch, stdout: FileHandle.nullDevice)
    #expect(result.exited && result.status == 74, "\(result)")
    #expect(result.stderrLines == ["/dev/full: error: cannot write: the disk is full (no space left on device)"])
    #expect(FileKind(path: "/dev/full", followingLinks: false) == .characterDevice)
    #expect(Self.contents(scratch).isEmpty)
    #expect(Self.leftInTemporaryFolder(scratch).isEmpty)
  }

  @Test func sayToDevNullSucceedsAndTheDeviceStays() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let result = try Self.run(["say", Self.line, "-o", "/dev/null"], in: scratch, stdout: FileHandle.nullDevice)
    #expect(result.exited && result.status == 0, "\(result)")
    #expect(result.stderrLines.isEmpty)
    #expect(FileKind(path: "/dev/null", followingLinks: false) == .characterDevice)
    #expect(Self.leftInTemporaryFolder(scratch).isEmpty)
  }

  /// A FIFO nobody reads is refused at once (it is opened without waiting), not waited on.
  @Test func sayToAFIFONobodyReadsIsOneLineAndTheFIFOStays() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let fifo = Self.makeFIFO("fifo.wav", in: scratch)
    let result = try Self.run(
      ["say", Self.line, "-o", fifo], in: scratch, stdout: FileHandle.nullDevice, timeout: 60)
    #expect(!result.timedOut)
    #expect(result.exited && result.status == 74, "\(result)")
    #expect(result.stderrLines == ["\(fifo): error: nothing is reading from this FIFO; start its reader first"])
    #expect(FileKind(path: fifo, followingLinks: false) == .fifo)
    #expect(Self.contents(scratch) == ["fifo.wav"])
  }

  @Test func sayWritesTheWAVThroughAFIFOItsReaderHolds() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let fifo = Self.makeFIFO("fifo.wav", in: scratch)
    let reader = open(fifo, O_RDONLY | O_NONBLOCK)
    #expect(reader >= 0)
    defer { close(reader) }
    let running = try Audiobook.start(["say", Self.line, "-o", fifo], in: scratch.url)
    let bytes = Self.drain(reader, while: running)
    let result = running.wait(timeout: 120)
    #expect(result.exited && result.status == 0, "\(result.stderrText)")
    #expect(FileKind(path: fifo, followingLinks: false) == .fifo)
    let copy = try scratch.write(Data(bytes), to: "copy.wav")
    let wav = try SoundFileReader(path: copy)
    #expect(wav.isPCM16WAV && wav.frames > 22050 / 2)
    // The same bytes as a file written with -o.
    let file = scratch.appending("file.wav")
    #expect(try Audiobook.run(["say", Self.line, "-o", file], in: scratch.url).status == 0)
    #expect(FileManager.default.contents(atPath: file) == Data(bytes))
  }

  @Test(arguments: ["folder", "link"])
  func sayToAFolderOrALinkToOneIs73BeforeSpeaking(name: String) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try FileManager.default.createDirectory(atPath: scratch.appending("folder"), withIntermediateDirectories: true)
    #expect(symlink(scratch.appending("folder"), scratch.appending("link")) == 0)
    let path = scratch.appending(name)
    let result = try Self.run(["say", Self.line, "-o", path], in: scratch, stdout: FileHandle.nullDevice)
    #expect(result.exited && result.status == 73, "\(result)")
    #expect(result.stderrLines.count == 1)
    #expect(result.stderrLines.first?.hasPrefix("\(path): error: is a folder, not a file to write") == true)
    #expect(Self.contents(scratch) == ["folder", "link"])
    #expect(FileKind(path: scratch.appending("link"), followingLinks: false) == .symbolicLink)
  }

  @Test func aReportToAFullDeviceIsOneLineAnd74AndTheDeviceStays() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try scratch.write(Self.book, to: "story.txt")
    let result = try Self.run(
      ["render", book, "-o", scratch.appending("out"), "--report", "/dev/full", "--quiet"], in: scratch,
      stdout: FileHandle.nullDevice)
    #expect(result.exited && result.status == 74, "\(result)")
    #expect(result.stderrLines == ["/dev/full: error: cannot write: the disk is full (no space left on device)"])
    #expect(FileKind(path: "/dev/full", followingLinks: false) == .characterDevice)
  }

  /// Found before the render, which may take hours, not after it.
  @Test func aReportToAFIFONobodyReadsIsRefusedBeforeRendering() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try scratch.write(Self.book, to: "story.txt")
    let fifo = Self.makeFIFO("report.json", in: scratch)
    let result = try Self.run(
      ["render", book, "-o", scratch.appending("out"), "--report", fifo], in: scratch, stdout: FileHandle.nullDevice,
      timeout: 60)
    #expect(!result.timedOut)
    #expect(result.exited && result.status == 74, "\(result)")
    #expect(result.stderrLines == ["\(fifo): error: nothing is reading from this FIFO; start its reader first"])
    #expect(FileKind(path: fifo, followingLinks: false) == .fifo)
    #expect(!FileManager.default.fileExists(atPath: scratch.appending("out")))
  }

  @Test func aReportIsWrittenThroughAFIFOItsReaderHolds() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try scratch.write(Self.book, to: "story.txt")
    let fifo = Self.makeFIFO("report.json", in: scratch)
    let reader = open(fifo, O_RDONLY | O_NONBLOCK)
    #expect(reader >= 0)
    defer { close(reader) }
    let running = try Audiobook.start(
      ["render", book, "-o", scratch.appending("out"), "--report", fifo, "--quiet"], in: scratch.url)
    let bytes = Self.drain(reader, while: running)
    let result = running.wait(timeout: 120)
    #expect(result.exited && result.status == 0, "\(result.stderrText)")
    let report = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
    #expect(report?["book"] as? String == book)
    #expect(FileKind(path: fifo, followingLinks: false) == .fifo)
  }

  // MARK: A stdout that fails (item 5)

  /// As `plan` and `sentences` do when their reader goes away (`| head`): killed by SIGPIPE,
  /// silently, with no backtrace and no temporary folder left.
  @Test func sayIntoAPipeClosedEarlyEndsQuietlyAndLeavesNothing() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    var ends: [Int32] = [0, 0]
    #expect(pipe(&ends) == 0)
    close(ends[0])  // no reader
    let writer = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
    let result = try Self.run(["say", Self.line], in: scratch, stdout: writer)
    try writer.close()
    #expect(!result.exited && result.status == SIGPIPE, "\(result)")
    #expect(result.stderrLines.isEmpty)
    #expect(Self.leftInTemporaryFolder(scratch).isEmpty)
  }

  @Test func sayToAFullStdoutIsOneLineAnd74() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    let result = try Self.run(["say", Self.line], in: scratch, stdout: full)
    #expect(result.exited && result.status == 74, "\(result)")
    #expect(result.stderrLines == ["<stdout>: error: cannot write: the disk is full (no space left on device)"])
    #expect(Self.leftInTemporaryFolder(scratch).isEmpty)
    #expect(FileKind(path: "/dev/full", followingLinks: false) == .characterDevice)
  }

  // MARK: A stdin without end (item 9)

  /// `yes | audiobook say -o f.wav`: refused after 1 MiB, in seconds, with nothing written.
  /// (`yes` complains of the closed pipe when the test process ignores SIGPIPE: not ours to hear.)
  @Test func anEndlessStdinIsRefusedAfterTheLimit() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let result = try Audiobook.start(
      ["-c", "yes 2>/dev/null | \"$0\" say -o f.wav", Audiobook.executable], in: scratch.url, executable: "/bin/sh"
    ).wait(timeout: 60)
    #expect(!result.timedOut)
    #expect(result.exited && result.status == 65, "\(result.stderrText)")
    #expect(
      result.stderrLines == [
        "<stdin>: error: the text is longer than 1 MiB (1048576 bytes), the most say reads from stdin"
      ])
    #expect(Self.contents(scratch).isEmpty)
  }

  @Test func sentencesRefusesAnEndlessDevice() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let zero = try #require(FileHandle(forReadingAtPath: "/dev/zero"))
    let result = try Self.run(["sentences"], in: scratch, stdin: zero, stdout: FileHandle.nullDevice, timeout: 60)
    #expect(!result.timedOut)
    #expect(result.exited && result.status == 65, "\(result)")
    #expect(
      result.stderrLines == [
        "<stdin>: error: the text is longer than 16 MiB (16777216 bytes), the most sentences reads from stdin"
      ])
  }

  /// Close to 1 MiB of prose on stdin, in paragraphs.
  static let largeText: Data = {
    let paragraph =
      "The keeper climbed the stairs of the lighthouse at dusk and trimmed the wick. Far out, a ship "
      + "was beating against the wind, and the gulls had gone quiet on the harbour wall. He wrote the "
      + "time in the ledger, as his father had, and his father's father before him.\n\n"
    return Data(String(repeating: paragraph, count: (1 << 20) / paragraph.utf8.count - 1).utf8)
  }()

  /// Whether a temporary `.partial` file is made under the watched folder (within two minutes):
  /// the command has read its text and is writing audio.
  static func waitForAPartialFile(_ watch: FolderWatch, while running: Audiobook.Running) -> Bool {
    watch.waitFor(while: running) { $0.hasSuffix(".partial") }
  }

  /// A large text that is allowed: SIGTERM ends `say -o` at once, leaving no partial file.
  @Test func sayStopsAtOnceOnSIGTERMWithALargeText() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    #expect(Self.largeText.count < 1 << 20 && Self.largeText.count > 1 << 19)
    let watch = try FolderWatch(scratch.path)
    let running = try Audiobook.start(["say", "-o", "large.wav"], in: scratch.url, stdin: Self.largeText)
    #expect(Self.waitForAPartialFile(watch, while: running))
    kill(running.pid, SIGTERM)
    let result = running.wait(timeout: 30)
    #expect(!result.timedOut)
    #expect(result.exited && result.status == 128 + SIGTERM, "\(result.stderrText)")
    #expect(result.stderrLines == ["audiobook: interrupted; no partial files were left behind"])
    #expect(Self.contents(scratch).isEmpty)
  }

  /// Ctrl-C while `say` assembles the WAV it will copy to stdout: its private folder goes too.
  @Test func sayToStdoutStopsOnSIGINTAndLeavesNoTemporaryFolder() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let temporary = try Self.temporaryFolder(in: scratch)
    let watch = try FolderWatch(temporary)
    let running = try Audiobook.start(
      ["say"], in: scratch.url, stdin: Self.largeText, environment: ["TMPDIR": temporary])
    #expect(Self.waitForAPartialFile(watch, while: running))
    kill(running.pid, SIGINT)
    let result = running.wait(timeout: 30)
    #expect(!result.timedOut)
    #expect(result.exited && result.status == 128 + SIGINT, "\(result.stderrText)")
    #expect(result.stderrLines == ["audiobook: interrupted; no partial files were left behind"])
    #expect(Self.leftInTemporaryFolder(scratch).isEmpty)
  }

  // MARK: What check opens (item 12)

  /// Binds a Unix socket at `path` (and closes it: the socket file stays).
  static func makeSocket(at path: String) {
    let socketDescriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socketDescriptor) }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
      let bytes = Array(path.utf8.prefix(raw.count - 1))
      raw.copyBytes(from: bytes)
    }
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
      }
    }
    #expect(bound == 0)
  }

  /// A FIFO, a socket or a link (out of the folder, or to a device) named like audio is
  /// reported on its row, never opened; a FIFO where the manifest belongs is not read either.
  @Test func checkOpensOnlyPlainFiles() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let folder = scratch.appending("book")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let outside = scratch.appending("outside.wav")
    let writer = try SoundFileWriter(path: outside, sampleRate: 44_100)
    try writer.write((0..<44_100).map { Int16(3000 * sin(Double($0) * 0.05)) })
    try writer.close()
    try FileManager.default.copyItem(atPath: outside, toPath: folder + "/01 One.wav")
    #expect(mkfifo(folder + "/02 Two.wav", 0o600) == 0)
    #expect(symlink(outside, folder + "/03 Three.wav") == 0)
    #expect(symlink("/dev/zero", folder + "/04 Four.wav") == 0)
    Self.makeSocket(at: folder + "/05 Five.wav")
    #expect(mkfifo(folder + "/manifest.json", 0o600) == 0)
    let result = try Audiobook.run(["check", folder], in: scratch.url, timeout: 60)
    #expect(!result.timedOut)
    #expect(result.exited && result.status == 1, "\(result.stdoutText)\(result.stderrText)")
    #expect(result.stderrText.isEmpty)
    func row(_ name: String) -> String { result.stdoutLines.first { $0.hasPrefix(name) } ?? "" }
    #expect(row("01 One.wav").contains("FAIL: ") && !row("01 One.wav").contains("not an audio file"))
    #expect(row("02 Two.wav").hasSuffix("FAIL: a FIFO, not an audio file"), "\(result.stdoutText)")
    #expect(row("03 Three.wav").hasSuffix("FAIL: a symbolic link, not an audio file"))
    #expect(row("04 Four.wav").hasSuffix("FAIL: a symbolic link, not an audio file"))
    #expect(row("05 Five.wav").hasSuffix("FAIL: a socket, not an audio file"))
    #expect(result.stdoutLines.last == "\(folder): 5 of 5 files fail")
    #expect(FileKind(path: folder + "/02 Two.wav", followingLinks: false) == .fifo)
    #expect(FileKind(path: folder + "/manifest.json", followingLinks: false) == .fifo)
  }

  @Test func checkOfAFIFOInsteadOfAFolderIsOneLine() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let fifo = Self.makeFIFO("book", in: scratch)
    let result = try Audiobook.run(["check", fifo], in: scratch.url, timeout: 60)
    #expect(!result.timedOut)
    #expect(result.exited && result.status == 66, "\(result.stderrText)")
    #expect(result.stderrLines.count == 1)
    #expect(result.stderrLines.first?.hasPrefix("\(fifo): error: is a FIFO, not a folder") == true)
    #expect(FileKind(path: fifo, followingLinks: false) == .fifo)
  }
}
