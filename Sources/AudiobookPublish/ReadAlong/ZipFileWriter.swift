import AudiobookCore
import SystemPackage

/// A zip file written front to back, as an EPUB needs one: every entry stored (EPUB's audio is
/// compressed already, and stored text stays byte-identical whatever zlib a machine has), each
/// with its local header holding its size and CRC-32 (no data descriptor), then the central
/// directory. No ZIP64, no extra fields; one fixed modification time, so the same entries make
/// the same bytes.
struct ZipFileWriter {
  /// 1980-01-01 00:00:00, the first instant a zip can hold: a time no clock gave.
  private static let modifiedTime: UInt16 = 0
  private static let modifiedDate = UInt16(1 << 5 | 1)

  private let file: FileDescriptor
  private let reportedPath: String
  private var offset = 0
  private var directory: [UInt8] = []
  private var count = 0

  /// Starts the zip file at `path` (created or truncated, never through a symbolic link).
  init(path: String, reportedPath: String) throws(AudiobookError) {
    do {
      file = try FileDescriptor.opening(
        path, .writeOnly, options: [.create, .truncate, .closeOnExec, .noFollow],
        permissions: FilePermissions(rawValue: 0o644))
    } catch {
      throw .output(error, "cannot write the file", file: reportedPath)
    }
    self.reportedPath = reportedPath
  }

  /// Adds the file `path` holding `bytes`.
  ///
  /// - Throws: `.failure` when the zip would pass 4 GiB or 65,535 entries (it has no ZIP64);
  ///   an output error when the disk refuses the bytes.
  mutating func add(_ path: String, _ bytes: [UInt8]) throws(AudiobookError) {
    let name = Array(path.utf8)
    guard count < 0xFFFF,
      offset + 30 + name.count + bytes.count + (directory.count + 46 + name.count) + 22 < 0xFFFF_FFFF
    else {
      throw AudiobookError(
        .failure, "the read-along book would pass 4 GiB, more than a zip without ZIP64 holds", file: reportedPath)
    }
    let crc = bytes.withUnsafeBufferPointer { LinuxCalls.crc32($0) }
    // Version needed 1.0 (stored), no flags, stored, time, date, CRC-32, sizes, name length,
    // no extra field.
    var common: [UInt8] = []
    common += Self.uint16(10) + Self.uint16(0) + Self.uint16(0)
    common += Self.uint16(Self.modifiedTime) + Self.uint16(Self.modifiedDate) + Self.uint32(crc)
    common += Self.uint32(UInt32(bytes.count)) + Self.uint32(UInt32(bytes.count))
    common += Self.uint16(UInt16(name.count)) + Self.uint16(0)
    // Made by Unix (3), version 3.0; no comment, disk 0, no internal attributes; mode 0644.
    directory += Self.uint32(0x0201_4b50) + Self.uint16(3 << 8 | 30) + common
    directory += Self.uint16(0) + Self.uint16(0) + Self.uint16(0) + Self.uint32(0o100644 << 16)
    directory += Self.uint32(UInt32(offset)) + name
    try write(Self.uint32(0x0403_4b50) + common + name)
    try write(bytes)
    count += 1
  }

  /// Writes the central directory and closes the file.
  mutating func finish() throws(AudiobookError) {
    var end = Self.uint32(0x0605_4b50) + Self.uint16(0) + Self.uint16(0)
    end += Self.uint16(UInt16(count)) + Self.uint16(UInt16(count))
    end += Self.uint32(UInt32(directory.count)) + Self.uint32(UInt32(offset)) + Self.uint16(0)
    try write(directory)
    try write(end)
    do throws(Errno) {
      try Errno.typed { try file.close() }
    } catch {
      throw .output(error, "cannot write the file", file: reportedPath)
    }
  }

  /// Closes the file of a zip left unfinished.
  func abandon() { try? file.close() }

  private mutating func write(_ bytes: [UInt8]) throws(AudiobookError) {
    do {
      try file.writeWhole(bytes)
    } catch {
      throw .output(error, "cannot write the file", file: reportedPath)
    }
    offset += bytes.count
  }

  private static func uint16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
  private static func uint32(_ value: UInt32) -> [UInt8] {
    (0..<4).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
  }
}
