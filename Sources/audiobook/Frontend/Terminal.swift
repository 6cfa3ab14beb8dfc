#if canImport(Glibc)
  import Glibc
#endif
import AudiobookKit
import Foundation

enum Terminal {
  static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

  /// Removes temporary outputs and exits when the user presses Ctrl-C or the job is terminated,
  /// so no half-written file survives an interruption. Installed once however often it is
  /// called (`render --watch` renders many times): setting a signal to SIG_IGN again would
  /// undo the handler libdispatch installed for it, and the signal would be lost.
  static func removePartialOutputsOnInterrupt() {
    guard sources.isEmpty else { return }
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler {
        AtomicOutput.interrupt()
        // A file registered just before the first sweep may be created just after it.
        usleep(50_000)
        AtomicOutput.interrupt()
        ScratchFolder.removeAllOnInterrupt()
        FileHandle.standardError.write(Data("audiobook: interrupted; no partial files were left behind\n".utf8))
        _exit(128 + signalNumber)
      }
      source.resume()
      sources.append(source)
    }
  }

  nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

  /// Ends the process as `plan` or `sentences` end when their reader goes away (`head`,
  /// a closed pager): killed by SIGPIPE, silently. Call it once temporary files are removed.
  static func exitForBrokenPipe() -> Never {
    signal(SIGPIPE, SIG_DFL)
    raise(SIGPIPE)
    _exit(128 + SIGPIPE)
  }
}
