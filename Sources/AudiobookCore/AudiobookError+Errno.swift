#if canImport(Glibc)
  import Glibc
#endif

extension AudiobookError {
  /// The error for a failed POSIX call on an output: a full disk or quota says so (exit 74),
  /// a missing permission or a read-only file system is an output that cannot be created
  /// (exit 73), anything else is an I/O error (exit 74).
  ///
  /// - Parameters:
  ///   - code: the `errno` the call left.
  ///   - action: what was being done, a lowercase fragment (`cannot write the file`).
  public static func output(errno code: Int32, _ action: String, file: String) -> AudiobookError {
    let reason = String(cString: strerror(code))
    switch code {
    case ENOSPC, EDQUOT:
      return AudiobookError(.io, "\(action): the disk is full (\(reason))", file: file)
    case EACCES, EPERM, EROFS, ENOTDIR, EISDIR, ENAMETOOLONG, ENOENT, EEXIST:
      return AudiobookError(.cannotCreate, "\(action): \(reason)", file: file)
    default:
      return AudiobookError(.io, "\(action): \(reason)", file: file)
    }
  }
}
