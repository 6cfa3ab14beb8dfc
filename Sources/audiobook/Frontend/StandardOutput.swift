#if canImport(Glibc)
  @preconcurrency import Glibc
#endif
import AudiobookKit

/// Standard output for the commands that print (plan, sentences, voices, verify, check, …):
/// C stdio, as `print` uses, and one check at the end, so that a full disk is one line and
/// exit 74 rather than output silently lost or Foundation's `FileHandle` trapping.
enum StandardOutput {
  /// C's `stdout`: one stream, written from the main thread only.
  nonisolated(unsafe) private static let stream = Glibc.stdout

  /// Writes `bytes` after whatever `print` wrote before them.
  static func write(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, stream) }
  }

  /// Flushes standard output. A reader that went away ends the process as SIGPIPE would (as
  /// `head` expects, with nothing said); any other failure is one line on stderr and exit 74.
  static func finish() {
    let flushFailed = fflush(stream) != 0
    let code = errno
    guard flushFailed || ferror(stream) != 0 else { return }
    if code == EPIPE {
      signal(SIGPIPE, SIG_DFL)
      raise(SIGPIPE)
    }
    let failure: AudiobookError =
      flushFailed
      ? AudiobookError.output(errno: code, "cannot write", file: "<stdout>")
      : AudiobookError(.io, "cannot write: the output was cut short", file: "<stdout>")
    Diagnostics.printError(failure)
    exit(failure.exitStatus)
  }
}
