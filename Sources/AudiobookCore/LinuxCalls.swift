internal import CLinux

#if canImport(Glibc)
  import Glibc
#endif

/// The calls of the `CLinux` shim, the only way into it: Linux calls and constants Swift cannot
/// reach directly (`renameat2` and `F_SETPIPE_SZ` are declared only under `_GNU_SOURCE`) and
/// zlib's raw inflate and CRC-32.
package enum LinuxCalls {
  /// `F_SETPIPE_SZ`, from <fcntl.h>.
  package static let setPipeSizeCommand: Int32 = audiobook_f_setpipe_sz
  /// `F_GETPIPE_SZ`, from <fcntl.h>.
  package static let getPipeSizeCommand: Int32 = audiobook_f_getpipe_sz

  /// Asks for room for `bytes` in the pipe `descriptor` belongs to (`fcntl(F_SETPIPE_SZ)`).
  /// Returns the capacity the system gave (at least `bytes`, rounded up to pages), or -1 with
  /// `errno` set (`EPERM` past `/proc/sys/fs/pipe-max-size` without the privilege).
  @discardableResult
  package static func setPipeSize(_ descriptor: Int32, _ bytes: Int32) -> Int32 {
    fcntl(descriptor, setPipeSizeCommand, bytes)
  }

  /// The capacity of the pipe `descriptor` belongs to (`fcntl(F_GETPIPE_SZ)`), or -1 with `errno` set.
  package static func pipeSize(_ descriptor: Int32) -> Int32 {
    fcntl(descriptor, getPipeSizeCommand)
  }

  /// Swaps two paths in one step (`renameat2(RENAME_EXCHANGE)`). Returns 0, or -1 with `errno`
  /// set (`EINVAL`, `ENOSYS` or `ENOTSUP` where the file system cannot exchange).
  package static func exchange(_ first: String, _ second: String) -> Int32 {
    audiobook_exchange_paths(first, second)
  }

  /// Has a `posix_spawn` close every descriptor from `lowest` up in the child, after the
  /// earlier file actions (`posix_spawn_file_actions_addclosefrom_np`). Returns 0 or an error number.
  @discardableResult
  package static func spawnClosesDescriptors(
    _ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, from lowest: Int32
  ) -> Int32 {
    audiobook_spawn_close_from(actions, lowest)
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
