import AudiobookKit
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// What one run of the built `audiobook` binary did.
struct RunResult: Sendable {
  var status: Int32
  /// Whether the process exited (`exit`/`_exit`) or was killed by a signal.
  var exited: Bool
  var stdout: Data
  var stderr: Data
  /// True when the run was stopped for taking longer than its time limit.
  var timedOut: Bool

  var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
  var stderrText: String { String(decoding: stderr, as: UTF8.self) }
  var stdoutLines: [String] { stdoutText.split(separator: "\n").map(String.init) }
  var stderrLines: [String] { stderrText.split(separator: "\n").map(String.init) }
}

/// Runs the `audiobook` executable that SwiftPM built beside this test bundle.
enum Audiobook {
  /// `<directory of the test bundle>/audiobook`.
  static let executable: String = {
    let bundle =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return URL(fileURLWithPath: bundle).deletingLastPathComponent().appendingPathComponent("audiobook").path
  }()

  /// A started process whose output is being collected.
  final class Running: @unchecked Sendable {
    let process: Process
    private let group = DispatchGroup()
    private var out = Data()
    /// Guards `err` and `errEnded`, and is signalled whenever stderr has more or ends.
    private let errArrived = NSCondition()
    private var err = Data()
    private var errEnded = false
    /// Its read end reaches end of file once the process has exited: the termination handler
    /// closes the write end.
    private let exited: Pipe

    fileprivate init(process: Process, exited: Pipe, stdout: Pipe?, stderr: Pipe, stdin: Data?, stdinPipe: Pipe?) {
      self.process = process
      self.exited = exited
      if let stdout { drain(stdout.fileHandleForReading) { self.out = $0 } }
      drainStderr(stderr.fileHandleForReading)
      if let stdinPipe {
        let bytes = stdin ?? Data()
        DispatchQueue.global().async {
          try? stdinPipe.fileHandleForWriting.write(contentsOf: bytes)
          try? stdinPipe.fileHandleForWriting.close()
        }
      }
    }

    private func drain(_ handle: FileHandle, _ store: @escaping @Sendable (Data) -> Void) {
      group.enter()
      DispatchQueue.global().async {
        store(handle.readDataToEndOfFile())
        self.group.leave()
      }
    }

    /// Collects stderr as it comes, so that a test can wait for a line (`waitForStderr`).
    private func drainStderr(_ handle: FileHandle) {
      group.enter()
      DispatchQueue.global().async {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
          let count = read(handle.fileDescriptor, &buffer, buffer.count)
          if count < 0 && errno == EINTR { continue }
          self.errArrived.lock()
          if count > 0 { self.err.append(contentsOf: buffer[0..<count]) } else { self.errEnded = true }
          self.errArrived.broadcast()
          self.errArrived.unlock()
          if count <= 0 { break }
        }
        self.group.leave()
      }
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }
    /// Readable (at end of file) once the process has exited: to wait on with `poll`.
    var exitDescriptor: Int32 { exited.fileHandleForReading.fileDescriptor }

    /// Waits until the process exits or `deadline` passes; whether it exited.
    func waitForExit(until deadline: Date) -> Bool {
      !readableDescriptors([exitDescriptor], until: deadline).isEmpty
    }

    /// Waits until the whole lines written to stderr so far satisfy `condition`, or stderr
    /// ends, or `timeout` passes; whether they did.
    func waitForStderr(timeout: TimeInterval = 120, until condition: ([Substring]) -> Bool) -> Bool {
      let deadline = Date().addingTimeInterval(timeout)
      errArrived.lock()
      defer { errArrived.unlock() }
      func satisfied() -> Bool {
        let whole = err.lastIndex(of: UInt8(ascii: "\n")).map { err[..<$0] } ?? Data()
        return condition(String(decoding: whole, as: UTF8.self).split(separator: "\n"))
      }
      while !satisfied() {
        if errEnded || !errArrived.wait(until: deadline) { return satisfied() }
      }
      return true
    }

