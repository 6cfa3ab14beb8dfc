#if canImport(Glibc)
  import Glibc
#endif

/// Scratch files: private temporary names beside an output (`temporaryPath`), removed when the
/// work is done, when it fails, and when the process is interrupted.
extension AtomicOutput {
  /// Runs `body` with a scratch file's path beside `path`; the file is removed afterwards.
  package static func withScratch<T>(beside path: String, _ body: (String) throws(AudiobookError) -> T)
    throws(AudiobookError) -> T
  {
    let scratch = startScratch(beside: path)
    defer { endScratch(scratch) }
    return try body(scratch)
  }

  /// A scratch file's path beside `path`, for one that outlives a call; `endScratch` removes it.
  package static func startScratch(beside path: String) -> String {
    let scratch = temporaryPath(for: path)
    register(scratch)
    return scratch
  }

  /// Removes a scratch file from `startScratch` (first the file, so an interrupt in between
  /// still finds it registered).
  package static func endScratch(_ scratch: String) {
    unlink(scratch)
    unregister(scratch)
  }
}
