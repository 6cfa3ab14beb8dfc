import SystemPackage

#if canImport(Glibc)
  import Glibc
#endif

/// An output written through, in order, and never replaced: stdout, a character device such
/// as `/dev/null`, or a FIFO. Each write is a plain `write(2)`, so a reader that went away
/// (`EPIPE`) and a full disk (`ENOSPC`) are answers, not crashes.
public final class StreamOutput {
  /// The output as the user named it (`<stdout>` for standard output), for messages.
  public let name: String
  private var descriptor: Int32
  private let owned: Bool

  private init(descriptor: Int32, name: String, owned: Bool) {
    self.descriptor = descriptor
    self.name = name
    self.owned = owned
    // A reader that goes away must be an `EPIPE` the caller decides about, not a SIGPIPE
    // that kills the process before its temporary files are removed.
    signal(SIGPIPE, SIG_IGN)
  }

  /// Standard output, left open when this is done with it.
  public static func standardOutput() -> StreamOutput {
    StreamOutput(descriptor: STDOUT_FILENO, name: "<stdout>", owned: false)
  }

  /// Opens the character device or FIFO at `path` for writing (`open` with `O_WRONLY`, never
  /// `O_CREAT` or `O_TRUNC`). A FIFO is opened with `O_NONBLOCK` first, so one that nobody
  /// reads is refused at once rather than waited on for ever; writes then block as usual.
  ///
  /// - Throws: `.io` when nothing reads the FIFO; `.cannotCreate` when it cannot be opened or
  ///   is no longer a device or FIFO.
  public convenience init(opening path: String) throws(AudiobookError) {
    let descriptor: Int32
    do {
      descriptor =
        try FileDescriptor.opening(path, .writeOnly, options: [.nonBlocking, .noControllingTerminal, .closeOnExec])
        .rawValue
    } catch .noSuchAddressOrDevice {
      throw AudiobookError(.io, "nothing is reading from this FIFO; start its reader first", file: path)
    } catch {
      throw AudiobookError(.cannotCreate, "cannot open it for writing", errno: error, file: path)
    }
    let kind = FileKind(descriptor: descriptor)
    // `/dev/stdout` redirected to a file leads to a regular file: written through as well.
    let isStandardLink = path.hasPrefix("/dev/") || path.hasPrefix("/proc/")
    guard kind == .fifo || kind == .characterDevice || (kind == .regular && isStandardLink) else {
      Glibc.close(descriptor)
      throw AudiobookError(
        .cannotCreate, "is \(kind.described) now, not a device or FIFO; nothing was written", file: path)
    }
    let flags = fcntl(descriptor, F_GETFL)
    if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
    self.init(descriptor: descriptor, name: path, owned: true)
  }

  /// Writes every byte of `bytes`; returns false when the reader went away (`EPIPE`).
  ///
  /// - Throws: `.io` on a full disk ("the disk is full") or any other write error.
  @discardableResult
  public func write(_ bytes: [UInt8]) throws(AudiobookError) -> Bool {
    var outcome: Result<Bool, AudiobookError> = .success(true)
    bytes.withUnsafeBytes { outcome = write($0) }
    return try outcome.get()
  }

  /// Writes every byte of `bytes`, treating a reader that went away as an error.
  ///
  /// - Throws: `.io` when the write fails or the reader closed its end first.
  public func writeAll(_ bytes: [UInt8]) throws(AudiobookError) {
    guard try write(bytes) else {
      throw AudiobookError(.io, "the reader closed its end before everything was written", file: name)
    }
  }

  /// Copies the file at `path` through, a block at a time; returns false when the reader went
  /// away (`EPIPE`).
  ///
  /// - Throws: `.io` when `path` cannot be read or the output cannot be written.
  @discardableResult
  public func copy(contentsOf path: String) throws(AudiobookError) -> Bool {
    let input: FileDescriptor
    do {
      input = try FileDescriptor.opening(path, .readOnly, options: .closeOnExec)
    } catch {
      throw AudiobookError(.io, "cannot read back the audio", errno: error, file: path)
    }
    defer { try? input.close() }
    var block = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count: Int
      do {
        count = try Errno.typed { try block.withUnsafeMutableBytes { try input.read(into: $0) } }
      } catch {
        throw AudiobookError(.io, "cannot read back the audio", errno: error, file: path)
      }
      if count == 0 { return true }
      var outcome: Result<Bool, AudiobookError> = .success(true)
      block.withUnsafeBytes { outcome = write(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
      guard try outcome.get() else { return false }
    }
  }

  /// Closes the output (not standard output); a later write fails.
  public func close() {
    if owned && descriptor >= 0 { Glibc.close(descriptor) }
    descriptor = -1
  }

  deinit { close() }

  private func write(_ raw: UnsafeRawBufferPointer) -> Result<Bool, AudiobookError> {
    guard let base = raw.baseAddress else { return .success(true) }
    var written = 0
    while written < raw.count {
      let result = Glibc.write(descriptor, base + written, raw.count - written)
      if result > 0 {
        written += result
        continue
      }
      let reason = result < 0 ? errno : EIO
      switch reason {
      case EINTR:
        continue
      case EAGAIN, EWOULDBLOCK:
        // A descriptor inherited in non-blocking mode: wait until it takes more.
        var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
        _ = poll(&ready, 1, -1)
      case EPIPE:
        return .success(false)
      case ENOSPC, EDQUOT:
        return .failure(AudiobookError(.io, "cannot write: the disk is full (no space left on device)", file: name))
      default:
        return .failure(AudiobookError(.io, "cannot write", errno: reason, file: name))
      }
    }
    return .success(true)
  }
}
