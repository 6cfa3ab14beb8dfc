#if canImport(Glibc)
  import Glibc
#endif
import AudiobookKit
import Foundation

/// A private folder (`mkdtemp`, mode 0700) under `TMPDIR` for files only this process reads,
/// such as the WAV `say` assembles before copying it to a pipe. It is removed by `remove()`,
/// or by the interrupt handler (`removeAllOnInterrupt`) when the process is interrupted.
final class ScratchFolder {
  let path: String

  /// Makes `TMPDIR/audiobook-PURPOSE-XXXXXX`.
  ///
  /// - Throws: `.cannotCreate` when the folder cannot be made.
  init(purpose: String) throws(AudiobookError) {
    let parent = FileManager.default.temporaryDirectory.path
    var template = Array("\(parent)/audiobook-\(purpose)-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
    }
    guard let made else {
      throw AudiobookError(.cannotCreate, "cannot make a temporary folder", errno: errno, file: parent)
    }
    path = made
    Self.lock.withLock { Self.live.append(made) }
  }

  /// `name` inside the folder.
  func appending(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

  /// Removes the folder and everything in it.
  func remove() {
    Self.lock.withLock { Self.live.removeAll { $0 == path } }
    try? FileManager.default.removeItem(atPath: path)
  }

  deinit { remove() }

  nonisolated(unsafe) private static var live: [String] = []
  private static let lock = NSLock()

  /// Removes every scratch folder not yet removed: for the interrupt handler, after
  /// `AtomicOutput.interrupt()` has stopped new files from being started.
  static func removeAllOnInterrupt() {
    lock.withLock {
      for path in live { try? FileManager.default.removeItem(atPath: path) }
    }
  }
}
