import SystemPackage

#if canImport(Glibc)
  import Glibc
#endif

/// Whole reads and writes (swift-system's calls retry on `EINTR`; these also go on after a
/// short transfer), and the length-prefixed messages of the synthesis worker's pipes.
extension FileDescriptor {
  /// Writes every byte of `raw`.
  ///
  /// - Throws: the `Errno` of the write that failed (`EPIPE` when the reader is gone, `ENOSPC`).
  package func writeWhole(_ raw: UnsafeRawBufferPointer) throws(Errno) {
    var written = 0
    while written < raw.count {
      let count = try Errno.typed { try write(UnsafeRawBufferPointer(rebasing: raw[written...])) }
      // A write that takes nothing is an output that will take nothing more.
      guard count > 0 else { throw .ioError }
      written += count
    }
  }

  /// Writes every byte of `bytes`; see `writeWhole(_:)` for a raw buffer.
  package func writeWhole(_ bytes: [UInt8]) throws(Errno) { try writeWhole(bytes[...]) }

  /// Writes every byte of `bytes`; see `writeWhole(_:)` for a raw buffer.
  package func writeWhole(_ bytes: ArraySlice<UInt8>) throws(Errno) {
    var outcome: Result<Void, Errno> = .success(())
    bytes.withUnsafeBytes { raw in outcome = Result { () throws(Errno) in try writeWhole(raw) } }
    try outcome.get()
  }

  /// Exactly `count` bytes; nil when the file ends first.
  ///
  /// - Throws: the `Errno` of the read that failed.
  package func read(exactly count: Int) throws(Errno) -> [UInt8]? {
    var failure: Errno?
    var filled = 0
    // Uninitialized: every byte is read into it, and zeroing megabytes first costs time.
    let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
      while filled < count {
        do throws(Errno) {
          let got = try Errno.typed {
            try read(into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[filled...])))
          }
          guard got > 0 else { break }
          filled += got
        } catch {
          failure = error
          break
        }
      }
      // Short: the array is dropped; what was not read is zeroed so it is never undefined.
      if filled < count, let base = buffer.baseAddress {
        (base + filled).initialize(repeating: 0, count: count - filled)
      }
      initialized = count
    }
    if let failure { throw failure }
    return filled == count ? bytes : nil
  }

  /// A length-prefixed message (a 4-byte little-endian length, then the bytes); nil at the
  /// end of the file, or when it ends inside a message.
  package func readMessage() throws(Errno) -> [UInt8]? {
    guard let header = try read(exactly: 4) else { return nil }
    var reader = ByteReader(header)
    guard let count = reader.uint32() else { return nil }
    return count == 0 ? [] : try read(exactly: Int(count))
  }

  /// Writes `bytes` as a length-prefixed message.
  package func writeMessage(_ bytes: [UInt8]) throws(Errno) {
    var header = ByteWriter()
    header.append(UInt32(bytes.count))
    // Two writes rather than one concatenated copy: messages carry megabytes of audio.
    try writeWhole(header.bytes)
    try writeWhole(bytes)
  }
}

extension Errno {
  /// `body`'s result, its error as the `Errno` it is: swift-system's calls throw nothing else.
  package static func typed<T>(_ body: () throws -> T) throws(Errno) -> T {
    do {
      return try body()
    } catch let error as Errno {
      throw error
    } catch {
      throw .ioError
    }
  }
}

extension FileDescriptor {
  /// Opens `path` (`open`, retried on `EINTR`), its failure as the `Errno` it is.
  package static func opening(
    _ path: String, _ mode: AccessMode, options: OpenOptions = [], permissions: FilePermissions? = nil
  ) throws(Errno) -> FileDescriptor {
    try Errno.typed { try open(path, mode, options: options, permissions: permissions) }
  }
}

extension FileDescriptor.OpenOptions {
  /// `O_NOCTTY`: a terminal opened is not made the process's controlling terminal.
  package static var noControllingTerminal: Self { Self(rawValue: O_NOCTTY) }
}
