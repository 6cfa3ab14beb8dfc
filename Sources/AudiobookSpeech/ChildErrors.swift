import AudiobookCore
import SystemPackage

/// A pipe that takes a synthesis child's stderr, so that what it says as it dies reaches the
/// user as part of one line instead of as lines of its own.
///
/// Both ends are non-blocking: a child that says more than the pipe holds loses the rest
/// rather than waiting for a reader, and the worker reads only what is there once the child
/// has exited.
final class ChildErrors {
  private var readEnd: FileDescriptor?
  private var writeEnd: FileDescriptor?

  /// The most of the first line kept for a report.
  static let longestLine = 160

  /// Opens the pipe; without one (no descriptors left) the child keeps the worker's stderr.
  init() {
    guard let ends = try? FileDescriptor.pipe(options: [.closeOnExec, .nonBlocking]) else { return }
    (readEnd, writeEnd) = (ends.readEnd, ends.writeEnd)
  }

  /// In the child: the pipe becomes its stderr (`dup2`, which leaves close-on-exec off).
  func becomeStandardError() {
    _ = try? writeEnd?.duplicate(as: .standardError)
  }

  /// In the worker, once the child is started: only the child may hold the write end, so that
  /// reading sees the end of what it wrote.
  func closeWriteEnd() {
    try? writeEnd?.close()
    writeEnd = nil
  }

  /// The first line the child wrote, tidied for a report (`*** buffer overflow detected ***:
  /// terminated` becomes `buffer overflow detected`); nil when it wrote nothing.
  package func firstLine() -> String? {
    guard let readEnd else { return nil }
    var buffer = [UInt8](repeating: 0, count: 4_096)
    guard let count = try? buffer.withUnsafeMutableBytes({ try readEnd.read(into: $0) }), count > 0 else {
      return nil
    }
    return Self.tidied(String(decoding: buffer[..<count], as: UTF8.self))
  }

  /// The first non-empty line of `text` without glibc's stars and `: terminated`, control
  /// characters and all, cut to `longestLine` characters; nil when nothing is left.
  static func tidied(_ text: String) -> String? {
    let lines = text.split(whereSeparator: \.isNewline).map { line in
      var line = String(line)
      if line.hasSuffix(": terminated") { line.removeLast(": terminated".count) }
      let kept = line.unicodeScalars.filter { $0 != "*" && $0.properties.generalCategory != .control }
      return String(String.UnicodeScalarView(kept)).split(separator: " ").joined(separator: " ")
    }
    guard let line = lines.first(where: { !$0.isEmpty }) else { return nil }
    return line.count > longestLine ? String(line.prefix(longestLine)) + "..." : line
  }

  deinit {
    try? readEnd?.close()
    try? writeEnd?.close()
  }
}
