import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The changes under a folder, and in the folders made in it, as inotify reports them: files
/// created, written, moved and removed. A test waits on these instead of looking at the disk
/// again and again; start the watch before the process that makes the changes.
final class FolderWatch {
  struct Change {
    var path: String
    /// `IN_CREATE`, `IN_CLOSE_WRITE`, … (`IN_ISDIR` for a folder).
    var mask: UInt32
  }

  /// What a render does to its files: makes them, finishes writing them, renames and removes them.
  static let changes = UInt32(IN_CREATE | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE)

  private let descriptor: Int32
  private var folders: [Int32: String] = [:]

  /// Starts watching `folder` and the folders under it.
  init(_ folder: String) throws {
    descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
    guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    _ = watch(folder)
  }

  deinit { close(descriptor) }

  /// Watches `folder` and the folders under it; returns what is in them already, as created
  /// (what was made in a new folder before its watch began).
  private func watch(_ folder: String) -> [Change] {
    let watched = inotify_add_watch(descriptor, folder, Self.changes | UInt32(IN_ONLYDIR))
    guard watched >= 0 else { return [] }  // gone again, or not a folder
    let known = folders[watched] != nil
    folders[watched] = folder
    if known { return [] }  // a watched folder renamed: nothing in it was missed
    var found: [Change] = []
    for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
      let path = (folder as NSString).appendingPathComponent(name)
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
      found.append(Change(path: path, mask: UInt32(IN_CREATE) | (isFolder.boolValue ? UInt32(IN_ISDIR) : 0)))
      if isFolder.boolValue { found += watch(path) }
    }
    return found
  }

  /// The next changes: those that are waiting, or else the first to come before `deadline`;
  /// empty when none came by then or when `running` has exited (see `isRunning`).
  func next(until deadline: Date, while running: Audiobook.Running) -> [Change] {
    while true {
      let changes = read()
      if !changes.isEmpty { return changes }
      let ready = readableDescriptors([descriptor, running.exitDescriptor], until: deadline)
      if !ready.contains(descriptor) { return read() }
    }
  }

  /// Waits until a file or folder whose path satisfies `condition` is made (or is there
  /// already) under the folder, while `running` runs, for up to `timeout`; whether it was.
  func waitFor(
    while running: Audiobook.Running, timeout: TimeInterval = 120, _ condition: (String) -> Bool
  ) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      let changes = next(until: deadline, while: running)
      if changes.isEmpty { return false }
      if changes.contains(where: { $0.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 && condition($0.path) }) {
        return true
      }
    }
  }

  /// The changes waiting to be read, with the folders made among them now watched too.
  private func read() -> [Change] {
    var changes: [Change] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = Glibc.read(descriptor, &buffer, buffer.count)
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { return changes }
      var offset = 0
      while offset + 16 <= count {
        // struct inotify_event: wd, mask, cookie, len, then the name, padded with NULs.
        func uint32(_ at: Int) -> UInt32 {
          buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset + at, as: UInt32.self) }
        }
        let watched = Int32(bitPattern: uint32(0))
        let mask = uint32(4)
        let length = Int(uint32(12))
        let name = buffer[(offset + 16)..<(offset + 16 + length)].prefix { $0 != 0 }
        offset += 16 + length
        if mask & UInt32(IN_Q_OVERFLOW) != 0 { Issue.record("inotify's queue overflowed: changes were lost") }
        guard let folder = folders[watched], !name.isEmpty else { continue }
        let path = (folder as NSString).appendingPathComponent(String(decoding: name, as: UTF8.self))
        changes.append(Change(path: path, mask: mask))
        if mask & UInt32(IN_ISDIR) != 0 && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { changes += watch(path) }
      }
    }
  }
}
