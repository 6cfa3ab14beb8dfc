import SystemPackage

#if canImport(Glibc)
  import Glibc
#endif

/// Reads a text that arrives on a stream (stdin) with a size limit: `yes | audiobook say` must
/// be refused after at most `limit + 1` bytes, not read until memory runs out.
public enum LimitedInput {
  /// The UTF-8 text on `descriptor` (stdin by default), read to its end.
  ///
  /// - Parameters:
  ///   - limit: the most bytes accepted; at most `limit + 1` are read.
  ///   - reader: who reads it (`say`), for the message.
  ///   - name: the input as messages name it.
  /// - Throws: `.badInput` past `limit` or when the text is not UTF-8; `.missingInput` when the
  ///   stream cannot be read.
  public static func text(
    from descriptor: Int32 = STDIN_FILENO, limit: Int, reader: String, name: String = "<stdin>"
  ) throws(AudiobookError) -> String {
    let bytes = try self.bytes(from: descriptor, limit: limit, reader: reader, name: name)
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw AudiobookError(.badInput, "the text is not valid UTF-8", file: name)
    }
    return text
  }

  /// The bytes on `descriptor`, read to its end; see `text(from:limit:reader:name:)`.
  package static func bytes(from descriptor: Int32, limit: Int, reader: String, name: String) throws(AudiobookError)
    -> [UInt8]
  {
    let input = FileDescriptor(rawValue: descriptor)
    var bytes: [UInt8] = []
    var block = [UInt8](repeating: 0, count: 1 << 16)
    while bytes.count <= limit {
      let wanted = min(block.count, limit + 1 - bytes.count)
      let count: Int
      do {
        count = try Errno.typed {
          try block.withUnsafeMutableBytes {
            try input.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[..<wanted]))
          }
        }
      } catch {
        throw AudiobookError(.missingInput, "cannot read the text", errno: error, file: name)
      }
      if count == 0 { return bytes }
      bytes += block[0..<count]
    }
    throw AudiobookError(
      .badInput, "the text is longer than \(describe(limit)), the most \(reader) reads from stdin", file: name)
  }

  /// `1 MiB (1048576 bytes)`, or plain bytes below a KiB.
  package static func describe(_ limit: Int) -> String {
    if limit >= 1 << 20 && limit % (1 << 20) == 0 { return "\(limit >> 20) MiB (\(limit) bytes)" }
    if limit >= 1 << 10 && limit % (1 << 10) == 0 { return "\(limit >> 10) KiB (\(limit) bytes)" }
    return "\(limit) bytes"
  }
}