    /// Waits for the process to end (killing it after `timeout` seconds) and for its output.
    func wait(timeout: TimeInterval = 300) -> RunResult {
      var timedOut = false
      if !waitForExit(until: Date().addingTimeInterval(timeout)) {
        timedOut = true
        kill(process.processIdentifier, SIGKILL)
      }
      process.waitUntilExit()
      // A lingering grandchild holding the pipes must not hang the test run.
      _ = group.wait(timeout: .now() + 30)
      errArrived.lock()
      defer { errArrived.unlock() }
      return RunResult(
        status: process.terminationStatus, exited: process.terminationReason == .exit, stdout: out, stderr: err,
        timedOut: timedOut)
    }
  }

  /// Starts `audiobook ARGUMENTS` in `directory` (so `./Voices` is the scratch folder's, not the
  /// package's) with `XDG_CONFIG_HOME` pointing into it (so no user presets interfere).
  ///
  /// - Parameters:
  ///   - standardInput, standardOutput: a device or pipe end of the test's choosing instead of
  ///     `stdin` bytes and a collected stdout.
  static func start(
    _ arguments: [String], in directory: URL, stdin: Data? = nil, environment extra: [String: String] = [:],
    executable: String = Audiobook.executable, standardInput: FileHandle? = nil, standardOutput: FileHandle? = nil
  ) throws -> Running {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["XDG_CONFIG_HOME"] = directory.appendingPathComponent(ScratchDirectory.configFolder).path
    environment.merge(extra) { $1 }
    process.environment = environment
    let stdout = standardOutput == nil ? Pipe() : nil
    let stderr = Pipe()
    process.standardOutput = standardOutput ?? stdout
    process.standardError = stderr
    var stdinPipe: Pipe?
    if let standardInput {
      process.standardInput = standardInput
    } else if stdin != nil {
      let pipe = Pipe()
      process.standardInput = pipe
      stdinPipe = pipe
    } else {
      process.standardInput = FileHandle.nullDevice
    }
    let exited = Pipe()
    process.terminationHandler = { _ in try? exited.fileHandleForWriting.close() }
    try process.run()
    return Running(
      process: process, exited: exited, stdout: stdout, stderr: stderr, stdin: stdin, stdinPipe: stdinPipe)
  }

  /// Runs `audiobook ARGUMENTS` to the end.
  static func run(
    _ arguments: [String], in directory: URL, stdin: Data? = nil, environment: [String: String] = [:],
    timeout: TimeInterval = 300
  ) throws -> RunResult {
    try start(arguments, in: directory, stdin: stdin, environment: environment).wait(timeout: timeout)
  }
}

/// A fresh folder for one test; call `remove()` in a `defer`.
struct ScratchDirectory {
  /// The `XDG_CONFIG_HOME` given to the binary (libraries such as libpulse may create folders in it).
  static let configFolder = ".config-for-test"

  let url: URL
  var path: String { url.path }

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("audiobook-cli-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func remove() {
    try? FileManager.default.removeItem(at: url)
  }

  /// Writes `text` (UTF-8) to `name` inside the folder and returns its path.
  @discardableResult
  func write(_ text: String, to name: String) throws -> String {
    try write(Data(text.utf8), to: name)
  }

  @discardableResult
  func write(_ bytes: Data, to name: String) throws -> String {
    let file = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try bytes.write(to: file)
    return file.path
  }

  func appending(_ name: String) -> String { url.appendingPathComponent(name).path }

  /// Every entry in the folder, relative to it, except the test's own config folder.
  var contents: [String] {
    RenderedFolder.allFiles(under: path).filter { !$0.hasPrefix(Self.configFolder) }
  }
}

/// Files the tests read from the repository.
enum Fixtures {
  /// `Tests/Books/the-lighthouse-ledger.txt`.
  static let exampleBook: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Books/the-lighthouse-ledger.txt").path

  /// `../shared/books/valerie-loren.txt`, present only beside a working copy.
  static let valerieLoren: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .appendingPathComponent("../../../shared/books/valerie-loren.txt").standardizedFileURL.path

  /// `../shared/books/pride-and-prejudice.txt`, present only beside a working copy.
  static let prideAndPrejudice: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .appendingPathComponent("../../../shared/books/pride-and-prejudice.txt").standardizedFileURL.path

  /// `Tests/Books/languages/CODE.txt`: a short book of our own in that language, with its
  /// chapter headings, abbreviations, numbers and dialogue.
  static func languageBook(_ code: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Books/languages/\(code).txt").path
  }

  static let exampleChapterTitles = ["Chapter 1: The Letter", "Chapter 2: The Crossing", "Chapter 3: The Keeper"]
}

/// The parts of `manifest.json` that DESIGN.md names as a contract, decoded independently of
/// the library's own type so a renamed key shows up here.
struct ManifestFile: Decodable {
  struct Span: Decodable {
    var text: String
    var startFrame: Int
    var frames: Int
  }
  struct Paragraph: Decodable {
    var id: String
    var sourceLine: Int
    var startFrame: Int
    var frames: Int
    var sentences: [Span]
  }
  struct Chapter: Decodable {
    var number: Int
    var title: String
    var file: String
    var frames: Int
    var paragraphs: [Paragraph]
  }
  struct Voice: Decodable {
    struct Pauses: Decodable {
      var sentence: Int
    }
    struct Settings: Decodable {
      var voice: String
    }
    var pauses: Pauses
    var settings: Settings
  }
  var title: String
  var author: String?
  var language: String?
  var sampleRate: Int
  var voice: Voice
  var chapters: [Chapter]

