import Foundation
import SystemPackage

#if canImport(Glibc)
  import Glibc
#endif

/// Single files (a report, a `say` WAV, a cache's book list) are written under a temporary
/// name beside their final one and renamed into place, so an interrupted or failed write
/// never leaves half a file; a render's book folder is built whole (`RenderFolder`).
///
/// Temporary names are hidden and carry the writer's process id (`.NAME.PID.partial`). The
/// files and render folders in progress are removed when the process is interrupted
/// (`interrupt`).
public enum AtomicOutput {
  package static let suffix = ".partial"

  /// The temporary path for `path`, private to this process.
  package static func temporaryPath(for path: String) -> String {
    let url = URL(fileURLWithPath: path)
    return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid())\(suffix)").path
  }

  /// Writes `bytes` to `path` through a temporary file and a rename.
  public static func write(_ bytes: [UInt8], to path: String) throws(AudiobookError) {
    try writing(path) { temporary throws(AudiobookError) in try writeFile(bytes, at: temporary, reportedPath: path) }
  }

  /// Creates (or truncates) the file at `path`, never through a symbolic link, and writes
  /// `bytes` to it; errors name `reportedPath` and say when the disk is full.
  package static func writeFile(_ bytes: [UInt8], at path: String, reportedPath: String) throws(AudiobookError) {
    do {
      let file = try FileDescriptor.opening(
        path, .writeOnly, options: [.create, .truncate, .closeOnExec, .noFollow],
        permissions: FilePermissions(rawValue: 0o644))
      defer { try? file.close() }
      try file.writeWhole(bytes)
    } catch {
      throw .output(error, "cannot write the file", file: reportedPath)
    }
  }

  /// Lets `body` write `path`'s temporary file, then renames it into place; when `body` fails
  /// or the process is interrupted, the temporary file is removed and `path` is untouched.
  package static func writing<T>(_ path: String, _ body: (String) throws(AudiobookError) -> T) throws(AudiobookError)
    -> T
  {
    sweepStale(beside: path)
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
  package static func commit(_ temporary: String, to path: String) throws(AudiobookError) {
    guard rename(temporary, path) == 0 else {
      let failure = AudiobookError(.cannotCreate, "cannot move the finished file into place", errno: errno, file: path)
      unlink(temporary)
      throw failure
    }
  }

  /// Removes the temporary files for `path` that killed writers left (`.NAME.PID.partial`
  /// whose process no longer runs), so a `say -o x.wav` killed mid-write leaves nothing for good.
  static func sweepStale(beside path: String) {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    let prefix = ".\(url.lastPathComponent)."
    for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    where name.hasPrefix(prefix) && name.hasSuffix(suffix) {
      guard let writer = Int32(name.dropFirst(prefix.count).dropLast(suffix.count)), writer != getpid(),
        kill(writer, 0) != 0, errno == ESRCH
      else { continue }
      unlink((folder as NSString).appendingPathComponent(name))
    }
  }

  /// Whether `name` is one of the hidden temporary files of a writer (`.NAME.PID.partial`),
  /// or of Foundation's atomic writes (`.dat.nosync…`), which are never part of a render.
  package static func isTemporaryName(_ name: String) -> Bool {
    name.hasPrefix(".") && (name.hasSuffix(suffix) || name.contains(".dat.nosync"))
  }

  // The temporary files being written now, as C strings so a signal handler can unlink them.
  nonisolated(unsafe) private static var inProgress: [UnsafeMutablePointer<CChar>] = []
  // The private folders of renders in progress (`RenderFolder`).
  nonisolated(unsafe) private static var foldersInProgress: [String] = []
  private static let lock = NSLock()

  nonisolated(unsafe) private static var interrupted = false

  package static func register(_ path: String) {
    lock.lock()
    guard !interrupted else {
      // The process is being interrupted: create nothing more; the handler is about to exit.
      lock.unlock()
      waitForTheInterruptToExit()
    }
    inProgress.append(strdup(path))
    lock.unlock()
  }

  package static func unregister(_ path: String) {
    lock.withLock {
      inProgress.removeAll { pointer in
        guard String(cString: pointer) == path else { return false }
        free(pointer)
        return true
      }
    }
  }

  /// Registers a render's private folder, removed with what is in it when the process is interrupted.
  package static func registerFolder(_ folder: String) {
    lock.withLock { foldersInProgress.append(folder) }
  }

  package static func unregisterFolder(_ folder: String) {
    lock.withLock { foldersInProgress.removeAll { $0 == folder } }
  }

  /// Whether `interrupt` was called: the process is about to exit, and a failure it meets now
  /// (a temporary file gone from under it) is the interruption's doing, not an error to report.
  public static var wasInterrupted: Bool { lock.withLock { interrupted } }

  /// Unlinks every temporary file in progress and lets no new one start: for a process that
  /// was interrupted and is about to exit. A render's last step (`finishing`) is let run to
  /// its end first, so the folder holds one whole render, the old or the new.
  public static func interrupt() {
    finishingDone.lock()
    while finishingCount > 0 { finishingDone.wait() }
    lock.withLock { interrupted = true }
    finishingDone.unlock()
    removeAllInProgress()
  }

  /// Parks the calling thread for good once `interrupt` was called: the signal handler that
  /// called it exits the process within milliseconds, and nothing else is to be done or said.
  public static func waitForTheInterruptToExit() -> Never {
    while true { pause() }
  }

  private static let finishingDone = NSCondition()
  nonisolated(unsafe) private static var finishingCount = 0

  /// Runs `body`, a render's last step (swapping the new book folder in and removing the
  /// previous one), to its end even when the process is interrupted meanwhile: `interrupt`
  /// waits for it. A rename and a few unlinks: it takes milliseconds.
  public static func finishing<T>(_ body: () throws(AudiobookError) -> T) throws(AudiobookError) -> T {
    finishingDone.lock()
    guard !wasInterrupted else {
      // Interrupted before the last step began: begin nothing; the handler is about to exit.
      finishingDone.unlock()
      waitForTheInterruptToExit()
    }
    finishingCount += 1
    finishingDone.unlock()
    defer {
      finishingDone.lock()
      finishingCount -= 1
      finishingDone.broadcast()
      finishingDone.unlock()
    }
    return try body()
  }

  /// Unlinks every temporary file and render folder in progress, or only those under `folder`
  /// (tests share one process with renders in progress).
  static func removeAllInProgress(under folder: String? = nil) {
    lock.withLock {
      func isUnder(_ path: String) -> Bool { folder.map { path.hasPrefix($0 + "/") } ?? true }
      for pointer in inProgress where isUnder(String(cString: pointer)) {
        unlink(pointer)
      }
      for render in foldersInProgress where isUnder(render) {
        FlatFolder.remove(render)
      }
    }
  }
}
