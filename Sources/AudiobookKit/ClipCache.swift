import Foundation
import AudiobookCore
import AudiobookSpeech
import SystemPackage

#if canImport(Glibc)
  import Glibc
#endif

/// Synthesized clips on disk, addressed by `ClipKey`: `DIR/clips/ab/abcd….clip`.
///
/// Entries are written under a temporary name and renamed into place, and carry their key,
/// length and checksum (XXH64), checked on every read: a render killed at any moment leaves only
/// whole entries, and a damaged one, or one moved under another key's name, is reported and
/// synthesized again, never assembled. Only plain files are opened (a FIFO never blocks a read).
/// The folder is safe to delete. `DIR/books/<slug>.keys` lists the clips each book's last
/// render used, for `prune`.
public final class ClipCache: @unchecked Sendable {
  public let directory: String

  /// What reading an entry found.
  enum Lookup {
    case hit(Clip)
    case miss
    case damaged(String)
  }

  private static let magic = Array("ABCLIP3\n".utf8)
  /// Entries of earlier layouts (SHA-256 checksums; no key): read as misses and replaced, not as damage.
  private static let earlierMagics = [Array("ABCLIP1\n".utf8), Array("ABCLIP2\n".utf8)]
  /// The largest entry read: a clip of a paragraph is a few MB; an hour of speech is 160 MB.
  static let maximumEntryBytes = 1 << 30

  /// How many clips could not be stored (a full disk, a read-only folder): each costs only a
  /// later re-synthesis, and the render says so once.
  var failedWrites: Int { lock.withLock { writeFailures } }
  private var writeFailures = 0
  private let lock = NSLock()

  /// Opens (creating) the cache folder.
  ///
  /// - Throws: `.cannotCreate` when the folder cannot be made.
  public init(directory: String) throws(AudiobookError) {
    self.directory = directory
    do {
      try FileManager.default.createDirectory(atPath: "\(directory)/clips", withIntermediateDirectories: true)
    } catch {
      throw AudiobookError(.cannotCreate, "cannot create the clip cache", file: directory)
    }
  }

  func path(for key: ClipKey) -> String {
    "\(directory)/clips/\(key.hex.prefix(2))/\(key.hex).clip"
  }

  /// Whether an entry of this layout is stored under `key` (its contents are checked on `read`).
  /// An entry of an earlier layout is not there: the render plans it for the workers.
  func contains(_ key: ClipKey) -> Bool {
    guard let fd = Self.openPlainFile(path(for: key)) else { return false }
    defer { close(fd) }
    var head = [UInt8](repeating: 0, count: Self.magic.count)
    let count = head.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
    return count == Self.magic.count && head == Self.magic
  }

  /// The clip stored under `key`, checked against its recorded length and checksum.
  func read(_ key: ClipKey) -> Lookup {
    guard let fd = Self.openPlainFile(path(for: key)) else { return .miss }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_size <= Self.maximumEntryBytes else {
      return .damaged("larger than \(Self.maximumEntryBytes >> 20) MB")
    }
    guard let bytes = try? FileDescriptor(rawValue: fd).read(exactly: Int(info.st_size)) else { return .miss }
    let keyBytes = Array(key.hex.utf8)
    let header = Self.magic.count + keyBytes.count + 8 + 8
    guard bytes.count >= Self.magic.count, bytes[0..<Self.magic.count].elementsEqual(Self.magic) else {
      if Self.earlierMagics.contains(where: bytes.starts(with:)) { return .miss }
      return .damaged("not a clip file")
    }
    guard bytes.count >= header else { return .damaged("expected a header of \(header) bytes, found \(bytes.count)") }
    guard bytes[Self.magic.count..<Self.magic.count + keyBytes.count].elementsEqual(keyBytes) else {
      return .damaged("the entry belongs to another clip")
    }
    var reader = ByteReader(bytes[(Self.magic.count + keyBytes.count)...])
    guard let length = reader.uint64().map({ Int(truncatingIfNeeded: $0) }), let checksum = reader.uint64() else {
      return .damaged("expected a header of \(header) bytes, found \(bytes.count)")
    }
    let payload = bytes[header...]
    guard payload.count == length else { return .damaged("expected \(length) bytes, found \(payload.count)") }
    guard XXH64.hash(payload) == checksum else {
      return .damaged("checksum mismatch")
    }
    guard let clip = Clip(encoded: payload) else { return .damaged("malformed clip") }
    return .hit(clip)
  }

  /// Stores `clip` under `key`, atomically.
  func write(_ clip: Clip, for key: ClipKey) throws(AudiobookError) {
    try write(encoded: clip.encoded[...], for: key)
  }

