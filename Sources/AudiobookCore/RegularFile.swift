import SystemPackage

#if canImport(Glibc)
  import Glibc
#endif

/// A regular file held open for reading, for readers that take a path (libsndfile): `path`
/// names the open descriptor (`/proc/self/fd/N`), so every later open reaches this same file,
/// even if the name is meanwhile swapped for a FIFO, a device or a symbolic link.
///
/// Opening never follows a symbolic link (`O_NOFOLLOW`) and never waits for a FIFO's writer
/// (`O_NONBLOCK`); anything but a regular file is refused.
public final class RegularFile {
  /// The file as the user named it.
  public let name: String
  /// A path that reaches the open file; the name itself where `/proc` is not mounted.
  public let path: String
  /// Size in bytes when opened (`fstat`).
  public let size: Int
  private var descriptor: Int32

  /// Opens `name` for reading.
  ///
  /// - Throws: `.badInput` when it is not a regular file ("not an audio file: a FIFO");
  ///   `.missingInput` when it does not exist or cannot be read.
  public init(opening name: String) throws(AudiobookError) {
    let descriptor: Int32
    do {
      descriptor =
        try FileDescriptor.opening(
          name, .readOnly, options: [.noFollow, .nonBlocking, .noControllingTerminal, .closeOnExec]
        ).rawValue
    } catch .tooManySymbolicLinkLevels {
      throw AudiobookError(.badInput, "is a symbolic link, not a plain file", file: name)
    } catch {
      throw AudiobookError(.missingInput, "cannot open it", errno: error, file: name)
    }
    var status = stat()
    guard fstat(descriptor, &status) == 0, FileKind(mode: status.st_mode) == .regular else {
      let kind = FileKind(descriptor: descriptor)
      Glibc.close(descriptor)
      throw AudiobookError(.badInput, "is \(kind.described), not a plain file", file: name)
    }
    self.descriptor = descriptor
    self.name = name
    self.size = Int(status.st_size)
    let pinned = "/proc/self/fd/\(descriptor)"
    self.path = access(pinned, F_OK) == 0 ? pinned : name
  }

  /// Closes the file; `path` reaches nothing after this.
  public func close() {
    if descriptor >= 0 { Glibc.close(descriptor) }
    descriptor = -1
  }

  deinit { close() }
}
