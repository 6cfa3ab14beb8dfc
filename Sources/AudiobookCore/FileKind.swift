#if canImport(Glibc)
  import Glibc
#endif

/// What a path names on disk, told apart without opening it (`stat`/`lstat`): a FIFO or a
/// device must be neither read as a file (it may block for ever) nor replaced by one.
public enum FileKind: Equatable, Sendable {
  case missing
  case regular
  case directory
  case symbolicLink
  case characterDevice
  case blockDevice
  case fifo
  case socket

  /// What `path` is now; a symbolic link is followed when `followingLinks` (`stat`), else
  /// reported as `.symbolicLink` (`lstat`). A path that cannot be looked at is `.missing`.
  public init(path: String, followingLinks: Bool) {
    var status = stat()
    let result = followingLinks ? stat(path, &status) : lstat(path, &status)
    self = result == 0 ? FileKind(mode: status.st_mode) : .missing
  }

  /// The kind a `st_mode` from `stat` or `fstat` names.
  package init(mode: mode_t) {
    switch mode & S_IFMT {
    case S_IFREG: self = .regular
    case S_IFDIR: self = .directory
    case S_IFLNK: self = .symbolicLink
    case S_IFCHR: self = .characterDevice
    case S_IFBLK: self = .blockDevice
    case S_IFIFO: self = .fifo
    default: self = .socket
    }
  }

  /// The kind of an open descriptor (`fstat`); `.missing` when `fstat` fails.
  package init(descriptor: Int32) {
    var status = stat()
    self = fstat(descriptor, &status) == 0 ? FileKind(mode: status.st_mode) : .missing
  }

  /// The size of the file at `path` (`lstat`), nil when it cannot be looked at.
  package static func size(of path: String) -> Int? {
    var status = stat()
    return lstat(path, &status) == 0 ? Int(status.st_size) : nil
  }

  /// `a FIFO`, `a folder`, ...: for messages.
  public var described: String {
    switch self {
    case .missing: "nothing"
    case .regular: "a regular file"
    case .directory: "a folder"
    case .symbolicLink: "a symbolic link"
    case .characterDevice: "a character device"
    case .blockDevice: "a block device"
    case .fifo: "a FIFO"
    case .socket: "a socket"
    }
  }
}
