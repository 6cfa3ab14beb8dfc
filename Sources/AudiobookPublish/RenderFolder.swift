import Foundation
import AudiobookCore

#if canImport(Glibc)
  import Glibc
#endif

/// A render's book folder, built whole beside the published one and put in its place with one
/// atomic rename, so that SIGKILL or a full disk at any instant leaves the previous render or
/// the new one, whole, and never a mix of the two.
///
/// The new render is written into `OUTPUT/.<slug>.<pid>.render`. Files it keeps from the
/// previous render are hard links to them (same bytes, same modification time), and so is
/// every new file whose bytes equal the previous one's. `commit` swaps the two folders
/// (`renameat2(RENAME_EXCHANGE)`) and then removes the previous render. Files in the book
/// folder that no render made (notes, a cover) are carried over; a folder or a special file
/// inside it, which no render makes, is refused rather than guessed at.
///
/// Renders of one book into one output folder take turns: each holds an `flock` on
/// `OUTPUT/.<slug>.lock` from start to end. A render killed before or after the swap leaves
/// its hidden folder behind, and the next render into the same output folder removes it. It
/// knows the writer is gone because every render holds an `flock` on its folders while it
/// runs, which the kernel drops with the process.
package final class RenderFolder {
  /// `OUTPUT/<slug>`: where the render is published.
  package let published: String
  /// `OUTPUT/.<slug>.<pid>.render`: where it is built.
  let staging: String
  private var locks: [Int32] = []
  private var committed = false

  /// Starts a render of `published`: removes what killed renders left beside it and creates
  /// the private folder the new render is written into.
  ///
  /// - Throws: `.cannotCreate` when the output folder cannot be made, or `published` is not a
  ///   folder (a file, a symbolic link) or holds something no render makes (a folder, a FIFO).
  package init(published: String) throws(AudiobookError) {
    self.published = published
    let parent = (published as NSString).deletingLastPathComponent
    let name = (published as NSString).lastPathComponent
    staging = (parent as NSString).appendingPathComponent(".\(name).\(getpid()).render")
    try OutputFolder.create(parent.isEmpty ? "." : parent)
    // Renders of one book into one folder take turns (`.<slug>.lock`, held until the render
    // ends): two at once would each read the other's half-made state.
    let lockFile = (parent.isEmpty ? "." : parent) + "/.\(name).lock"
    let lock = open(lockFile, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard lock >= 0 else { throw .output(errno: errno, "cannot create the render's lock file", file: lockFile) }
    flock(lock, LOCK_EX)
    locks.append(lock)
    Self.sweepAbandoned(of: name, in: parent.isEmpty ? "." : parent)
    try Self.checkPublished(published)
    FlatFolder.remove(staging)  // one this very process id left, long ago
    guard mkdir(staging, 0o755) == 0 else {
      throw .output(errno: errno, "cannot create the render's working folder", file: staging)
    }
    AtomicOutput.registerFolder(staging)
    lockFolder(staging)
  }

  deinit { discard() }

  /// Where the new render writes the file `name`.
  package func path(_ name: String) -> String { (staging as NSString).appendingPathComponent(name) }

  /// The previous render's file `name`, when it is a plain file directly inside the book
  /// folder; nil for a name with `/` or `..`, a symbolic link, a FIFO or a device.
  package func previousFile(_ name: String) -> String? {
    guard Manifest.isPlainFileName(name) else { return nil }
    let path = (published as NSString).appendingPathComponent(name)
    return FileKind(path: path, followingLinks: false) == .regular ? path : nil
  }

  /// The previous render's manifest, when there is one this version reads and every file it
  /// names is a plain name in the book folder; nil otherwise (the render starts afresh).
  package func previousManifest() -> Manifest? {
    guard let path = previousFile("manifest.json") else { return nil }
    return try? Manifest.read(from: path)
  }

  /// Keeps the previous render's file `name` in the new one, as a hard link (or, where the
  /// file system has none, a copy with the same modification time).
  package func keep(_ name: String) throws(AudiobookError) {
    guard let source = previousFile(name) else {
      throw AudiobookError(
        .failure, "internal error: the previous render has no file '\(name)' to keep", file: published)
    }
    try Self.linkOrCopy(source, path(name))
  }

  /// Writes `bytes` as the new render's file `name`.
  package func write(_ bytes: [UInt8], to name: String) throws(AudiobookError) {
    try AtomicOutput.writeFile(
      bytes, at: path(name), reportedPath: (published as NSString).appendingPathComponent(name))
  }

  /// Publishes the new render in one step: the previous render's files that this one has too
  /// with the same bytes are linked in (keeping their modification time), files no render made
  /// are carried over, the folders are swapped, and the previous render is removed.
  ///
  /// - Parameter previousRender: the names of the files the previous render made; those this
  ///   render has not made are dropped with it.
  package func commit(previousRender: Set<String>) throws(AudiobookError) {
    // Scratch files still open (the whole-book file's samples) are not part of the render.
    for name in FlatFolder.names(in: staging) where AtomicOutput.isTemporaryName(name) { unlink(path(name)) }
    adoptUnchanged()
    try carryOver(except: previousRender)
    try AtomicOutput.finishing { () throws(AudiobookError) in try swapIn() }
  }

  /// Removes the new render, unless it was committed.
  package func discard() {
    if !committed { FlatFolder.remove(staging) }
    AtomicOutput.unregisterFolder(staging)
    for fd in locks { close(fd) }
    locks = []
  }

  // MARK: - Steps

  private func swapIn() throws(AudiobookError) {
    var info = stat()
    guard lstat(published, &info) == 0 else {
      guard rename(staging, published) == 0 else {
        throw .output(errno: errno, "cannot move the finished render into place", file: published)
      }
      committed = true
      return
    }
    chmod(staging, info.st_mode & 0o7777)
    if LinuxCalls.exchange(staging, published) != 0 {
      guard errno == EINVAL || errno == ENOSYS || errno == ENOTSUP else {
        throw .output(errno: errno, "cannot move the finished render into place", file: published)
      }
      try swapInWithTwoRenames()
    }
    committed = true
    // `staging` now holds the previous render.
    FlatFolder.remove(staging)
  }

  /// For file systems that cannot exchange two names: the previous render steps aside under a
  /// locked hidden name, the new one takes its place. A render killed between the two renames
  /// leaves no book folder; the next render puts the previous one back before it starts.
  private func swapInWithTwoRenames() throws(AudiobookError) {
    lockFolder(published)
    let aside = staging.dropLast(".render".count) + ".previous"
    guard rename(published, String(aside)) == 0 else {
      throw .output(errno: errno, "cannot move the previous render aside", file: published)
    }
    guard rename(staging, published) == 0 else {
      let failure = AudiobookError.output(errno: errno, "cannot move the finished render into place", file: published)
      rename(String(aside), published)
      throw failure
    }
    FlatFolder.remove(String(aside))
  }

  /// Replaces each new file whose bytes equal the previous render's file of that name by a
  /// link to it, so an unchanged file keeps its modification time.
  private func adoptUnchanged() {
    for name in FlatFolder.names(in: staging) {
      guard let previous = previousFile(name) else { continue }
      var old = stat()
      var new = stat()
      guard lstat(previous, &old) == 0, lstat(path(name), &new) == 0, new.st_mode & S_IFMT == S_IFREG,
        old.st_ino != new.st_ino, old.st_size == new.st_size, Self.sameBytes(previous, path(name))
      else { continue }
      let adopted = path(".\(name).adopted")
      if Glibc.link(previous, adopted) == 0, rename(adopted, path(name)) != 0 { unlink(adopted) }
    }
  }

  /// Links (or, for symbolic links, recreates) every entry of the book folder that neither
  /// render made into the new render.
  private func carryOver(except previousRender: Set<String>) throws(AudiobookError) {
    let made = Set(FlatFolder.names(in: staging))
    for name in FlatFolder.names(in: published) where !made.contains(name) && !previousRender.contains(name) {
      guard !AtomicOutput.isTemporaryName(name) else { continue }
      let source = (published as NSString).appendingPathComponent(name)
      switch FileKind(path: source, followingLinks: false) {
      case .missing:
        continue
      case .regular:
        try Self.linkOrCopy(source, path(name))
      case .symbolicLink:
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: source),
          symlink(target, path(name)) == 0
        else { throw .output(errno: errno, "cannot carry the symbolic link over to the new render", file: source) }
      default:
        throw AudiobookError(.cannotCreate, "not a file audiobook made; move it out of the book folder", file: source)
      }
    }
  }

  private func lockFolder(_ folder: String) {
    let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    flock(fd, LOCK_EX)
    locks.append(fd)
  }

  // MARK: - The file system

  /// Refuses a book folder that is not a folder, or that holds what no render makes and a
  /// swap would have to drop: a folder, a FIFO, a device, a socket.
  private static func checkPublished(_ published: String) throws(AudiobookError) {
    switch FileKind(path: published, followingLinks: false) {
    case .missing: return
    case .directory: break
    case let kind:
      throw AudiobookError(
        .cannotCreate, "the book folder is \(kind.described), not a folder; move it away", file: published)
    }
    for name in FlatFolder.names(in: published) {
      let entry = (published as NSString).appendingPathComponent(name)
      switch FileKind(path: entry, followingLinks: false) {
      case .regular, .symbolicLink, .missing: continue
      case let kind:
        throw AudiobookError(
          .cannotCreate,
          "\(kind.described) inside the book folder, which no render makes and a render would have to drop; "
            + "move it out", file: entry)
      }
    }
  }

  /// Removes the hidden folders of renders of `name` that were killed: the ones no live
  /// process holds a lock on. A previous render set aside and not replaced goes back.
  private static func sweepAbandoned(of name: String, in parent: String) {
    let prefix = ".\(name)."
    let published = (parent as NSString).appendingPathComponent(name)
    for entry in FlatFolder.names(in: parent) where entry.hasPrefix(prefix) {
      let middle = entry.dropFirst(prefix.count)
      let isRender = middle.hasSuffix(".render")
      guard isRender || middle.hasSuffix(".previous"),
        middle.prefix(while: \.isNumber).count == middle.count - (isRender ? 7 : 9)
      else { continue }
      let folder = (parent as NSString).appendingPathComponent(entry)
      let fd = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      guard fd >= 0 else { continue }
      defer { close(fd) }
      guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { continue }  // its render is running
      var info = stat()
      if !isRender && lstat(published, &info) != 0 && rename(folder, published) == 0 { continue }
      FlatFolder.remove(folder)
    }
  }

  /// Hard-links `source` to `target`, or copies it, keeping its modification time, where the
  /// file system has no hard links.
  private static func linkOrCopy(_ source: String, _ target: String) throws(AudiobookError) {
    if Glibc.link(source, target) == 0 { return }
    guard errno == EPERM || errno == EXDEV || errno == EMLINK || errno == ENOTSUP else {
      throw .output(errno: errno, "cannot keep the file in the new render", file: source)
    }
    do {
      try FileManager.default.copyItem(atPath: source, toPath: target)
      let date = try FileManager.default.attributesOfItem(atPath: source)[.modificationDate]
      try FileManager.default.setAttributes([.modificationDate: date as Any], ofItemAtPath: target)
    } catch {
      throw AudiobookError(.io, "cannot copy the file into the new render: \(error.localizedDescription)", file: source)
    }
  }

  /// Whether two files hold the same bytes, read a block at a time from each, so memory stays
  /// flat however large the files (a whole-book file, a read-along EPUB).
  static func sameBytes(_ a: String, _ b: String) -> Bool {
    let first = open(a, O_RDONLY | O_CLOEXEC)
    guard first >= 0 else { return false }
    defer { close(first) }
    let second = open(b, O_RDONLY | O_CLOEXEC)
    guard second >= 0 else { return false }
    defer { close(second) }
    let size = 1 << 20
    var left = [UInt8](repeating: 0, count: size)
    var right = [UInt8](repeating: 0, count: size)
    var offset: off_t = 0
    while true {
      let got = left.withUnsafeMutableBytes { pread(first, $0.baseAddress, size, offset) }
      let other = right.withUnsafeMutableBytes { pread(second, $0.baseAddress, size, offset) }
      guard got >= 0, got == other else { return false }
      if got == 0 { return true }
      let same = left.withUnsafeBytes { l in
        right.withUnsafeBytes { r in
          guard let lhs = l.baseAddress, let rhs = r.baseAddress else { return false }
          return memcmp(lhs, rhs, got) == 0
        }
      }
      guard same else { return false }
      offset += off_t(got)
    }
  }

}
