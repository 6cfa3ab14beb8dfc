import Crypto
import AudiobookCore
import AudiobookSpeech

#if canImport(Glibc)
  import Glibc
#endif

/// SHA-256 of a file's bytes, read in blocks, as `sha256sum` prints it.
package enum FileDigest {
  /// - Throws: `.missingInput` when the file cannot be opened.
  package static func sha256(of path: String) throws(AudiobookError) -> String {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw AudiobookError(.missingInput, "cannot read the file", errno: errno, file: path) }
    defer { close(fd) }
    var hasher = SHA256()
    var block = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = block.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { break }
      block.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
    }
    return Hex.string(hasher.finalize())
  }
}
