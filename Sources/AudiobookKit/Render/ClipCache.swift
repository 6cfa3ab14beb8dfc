import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Synthesized clips on disk, addressed by `ClipKey`: `DIR/clips/ab/abcd….clip`.
///
/// Entries are written under a temporary name and renamed into place, and carry their
/// length and checksum (XXH64), checked on every read: a render killed at any moment leaves only
/// whole entries, and a damaged one is reported and synthesized again, never assembled.
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

  private static let magic = Array("ABCLIP2\n".utf8)
  /// Entries of an earlier layout (SHA-256 checksums): read as misses and replaced, not as damage.
  private static let earlierMagic = Array("ABCLIP1\n".utf8)

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
    let fd = open(path(for: key), O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var head = [UInt8](repeating: 0, count: Self.magic.count)
    let count = head.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
    return count == Self.magic.count && head == Self.magic
  }

  /// The clip stored under `key`, checked against its recorded length and checksum.
  func read(_ key: ClipKey) -> Lookup {
    guard let data = FileManager.default.contents(atPath: path(for: key)) else { return .miss }
    let bytes = [UInt8](data)
    let header = Self.magic.count + 8 + 8
    guard bytes.count >= Self.magic.count, bytes[0..<Self.magic.count].elementsEqual(Self.magic) else {
      if bytes.starts(with: Self.earlierMagic) { return .miss }
      return .damaged("not a clip file")
    }
    var reader = ByteReader(bytes[Self.magic.count...])
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
    let header = Self.magic + writer.bytes
    let path = path(for: key)
    let folder = (path as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    // A unique temporary name: several threads may store clips at once.
    let temporary = "\(folder)/.\(key.hex).\(getpid()).\(UInt64.random(in: 0...UInt64.max)).partial"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw AudiobookError(.cannotCreate, "cannot write to the clip cache", file: folder) }
    let written = FileDescriptorIO.writeAll(fd, header[...]) && FileDescriptorIO.writeAll(fd, payload)
    close(fd)
    guard written, rename(temporary, path) == 0 else {
      unlink(temporary)
      throw AudiobookError(.cannotCreate, "cannot write to the clip cache", file: path)
    }
  }

  /// Removes the entry for `key`, if any.
  func remove(_ key: ClipKey) { unlink(path(for: key)) }

  /// Records the clips a render of `slug` uses, so `prune` keeps them.
  func recordUse(_ keys: some Sequence<ClipKey>, book slug: String) throws(AudiobookError) {
    let folder = "\(directory)/books"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
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
      let text = (try? String(contentsOfFile: "\(directory)/books/\(book)", encoding: .utf8)) ?? ""
      used.formUnion(text.split(separator: "\n").map(String.init))
    }
    var removed = (files: 0, bytes: 0)
    let enumerator = FileManager.default.enumerator(atPath: "\(directory)/clips")
    while let relative = enumerator?.nextObject() as? String {
      let name = (relative as NSString).lastPathComponent
      let isClip = name.hasSuffix(".clip") && !name.hasPrefix(".")
      let isStray = name.hasPrefix(".") && name.hasSuffix(".partial")
      guard isStray || (isClip && !used.contains(String(name.dropLast(5)))) else { continue }
      let path = "\(directory)/clips/\(relative)"
      let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
      if unlink(path) == 0 {
        removed.files += 1
        removed.bytes += size
      }
    }
    return removed
  }
}
