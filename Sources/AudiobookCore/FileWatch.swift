import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Hears of changes to a few named files (a manuscript, its lexicon, its settings, a voice
/// preset) through inotify: their folders are watched, so a file an editor saves by writing a
/// copy and renaming it over the old one is heard as well as one written in place, and a file
/// that does not exist yet is heard when it is made.
///
/// One thread waits at a time (`waitForChange`); `close` ends any wait.
public final class FileWatch: @unchecked Sendable {
  /// The files watched, as absolute paths (symbolic links not resolved).
  public let files: Set<String>
  private let descriptor: Int32
  /// A pipe whose write end `close` closes, to wake a waiting thread.
  private var wake: [Int32] = [-1, -1]
  /// Each watch's folder.
  private var folders: [Int32: String] = [:]

  /// What a save does to a file: writes it, moves it in or out, makes or removes it.
  private static let changes = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE)

  /// Starts watching `files` (relative paths are taken from the current folder).
  ///
  /// - Throws: `.io` when inotify is not available or no folder can be watched.
  public init(files: [String]) throws(AudiobookError) {
    let current = FileManager.default.currentDirectoryPath
    self.files = Set(
      files.map { path in
        ((path.hasPrefix("/") ? path : current + "/" + path) as NSString).standardizingPath
      })
    descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
    guard descriptor >= 0 else {
      throw AudiobookError(.io, "cannot watch files for changes", errno: errno, file: nil)
    }
    // Past this point every descriptor is closed by `deinit`, which runs when `init` throws too.
    guard pipe(&wake) == 0 else { throw AudiobookError(.io, "cannot watch files for changes", errno: errno, file: nil) }
    for folder in Set(self.files.map { ($0 as NSString).deletingLastPathComponent }) {
      let watched = inotify_add_watch(descriptor, folder, Self.changes | UInt32(IN_ONLYDIR))
      if watched >= 0 { folders[watched] = folder }
    }
    guard !folders.isEmpty else {
      throw AudiobookError(.io, "cannot watch the folder of any of the files", errno: errno, file: nil)
    }
  }

  deinit {
    close()
    if wake[0] >= 0 { Glibc.close(wake[0]) }
    if descriptor >= 0 { Glibc.close(descriptor) }
  }

  /// Ends the watch; a thread waiting in `waitForChange` returns nil.
  public func close() {
    if wake[1] >= 0 {
      Glibc.close(wake[1])
      wake[1] = -1
    }
  }

  /// Waits until a watched file changes and then until `quiet` passes with no further change
  /// (an editor's save is several events), and returns the files that changed, sorted.
  /// Returns nil once `close` was called, or when `timeout` (if given) passes first.
  public func waitForChange(quiet: Duration = .milliseconds(150), timeout: Duration? = nil) -> [String]? {
    var changed = Set<String>()
    let deadline = timeout.map { ContinuousClock.now + $0 }
    while true {
      let wait: Duration? =
        changed.isEmpty ? deadline.map { $0 - ContinuousClock.now } : quiet
      if let wait, wait <= .zero { return changed.isEmpty ? nil : changed.sorted() }
      switch poll(milliseconds: wait.map(Self.milliseconds)) {
      case .closed: return nil
      case .timedOut: if !changed.isEmpty { return changed.sorted() }
      case .readable: changed.formUnion(readEvents())
      }
    }
  }

  private enum Woken { case readable, timedOut, closed }

  private func poll(milliseconds: Int32?) -> Woken {
    var fds = [
      pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
      pollfd(fd: wake[0], events: Int16(POLLIN), revents: 0),
    ]
    let count = Glibc.poll(&fds, 2, milliseconds ?? -1)
    if count < 0 { return errno == EINTR ? .timedOut : .closed }
    if fds[1].revents != 0 { return .closed }
    return count == 0 ? .timedOut : .readable
  }

  /// The watched files named in the events waiting to be read.
  private func readEvents() -> Set<String> {
    var found = Set<String>()
    var buffer = [UInt8](repeating: 0, count: 16_384)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      guard count > 0 else { return found }
      var offset = 0
      while offset + MemoryLayout<inotify_event>.size <= count {
        let (watch, length) = buffer.withUnsafeBytes { raw in
          let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
          return (event.wd, Int(event.len))
        }
        let nameStart = offset + MemoryLayout<inotify_event>.size
        let nameBytes = buffer[nameStart..<min(count, nameStart + length)].prefix { $0 != 0 }
        if let folder = folders[watch] {
          let path = folder + "/" + String(decoding: nameBytes, as: UTF8.self)
          if files.contains(path) { found.insert(path) }
        }
        offset = nameStart + length
      }
    }
  }

  private static func milliseconds(_ duration: Duration) -> Int32 {
    let (seconds, attoseconds) = duration.components
    return Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
  }
}
