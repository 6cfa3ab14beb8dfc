import Foundation
import AudiobookCore

#if canImport(Glibc)
  import Glibc
#endif

/// Gives every page of an Ogg file a serial number derived from the file's name, so the same
/// audio gives the same bytes.
///
/// libsndfile's Ogg Vorbis and Ogg Opus writers seed each stream's serial number from the
/// clock (`psf_rand_int32`); everything else they write is deterministic. A file holds one
/// logical stream, so rewriting the serial (and each page's CRC) in place is all it takes.
package enum OggSerialNumbers {
  /// Rewrites `path` in place.
  ///
  /// - Throws: `.io` naming `reportedPath` when the file is not Ogg or cannot be rewritten.
  static func fix(_ path: String, reportedPath: String) throws(AudiobookError) {
    let fd = open(path, O_RDWR | O_CLOEXEC)
    guard fd >= 0 else {
      throw AudiobookError(.io, "cannot reopen the Ogg file", errno: errno, file: reportedPath)
    }
    defer { close(fd) }
    let serial = serialNumber(for: (reportedPath as NSString).lastPathComponent)
    var offset: off_t = 0
    while true {
      var header = [UInt8](repeating: 0, count: 27)
      let got = header.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 27, offset) }
      if got == 0 { return }
      guard got == 27, header.starts(with: Array("OggS".utf8)) else {
        throw AudiobookError(.io, "not an Ogg page at byte \(offset)", file: reportedPath)
      }
      let segments = Int(header[26])
      var table = [UInt8](repeating: 0, count: segments)
      guard table.withUnsafeMutableBytes({ pread(fd, $0.baseAddress, segments, offset + 27) }) == segments else {
        throw AudiobookError(.io, "truncated Ogg page at byte \(offset)", file: reportedPath)
      }
      let bodyLength = table.reduce(0) { $0 + Int($1) }
      var body = [UInt8](repeating: 0, count: bodyLength)
      guard
        body.withUnsafeMutableBytes({ pread(fd, $0.baseAddress, bodyLength, offset + 27 + off_t(segments)) })
          == bodyLength
      else {
        throw AudiobookError(.io, "truncated Ogg page at byte \(offset)", file: reportedPath)
      }
      for index in 0..<4 {
        header[14 + index] = UInt8(serial >> (8 * UInt32(index)) & 0xff)
        header[22 + index] = 0
      }
      var crc = checksum(header, 0)
      crc = checksum(table, crc)
      crc = checksum(body, crc)
      var patch = [UInt8](repeating: 0, count: 12)
      for index in 0..<4 {
        patch[index] = header[14 + index]
        patch[8 + index] = UInt8(crc >> (8 * UInt32(index)) & 0xff)
      }
      // Bytes 18-21 (the page sequence number) are written back unchanged.
      for index in 0..<4 { patch[4 + index] = header[18 + index] }
      guard patch.withUnsafeBytes({ pwrite(fd, $0.baseAddress, 12, offset + 14) }) == 12 else {
        throw AudiobookError(
          .io, "cannot rewrite the Ogg file", errno: errno, file: reportedPath)
      }
      offset += 27 + off_t(segments) + off_t(bodyLength)
    }
  }

  /// FNV-1a of the file name: stable, and different for each chapter file.
  static func serialNumber(for name: String) -> UInt32 {
    var hash: UInt32 = 2_166_136_261
    for byte in name.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
    return hash
  }

  /// The Ogg page CRC: polynomial 0x04C11DB7, initial value 0, not reflected.
  package static func checksum(_ bytes: [UInt8], _ start: UInt32) -> UInt32 {
    var crc = start
    for byte in bytes {
      crc = (crc << 8) ^ table[Int((crc >> 24) ^ UInt32(byte)) & 0xff]
    }
    return crc
  }

  private static let table: [UInt32] = (0..<256).map { index in
    var value = UInt32(index) << 24
    for _ in 0..<8 { value = value & 0x8000_0000 != 0 ? (value << 1) ^ 0x04C1_1DB7 : value << 1 }
    return value
  }
}
