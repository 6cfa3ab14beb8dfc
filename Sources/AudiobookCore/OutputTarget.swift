import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What an output path the user names leads to, and so how to write it: a regular file (or
/// nothing yet) is written under a temporary name and renamed into place (`AtomicOutput`); a
/// character device or FIFO is opened and written through (`StreamOutput`), never replaced
/// by a regular file; anything else is refused.
public enum OutputTarget: Equatable, Sendable {
  /// A regular file, or nothing yet: written through a temporary file and a rename.
  case file
  /// A character device (`/dev/null`, `/dev/full`, a terminal) or a FIFO: written through.
  case stream

  /// What `path` leads to now, following symbolic links (`stat`).
  ///
  /// - Throws: `.cannotCreate` for a folder (or a link to one), a block device or a socket.
  public init(path: String) throws(AudiobookError) {
    // `/dev/stdout` and `/proc/self/fd/1` are links to wherever the output goes, even a
    // regular file: written through, never renamed over (which would replace the link).
    if path.hasPrefix("/dev/") || path.hasPrefix("/proc/"),
      FileKind(path: path, followingLinks: false) == .symbolicLink
    {
      guard FileKind(path: path, followingLinks: true) != .directory else {
        throw AudiobookError(.cannotCreate, "is a folder, not a file to write", file: path)
      }
      self = .stream
      return
    }
    switch FileKind(path: path, followingLinks: true) {
    case .missing, .regular, .symbolicLink:
      self = .file
    case .characterDevice, .fifo:
      self = .stream
    case let kind:
      throw AudiobookError(.cannotCreate, "is \(kind.described), not a file to write", file: path)
    }
  }

  /// Refuses an output that is one of the inputs (a mistyped `--report book.txt` would replace
  /// the manuscript) or lies directly inside `folder` (a book folder the render replaces).
  ///
  /// - Throws: `.usage` naming `flag`.
  public static func refuseOverwriting(
    _ path: String, inputs: [String], insideOf folder: String? = nil, flag: String
  ) throws(AudiobookError) {
    var output = stat()
    if stat(path, &output) == 0 {
      for input in inputs {
        var info = stat()
        if stat(input, &info) == 0, info.st_dev == output.st_dev, info.st_ino == output.st_ino {
          throw AudiobookError(.usage, "\(flag) names an input of this command, which it would overwrite", file: path)
        }
      }
    }
    let parent = (path as NSString).deletingLastPathComponent
    if let folder, let resolved = realpath(parent.isEmpty ? "." : parent, nil), let book = realpath(folder, nil) {
      defer {
        free(resolved)
        free(book)
      }
      if strcmp(resolved, book) == 0 {
        throw AudiobookError(
          .usage, "\(flag) names a file inside the book folder, which the render replaces; write it elsewhere",
          file: path)
      }
    }
  }

  /// Writes `bytes` to `path`: through a temporary file and a rename, or straight into the
  /// device or FIFO found there.
  ///
  /// - Throws: `.cannotCreate` when `path` cannot be written or is a folder; `.io` when a
  ///   device or FIFO fails the write (a full disk says so) or its reader went away.
  public static func write(_ bytes: [UInt8], to path: String) throws(AudiobookError) {
    switch try OutputTarget(path: path) {
    case .file:
      try AtomicOutput.write(bytes, to: path)
    case .stream:
      try StreamOutput(opening: path).writeAll(bytes)
    }
  }
}
