#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#else
  import Darwin
#endif

/// Whole-message reads and writes on pipes, retrying on `EINTR` and short transfers.
package enum FileDescriptorIO {
  /// Writes every byte, or returns false when the other end is gone.
  @discardableResult
  package static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool { writeAll(fd, bytes[...]) }

  /// Writes every byte, or returns false when the other end is gone.
  @discardableResult
  package static func writeAll(_ fd: Int32, _ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.withUnsafeBytes { writeAll(fd, $0) }
  }

  /// Writes every byte, or returns false when the other end is gone.
  package static func writeAll(_ fd: Int32, _ raw: UnsafeRawBufferPointer) -> Bool {
    guard let base = raw.baseAddress else { return true }
    var written = 0
    while written < raw.count {
      let result = write(fd, base + written, raw.count - written)
      if result < 0 && errno == EINTR { continue }
      guard result > 0 else { return false }
      written += result
    }
    return true
  }

  /// Exactly `count` bytes, or nil at end of file or on error.
  package static func read(_ fd: Int32, count: Int) -> [UInt8]? {
    var ok = true
    // Uninitialized: every byte is read into it, and zeroing megabytes first costs time.
    let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
      var filled = 0
      while filled < count, let base = buffer.baseAddress {
        let result = Glibc.read(fd, base + filled, count - filled)
        if result < 0 && errno == EINTR { continue }
        guard result > 0 else {
          ok = false
          break
        }
        filled += result
      }
      // On failure the array is dropped; what was not read is zeroed so it is never undefined.
      if filled < count, let base = buffer.baseAddress {
        (base + filled).initialize(repeating: 0, count: count - filled)
      }
      initialized = count
    }
    return ok ? bytes : nil
  }

  /// A length-prefixed message: a 4-byte little-endian length, then the bytes.
  package static func readMessage(_ fd: Int32) -> [UInt8]? {
    guard let header = read(fd, count: 4) else { return nil }
    var reader = ByteReader(header)
    guard let count = reader.uint32() else { return nil }
    return count == 0 ? [] : read(fd, count: Int(count))
  }

  @discardableResult
  package static func writeMessage(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    var header = ByteWriter()
    header.append(UInt32(bytes.count))
    // Two writes rather than one concatenated copy: messages carry megabytes of audio.
    return writeAll(fd, header.bytes) && writeAll(fd, bytes)
  }
}
