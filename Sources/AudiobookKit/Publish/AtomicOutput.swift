import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Outputs are written under a temporary name beside their final one and renamed into place,
/// so an interrupted or failed render never leaves a half-written WAV, cue sheet or manifest.
///
/// Temporary names are hidden (`.NAME.partial`); the ones in progress are removed when the
/// process is interrupted (`removeAllInProgress`), and stale ones from a killed render are
/// swept by `sweepStale` before the next.
public enum AtomicOutput {
  static let suffix = ".partial"

  /// The temporary path for `path`.
  static func temporaryPath(for path: String) -> String {
    let url = URL(fileURLWithPath: path)
    return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent)\(suffix)").path
  }

  /// Writes `bytes` to `path` through a temporary file and a rename.
  public static func write(_ bytes: [UInt8], to path: String) throws(AudiobookError) {
    try writing(path) { temporary throws(AudiobookError) in
      guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
        throw AudiobookError(.cannotCreate, "cannot write the file", file: path)
      }
    }
  }

  /// Lets `body` write `path`'s temporary file, then renames it into place; when `body` fails
  /// or the process is interrupted, the temporary file is removed and `path` is untouched.
  static func writing<T>(_ path: String, _ body: (String) throws(AudiobookError) -> T) throws(AudiobookError) -> T {
    let temporary = temporaryPath(for: path)
    register(temporary)
    defer {
      unregister(temporary)
      unlink(temporary)  // gone already when the file was committed
    }
    let result = try body(temporary)
    try commit(temporary, to: path)
    return result
  }

  /// Renames a finished temporary file into place (`rename`, atomic within a folder).
  static func commit(_ temporary: String, to path: String) throws(AudiobookError) {
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw AudiobookError(.cannotCreate, "cannot move the finished file into place: \(reason)", file: path)
    }
  }

  /// Removes temporary files left in `folder` by a render that was killed.
  static func sweepStale(in folder: String) {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    for name in names where name.hasPrefix(".") && name.hasSuffix(suffix) {
      unlink((folder as NSString).appendingPathComponent(name))
    }
  }

  // The temporary files being written now, as C strings so a signal handler can unlink them.
  nonisolated(unsafe) private static var inProgress: [UnsafeMutablePointer<CChar>] = []
  private static let lock = NSLock()

  static func register(_ path: String) {
    lock.withLock { inProgress.append(strdup(path)) }
  }

  static func unregister(_ path: String) {
    lock.withLock {
      inProgress.removeAll { pointer in
        guard String(cString: pointer) == path else { return false }
        free(pointer)
        return true
      }
    }
  }

  /// Unlinks every temporary file in progress; called when the process is interrupted.
  public static func removeAllInProgress() {
    lock.withLock {
      for pointer in inProgress { unlink(pointer) }
    }
  }
}
