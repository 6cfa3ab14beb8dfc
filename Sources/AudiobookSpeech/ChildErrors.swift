import AudiobookCore
#if canImport(Glibc)
  import Glibc
#endif

/// A pipe that takes a synthesis child's stderr, so that what it says as it dies reaches the
/// user as part of one line instead of as lines of its own.
///
/// Both ends are non-blocking: a child that says more than the pipe holds loses the rest
/// rather than waiting for a reader, and the worker reads only what is there once the child
/// has exited.
final class ChildErrors {
  private var readEnd: Int32 = -1
  private var writeEnd: Int32 = -1

  /// The most of the first line kept for a report.
  static let longestLine = 160

  /// Opens the pipe; without one (no descriptors left) the child keeps the worker's stderr.
  init() {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { return }
    for end in ends {
      _ = fcntl(end, F_SETFD, FD_CLOEXEC)
      _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
    }
    (readEnd, writeEnd) = (ends[0], ends[1])
  }

  /// In the child: the pipe becomes its stderr (`dup2`, which leaves close-on-exec off).
  func becomeStandardError() {
    guard writeEnd >= 0 else { return }
    _ = dup2(writeEnd, 2)
  }

  /// In the worker, once the child is started: only the child may hold the write end, so that
  /// reading sees the end of what it wrote.
  func closeWriteEnd() {
    guard writeEnd >= 0 else { return }
    close(writeEnd)
    writeEnd = -1
  }

  /// The first line the child wrote, tidied for a report (`*** buffer overflow detected ***:
  /// terminated` becomes `buffer overflow detected`); nil when it wrote nothing.
  package func firstLine() -> String? {
    guard readEnd >= 0 else { return nil }
    var buffer = [UInt8](repeating: 0, count: 4_096)
    let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
    guard count > 0 else { return nil }
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
    if readEnd >= 0 { close(readEnd) }
    if writeEnd >= 0 { close(writeEnd) }
  }
}
