import Foundation
import AudiobookCore

#if canImport(Glibc)
  import Glibc
#endif

/// A zip file's entries, read from its central directory, and their bytes, unpacked within
/// the bytes the directory gives them (stored, or deflated through zlib).
///
/// ZIPFoundation reads a deflate stream until the stream says it ends, past its entry and to
/// the end of the file, and loops for ever on one that never ends (found by fuzzing); here an
/// entry's bytes are exactly the compressed size the directory records, and a stream that
/// does not end within them is a damaged entry. ZIP64 and zip encryption, which no EPUB uses,
/// are refused.
struct ZipDirectory {
  package struct Entry {
    package let path: String
    let method: UInt16
    let crc32: UInt32
    let compressedSize: Int
    let uncompressedSize: Int
    let localHeaderOffset: Int
  }

  /// Why an entry or the directory cannot be read: a lowercase fragment.
  struct Damage: Error {
    package let reason: String
  }

  /// The entry's bytes would pass the limit given to `data`.
  struct LimitPassed: Error {}

  /// File entries by path (directories left out); the first of two with one path wins.
  package let entries: [String: Entry]
  private let descriptor: Int32
  private let size: Int

  /// Reads the central directory of the zip file open on `descriptor` (which stays the caller's).
  ///
  /// - Throws: `Damage` when there is no end-of-directory record or the directory is damaged.
  init(descriptor: Int32) throws(Damage) {
    self.descriptor = descriptor
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw Damage(reason: "cannot be read") }
    size = Int(info.st_size)
    let tailLength = min(size, 22 + 0xFFFF)
    let tail = try Self.read(descriptor, at: size - tailLength, count: tailLength)
    guard let end = Self.endRecord(in: tail) else { throw Damage(reason: "has no end of central directory record") }
    let count = Int(Self.uint16(tail, end + 10))
    let directorySize = Int(Self.uint32(tail, end + 12))
    let directoryOffset = Int(Self.uint32(tail, end + 16))
    guard count != 0xFFFF, directorySize != 0xFFFF_FFFF, directoryOffset != 0xFFFF_FFFF else {
      throw Damage(reason: "uses ZIP64, which no EPUB needs")
    }
    guard directoryOffset + directorySize <= size - tailLength + end else {
      throw Damage(reason: "its central directory lies outside the file")
    }
    let directory = try Self.read(descriptor, at: directoryOffset, count: directorySize)
    var entries: [String: Entry] = [:]
    var offset = 0
    for _ in 0..<count {
      guard offset + 46 <= directory.count, Self.uint32(directory, offset) == 0x0201_4b50 else {
        throw Damage(reason: "its central directory is damaged")
      }
      let flags = Self.uint16(directory, offset + 8)
      let nameLength = Int(Self.uint16(directory, offset + 28))
      let skipped = nameLength + Int(Self.uint16(directory, offset + 30)) + Int(Self.uint16(directory, offset + 32))
      guard offset + 46 + skipped <= directory.count else { throw Damage(reason: "its central directory is damaged") }
      let path = String(decoding: directory[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
      let entry = Entry(
        path: path, method: Self.uint16(directory, offset + 10), crc32: Self.uint32(directory, offset + 16),
        compressedSize: Int(Self.uint32(directory, offset + 20)),
        uncompressedSize: Int(Self.uint32(directory, offset + 24)),
        localHeaderOffset: Int(Self.uint32(directory, offset + 42)))
      offset += 46 + skipped
      guard !path.hasSuffix("/") else { continue }
      guard flags & 1 == 0 else { throw Damage(reason: "'\(path.quotedForMessage)' is encrypted") }
      entries[path] = entries[path] ?? entry
    }
    self.entries = entries
  }

  /// The bytes of `entry`, at most `limit` of them.
  ///
  /// - Throws: `LimitPassed` when they would be more; `Damage` when the entry is damaged
  ///   (its data outside the file, a deflate stream that is broken or does not end within the
  ///   entry, a checksum that does not match) or compressed in a way an EPUB never is.
  package func data(of entry: Entry, limit: Int) throws -> Data {
    let header = try Self.read(descriptor, at: entry.localHeaderOffset, count: 30)
    guard Self.uint32(header, 0) == 0x0403_4b50 else { throw Damage(reason: "its local header is missing") }
    let start = entry.localHeaderOffset + 30 + Int(Self.uint16(header, 26)) + Int(Self.uint16(header, 28))
    guard start + entry.compressedSize <= size else { throw Damage(reason: "its data runs past the end of the file") }
    let packed = try Self.read(descriptor, at: start, count: entry.compressedSize)
    let bytes: [UInt8]
    switch entry.method {
    case 0:
      guard packed.count <= limit else { throw LimitPassed() }
      bytes = packed
    case 8:
      bytes = try Self.inflate(packed, expected: entry.uncompressedSize, limit: limit)
    default:
      throw Damage(reason: "compressed with method \(entry.method), not deflate")
    }
    let crc = bytes.withUnsafeBufferPointer { LinuxCalls.crc32($0) }
    guard crc == entry.crc32 else { throw Damage(reason: "its checksum does not match") }
    return Data(bytes)
  }

  /// Inflates `packed`, first into the size the directory gives, then (a directory that
  /// understates it) into `limit` bytes; memory never passes `limit` + 1 bytes.
  private static func inflate(_ packed: [UInt8], expected: Int, limit: Int) throws -> [UInt8] {
    for capacity in Set([min(expected, limit) + 1, limit + 1]).sorted() {
      var out = [UInt8](repeating: 0, count: capacity)
      let inflated = packed.withUnsafeBufferPointer { input in
        out.withUnsafeMutableBufferPointer { LinuxCalls.inflateRaw(input, into: $0) }
      }
      let written: Int
      switch inflated {
      case .tooLong: continue
      case .damaged: throw Damage(reason: "its deflate stream is broken or cut short")
      case .bytes(let count): written = count
      }
      guard written <= limit else { throw LimitPassed() }
      out.removeSubrange(written...)
      return out
    }
    throw LimitPassed()
  }

  // MARK: - Bytes

  /// The last end-of-central-directory record's offset in `tail`.
  private static func endRecord(in tail: [UInt8]) -> Int? {
    guard tail.count >= 22 else { return nil }
    return stride(from: tail.count - 22, through: 0, by: -1).first { uint32(tail, $0) == 0x0605_4b50 }
  }

  private static func read(_ descriptor: Int32, at offset: Int, count: Int) throws(Damage) -> [UInt8] {
    guard offset >= 0, count >= 0 else { throw Damage(reason: "it points outside the file") }
    var bytes = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
      let result = bytes.withUnsafeMutableBytes { buffer in
        buffer.baseAddress.map { pread(descriptor, $0 + filled, count - filled, off_t(offset + filled)) } ?? 0
      }
      if result < 0 && errno == EINTR { continue }
      guard result > 0 else { throw Damage(reason: "it points past the end of the file") }
      filled += result
    }
    return bytes
  }

  private static func uint16(_ bytes: [UInt8], _ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }

  private static func uint32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
    UInt32(uint16(bytes, at)) | UInt32(uint16(bytes, at + 2)) << 16
  }
}
