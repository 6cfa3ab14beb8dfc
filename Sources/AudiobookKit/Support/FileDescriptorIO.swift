#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#else
  import Darwin
#endif

/// Whole-message reads and writes on pipes, retrying on `EINTR` and short transfers.
enum FileDescriptorIO {
  /// Writes every byte, or returns false when the other end is gone.
  @discardableResult
  static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool { writeAll(fd, bytes[...]) }

  /// Writes every byte, or returns false when the other end is gone.
  @discardableResult
  static func writeAll(_ fd: Int32, _ bytes: ArraySlice<UInt8>) -> Bool {
    var written = 0
    return bytes.withUnsafeBytes { raw in
      guard let base = raw.baseAddress else { return true }
      while written < raw.count {
        let result = write(fd, base + written, raw.count - written)
        if result < 0 && errno == EINTR { continue }
        guard result > 0 else { return false }
        written += result
      }
      return true
    }
  }

  /// Exactly `count` bytes, or nil at end of file or on error.
  static func read(_ fd: Int32, count: Int) -> [UInt8]? {
    var bytes = [UInt8](repeating: 0, count: count)
    var filled = 0
    let ok = bytes.withUnsafeMutableBytes { raw in
      guard let base = raw.baseAddress else { return true }
      while filled < count {
        let result = Glibc.read(fd, base + filled, count - filled)
        if result < 0 && errno == EINTR { continue }
        guard result > 0 else { return false }
        filled += result
      }
      return true
    }
    return ok ? bytes : nil
  }

  /// A length-prefixed message: a 4-byte little-endian length, then the bytes.
  static func readMessage(_ fd: Int32) -> [UInt8]? {
    guard let header = read(fd, count: 4) else { return nil }
    var reader = ByteReader(header)
    guard let count = reader.uint32() else { return nil }
    return count == 0 ? [] : read(fd, count: Int(count))
  }

  @discardableResult
  static func writeMessage(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    var header = ByteWriter()
    header.append(UInt32(bytes.count))
    // Two writes rather than one concatenated copy: messages carry megabytes of audio.
    return writeAll(fd, header.bytes) && writeAll(fd, bytes)
  }
}
