#if canImport(Glibc)
  import Glibc
#endif

/// Text in any encoding glibc's iconv knows (`iconv -l`), converted to UTF-8.
///
/// Foundation on Linux decodes some encodings wrongly (Mac OS Roman among them); iconv is the
/// system's own converter and knows hundreds, so `--encoding` takes any of its names.
package enum Iconv {
  package enum Failure: Error, Equatable {
    /// iconv has no encoding of that name.
    case unknownEncoding
    /// The bytes are not valid in the encoding; `line` is the 1-based line of the first bad one.
    case invalid(line: Int)
  }

  /// `bytes`, read as `encoding`, in UTF-8.
  package static func utf8(_ bytes: [UInt8], from encoding: String) throws(Failure) -> [UInt8] {
    let converter = iconv_open("UTF-8", encoding)
    guard let converter, Int(bitPattern: converter) != -1 else { throw .unknownEncoding }
    defer { iconv_close(converter) }
    var input = bytes
    var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
    let (produced, failed) = input.withUnsafeMutableBufferPointer { inBuffer in
      output.withUnsafeMutableBufferPointer { outBuffer -> (Int, Bool) in
        var inPointer = inBuffer.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
        var outPointer = outBuffer.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
        var inLeft = inBuffer.count
        var outLeft = outBuffer.count
        // Four bytes of UTF-8 per input byte at most, so the output never runs out of room:
        // iconv stops only at the end or at a byte it cannot convert.
        let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
        return (outBuffer.count - outLeft, result == -1 || inLeft > 0)
      }
    }
    guard !failed else { throw .invalid(line: output[..<produced].lazy.filter { $0 == 0x0A }.count + 1) }
    return Array(output[..<produced])
  }
}