  /// Stores a clip given as its bytes (`Clip.encoded`), atomically: header and payload are
  /// written to a unique temporary file, which is then renamed into place.
  func write(encoded payload: ArraySlice<UInt8>, for key: ClipKey) throws(AudiobookError) {
    var writer = ByteWriter()
    writer.append(UInt64(payload.count))
    writer.append(XXH64.hash(payload))
    let header = Self.magic + Array(key.hex.utf8) + writer.bytes
    let path = path(for: key)
    let folder = (path as NSString).deletingLastPathComponent
    guard Self.makeRealFolder("\(directory)/clips"), Self.makeRealFolder(folder) else {
      throw failedWrite(errno: ENOTDIR, file: folder)
    }
    // A unique temporary name: several threads may store clips at once.
    let temporary = "\(folder)/.\(key.hex).\(getpid()).\(UInt64.random(in: 0...UInt64.max)).partial"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw failedWrite(errno: errno, file: folder) }
    var code: Int32?
    do {
      try FileDescriptor(rawValue: fd).writeWhole(header)
      try FileDescriptor(rawValue: fd).writeWhole(payload)
    } catch {
      code = error.rawValue
    }
    close(fd)
    guard code == nil, rename(temporary, path) == 0 else {
      let failure = failedWrite(errno: code ?? errno, file: path)
      unlink(temporary)
      throw failure
    }
  }

  private func failedWrite(errno code: Int32, file: String) -> AudiobookError {
    lock.withLock { writeFailures += 1 }
    return .output(errno: code, "cannot write to the clip cache", file: file)
  }

  /// Creates `folder` when it is missing; whether it is then a folder itself, not a symbolic
  /// link to one elsewhere, which a cache from elsewhere could hold to make writes land outside it.
  private static func makeRealFolder(_ folder: String) -> Bool {
    mkdir(folder, 0o755)
    return FileKind(path: folder, followingLinks: false) == .directory
  }

  /// Opens `path` for reading when it is a plain file; nil for a missing file, a symbolic
  /// link, a FIFO (opened without blocking, then refused), a device or a folder.
  private static func openPlainFile(_ path: String) -> Int32? {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    guard FileKind(descriptor: fd) == .regular else {
      close(fd)
      return nil
    }
    return fd
  }

  /// Removes the entry for `key`, if any.
  func remove(_ key: ClipKey) { unlink(path(for: key)) }

  /// Records the clips a render of `slug` uses, so `prune` keeps them.
  func recordUse(_ keys: some Sequence<ClipKey>, book slug: String) throws(AudiobookError) {
    let folder = "\(directory)/books"
    guard Self.makeRealFolder(folder) else {
      throw AudiobookError(.cannotCreate, "is not a folder of the cache's own (a symbolic link?)", file: folder)
    }
    let text = Set(keys.map(\.hex)).sorted().joined(separator: "\n") + "\n"
    try AtomicOutput.write(Array(text.utf8), to: "\(folder)/\(slug).keys")
  }

  /// Removes every clip no recorded render uses, and stray temporary files.
  ///
  /// - Returns: how many files were removed and how many bytes they held.
  public func prune() -> (files: Int, bytes: Int) {
    var used = Set<String>()
    let books = (try? FileManager.default.contentsOfDirectory(atPath: "\(directory)/books")) ?? []
    for book in books where book.hasSuffix(".keys") {
      // A list is 65 bytes a clip; one past the entry limit is not a list this cache wrote.
      guard let fd = Self.openPlainFile("\(directory)/books/\(book)") else { continue }
      defer { close(fd) }
      var info = stat()
      guard fstat(fd, &info) == 0, info.st_size <= Self.maximumEntryBytes,
        let bytes = try? FileDescriptor(rawValue: fd).read(exactly: Int(info.st_size))
      else { continue }
      used.formUnion(bytes.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) })
    }
    var removed = (files: 0, bytes: 0)
    let enumerator = FileManager.default.enumerator(atPath: "\(directory)/clips")
    while let relative = enumerator?.nextObject() as? String {
      let name = (relative as NSString).lastPathComponent
      let isClip = name.hasSuffix(".clip") && !name.hasPrefix(".")
      let isStray = name.hasPrefix(".") && name.hasSuffix(".partial")
      guard isStray || (isClip && !used.contains(String(name.dropLast(5)))) else { continue }
      let path = "\(directory)/clips/\(relative)"
      // Only plain files the cache wrote, in its own two-letter folders: never a link's target.
      var info = stat()
      guard relative.split(separator: "/").count == 2, lstat(path, &info) == 0, FileKind(mode: info.st_mode) == .regular
      else { continue }
      let size = Int(info.st_size)
      if unlink(path) == 0 {
        removed.files += 1
        removed.bytes += size
      }
    }
    return removed
  }
}
