import SystemPackage

/// The one place a failed POSIX call becomes a message: the action, then the system's words
/// for the error (`strerror`, as swift-system's `Errno` gives them).
extension AudiobookError {
  /// `action: reason`, e.g. `cannot read the file: Permission denied`.
  ///
  /// - Parameters:
  ///   - action: what was being done, a lowercase fragment (`cannot read the file`).
  ///   - errno: the error the call gave.
  package init(_ kind: Kind, _ action: String, errno: Errno, file: String?) {
    self.init(kind, "\(action): \(errno.description)", file: file)
  }

  /// `init(_:_:errno:file:)` for an `errno` value, as a C call leaves it.
  public init(_ kind: Kind, _ action: String, errno code: Int32, file: String?) {
    self.init(kind, action, errno: Errno(rawValue: code), file: file)
  }

  /// The error for a failed POSIX call on an output: a full disk or quota says so (exit 74),
  /// a missing permission or a read-only file system is an output that cannot be created
  /// (exit 73), anything else is an I/O error (exit 74).
  ///
  /// - Parameters:
  ///   - errno: the error the call gave.
  ///   - action: what was being done, a lowercase fragment (`cannot write the file`).
  package static func output(_ errno: Errno, _ action: String, file: String) -> AudiobookError {
    switch errno {
    case .noSpace, .diskQuotaExceeded:
      return AudiobookError(.io, "\(action): the disk is full (\(errno.description))", file: file)
    case .permissionDenied, .notPermitted, .readOnlyFileSystem, .notDirectory, .isDirectory, .fileNameTooLong,
      .noSuchFileOrDirectory, .fileExists:
      return AudiobookError(.cannotCreate, action, errno: errno, file: file)
    default:
      return AudiobookError(.io, action, errno: errno, file: file)
    }
  }

  /// `output(_:_:file:)` for an `errno` value, as a C call leaves it.
  public static func output(errno code: Int32, _ action: String, file: String) -> AudiobookError {
    output(Errno(rawValue: code), action, file: file)
  }
}
