internal import CLinux

/// The calls of the `CLinux` shim, the only way into it: Linux calls Swift cannot make
/// directly (`renameat2` is declared only under `_GNU_SOURCE`) and zlib's raw inflate and CRC-32.
package enum LinuxCalls {
  /// Swaps two paths in one step (`renameat2(RENAME_EXCHANGE)`). Returns 0, or -1 with `errno`
  /// set (`EINVAL`, `ENOSYS` or `ENOTSUP` where the file system cannot exchange).
  package static func exchange(_ first: String, _ second: String) -> Int32 {
    audiobook_exchange_paths(first, second)
  }

  /// What `inflateRaw` found.
  package enum Inflated: Equatable {
    /// The whole stream, in this many bytes of the output.
    case bytes(Int)
    /// The output would pass its capacity.
    case tooLong
    /// The data is damaged or ends before the deflate stream does.
    case damaged
  }

  /// Inflates raw deflate data (as a zip entry holds it) into `output`, never reading past
  /// the end of `input`.
  package static func inflateRaw(_ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>)
    -> Inflated
  {
    let written = audiobook_inflate_raw(input.baseAddress, UInt(input.count), output.baseAddress, UInt(output.count))
    switch written {
    case -2: return .tooLong
    case ..<0: return .damaged
    default: return .bytes(written)
    }
  }

  /// zlib's CRC-32, as a zip entry records it.
  package static func crc32(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    UInt32(truncatingIfNeeded: audiobook_crc32(bytes.baseAddress, UInt(bytes.count)))
  }
}