  static func read(_ path: String) throws -> ManifestFile {
    try JSONDecoder().decode(ManifestFile.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
  }
}

/// Helpers for looking at what a render left on disk.
enum RenderedFolder {
  /// Every entry under `path`, relative to it, hidden ones included, except the clip cache
  /// (`.audiobook-cache`) and the books' lock files (`.<slug>.lock`), which live beside the
  /// books by design; empty when it does not exist.
  static func allFiles(under path: String) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: path) else { return [] }
    var files: [String] = []
    while let next = enumerator.nextObject() as? String {
      if !next.hasPrefix(".audiobook-cache") && !isLock(next) { files.append(next) }
    }
    return files.sorted()
  }

  /// `.<slug>.lock` in an output folder: renders of one book take turns by it.
  static func isLock(_ relativePath: String) -> Bool {
    !relativePath.contains("/") && relativePath.hasPrefix(".") && relativePath.hasSuffix(".lock")
  }

  /// Outputs a render must not leave after a failure or interruption: chapter audio, cue
  /// sheets, manifests and temporary files.
  static func leftovers(under path: String) -> [String] {
    allFiles(under: path).filter { isTemporary($0) || isPublished($0) }
  }

  static func isTemporary(_ relativePath: String) -> Bool {
    let name = (relativePath as NSString).lastPathComponent
    return name.hasPrefix(".") || name.hasSuffix(".partial")
  }

  static func isPublished(_ relativePath: String) -> Bool {
    let name = (relativePath as NSString).lastPathComponent
    return name.hasSuffix(".wav") || name.hasSuffix(".cue") || name == "manifest.json"
  }
}

/// Frames of `milliseconds` at `sampleRate`, as the renderer counts them.
func frames(milliseconds: Int, sampleRate: Int) -> Int { milliseconds * sampleRate / 1000 }

/// Processes whose parent is `pid` (from `/proc/N/stat`).
func childProcesses(of pid: Int32) -> [Int32] {
  let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
  return entries.compactMap { entry -> Int32? in
    guard let child = Int32(entry), let stat = processStat(child) else { return nil }
    return stat.parent == pid ? child : nil
  }
}

/// State letter and parent of a process, or nil when it no longer exists.
func processStat(_ pid: Int32) -> (state: Character, parent: Int32)? {
  guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
    let close = text.lastIndex(of: ")")
  else { return nil }
  let fields = text[text.index(after: close)...].split(separator: " ")
  guard fields.count > 2, let state = fields[0].first, let parent = Int32(fields[1]) else { return nil }
  return (state, parent)
}

/// Waits until some of `descriptors` can be read (data, end of file or a hang-up) or `deadline`
/// passes (`poll`); returns those that can.
func readableDescriptors(_ descriptors: [Int32], until deadline: Date) -> [Int32] {
  var polled = descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
  while true {
    let milliseconds = max(0, Int32(min(deadline.timeIntervalSinceNow * 1000, Double(Int32.max)).rounded(.up)))
    let ready = poll(&polled, nfds_t(polled.count), milliseconds)
    if ready < 0 && errno == EINTR { continue }
    return ready > 0 ? polled.filter { $0.revents != 0 }.map(\.fd) : []
  }
}

/// Waits until none of `pids` runs any more (exited, whether reaped or not), or `timeout`
/// passes; returns those still running. Each is waited on through a pidfd (`pidfd_open`,
/// which glibc 2.36 has and Swift's Glibc module does not declare), which becomes readable
/// when the process exits.
func waitForExit(of pids: [Int32], timeout: TimeInterval) -> [Int32] {
  typealias PidfdOpen = @convention(c) (pid_t, UInt32) -> Int32
  guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "pidfd_open") else {
    Issue.record("pidfd_open is missing: \(String(cString: dlerror()))")
    return pids
  }
  let pidfdOpen = unsafeBitCast(symbol, to: PidfdOpen.self)
  let deadline = Date().addingTimeInterval(timeout)
  var running: [Int32] = []
  for pid in pids {
    let descriptor = pidfdOpen(pid, 0)
    guard descriptor >= 0 else {
      if errno != ESRCH {  // ESRCH: gone already
        Issue.record("pidfd_open(\(pid)) failed: \(String(cString: strerror(errno)))")
        running.append(pid)
      }
      continue
    }
    defer { close(descriptor) }
    if readableDescriptors([descriptor], until: deadline).isEmpty { running.append(pid) }
  }
  return running
}

/// Sets the modification time of the file at `path` to a day ago, in whole seconds: a file
/// written again afterwards has a later one, without waiting for the clock to move.
func backdate(_ path: String) throws {
  let dayAgo = (Date().timeIntervalSince1970 - 86_400).rounded(.down)
  try FileManager.default.setAttributes(
    [.modificationDate: Date(timeIntervalSince1970: dayAgo)], ofItemAtPath: path)
}

extension String {
  /// Runs of whitespace collapsed to one space, ends trimmed.
  var collapsingWhitespace: String { split(whereSeparator: \.isWhitespace).joined(separator: " ") }
}
