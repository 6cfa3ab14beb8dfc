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
    private var err = Data()

    fileprivate init(process: Process, stdout: Pipe?, stderr: Pipe, stdin: Data?, stdinPipe: Pipe?) {
      self.process = process
      if let stdout { drain(stdout.fileHandleForReading) { self.out = $0 } }
      drain(stderr.fileHandleForReading) { self.err = $0 }
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

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    /// Waits for the process to end (killing it after `timeout` seconds) and for its output.
    func wait(timeout: TimeInterval = 300) -> RunResult {
      let deadline = Date().addingTimeInterval(timeout)
      var timedOut = false
      while process.isRunning {
        if Date() > deadline {
          timedOut = true
          kill(process.processIdentifier, SIGKILL)
          break
        }
        usleep(5_000)
      }
      process.waitUntilExit()
      // A lingering grandchild holding the pipes must not hang the test run.
      _ = group.wait(timeout: .now() + 30)
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
    try process.run()
    return Running(process: process, stdout: stdout, stderr: stderr, stdin: stdin, stdinPipe: stdinPipe)
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
    var pauses: Pauses
  }
  var title: String
  var author: String?
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

extension String {
  /// Runs of whitespace collapsed to one space, ends trimmed.
  var collapsingWhitespace: String { split(whereSeparator: \.isWhitespace).joined(separator: " ") }
}
