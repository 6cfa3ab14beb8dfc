import Foundation
import AudiobookCore
import SystemPackage

#if canImport(Glibc)
  import Glibc
#endif

/// Reads a manuscript file into lines of text: checks it exists, is text and is UTF-8.
public enum ManuscriptReader {
  /// The manuscript's kinds, chosen by file extension.
  public enum Format: Sendable, Equatable {
    case plainText
    case markdown
  }

  /// The manuscript's lines (without line endings, byte-order mark dropped) and format.
  public struct Manuscript: Sendable, Equatable {
    public var file: String
    public var format: Format
    public var lines: [String]
    /// Things the reader guessed that the user should know, such as the encoding.
    public var warnings: [String] = []
  }

  /// Names people use for encodings that iconv spells otherwise; any name iconv knows
  /// (`iconv -l`) works as well.
  static let encodingAliases: [String: String] = [
    "macroman": "MACINTOSH", "mac-roman": "MACINTOSH", "mac": "MACINTOSH", "latin-1": "LATIN1",
    "windows-1252": "CP1252", "utf-16": "UTF-16",
  ]

  /// Reads `path`, accepting LF or CRLF line endings and an optional UTF-8 byte-order mark.
  ///
  /// - Throws: `AudiobookError`: `.missingInput` when the file is absent or unreadable;
  ///   `.badInput` when it is binary, not UTF-8 (naming the first bad line) or empty.
  public static func read(_ path: String, encoding: String? = nil) throws(AudiobookError) -> Manuscript {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw AudiobookError(.missingInput, "no such file", file: path)
    }
    guard !isDirectory.boolValue else {
      throw AudiobookError(.missingInput, "is a folder, not a manuscript", file: path)
    }
    let bytes = try readWhole(path)
    let (utf8, warning) = try transcode(bytes, encoding: encoding, file: path)
    let lines = try decode(utf8, file: path)
    let format: Format =
      ["md", "markdown"].contains((path as NSString).pathExtension.lowercased()) ? .markdown : .plainText
    return Manuscript(file: path, format: format, lines: lines, warnings: warning.map { [$0] } ?? [])
  }

  /// The largest manuscript read: 64 MiB, some twenty times the longest novels.
  public static let maximumBytes = 64 << 20

  /// The file's bytes, when it is a plain file (following links) of at most `limit` bytes:
  /// a FIFO is refused at once rather than waited on, a huge file before it is read.
  static func readWhole(
    _ path: String, limit: Int = maximumBytes, what: String = "manuscript"
  ) throws(AudiobookError) -> [UInt8] {
    let file: FileDescriptor
    do {
      file = try FileDescriptor.opening(path, .readOnly, options: [.nonBlocking, .closeOnExec])
    } catch {
      throw AudiobookError(.missingInput, "cannot read the file", errno: error, file: path)
    }
    defer { try? file.close() }
    var status = stat()
    guard fstat(file.rawValue, &status) == 0, FileKind(mode: status.st_mode) == .regular else {
      throw AudiobookError(
        .badInput, "is \(FileKind(descriptor: file.rawValue).described), not a \(what) file", file: path)
    }
    guard Int(status.st_size) <= limit else {
      throw AudiobookError(
        .badInput, "is larger than \(limit >> 20) MiB, the most a \(what) may be (a wrong file?)", file: path)
    }
    guard let bytes = try? file.read(exactly: Int(status.st_size)) else {
      throw AudiobookError(.missingInput, "cannot read the file", file: path)
    }
    return bytes
  }

  /// The bytes as UTF-8: in the encoding asked for; UTF-16 when a byte-order mark says so; as
  /// they are when they are UTF-8; else as Windows-1252 (older Project Gutenberg files), with
  /// a warning, when every byte is defined there. Anything else is left for `decode` to refuse.
  static func transcode(
    _ bytes: [UInt8], encoding name: String?, file: String
  ) throws(AudiobookError) -> (bytes: [UInt8], warning: String?) {
    if let name {
      var iconvName = encodingAliases[name.lowercased()] ?? name
      if iconvName.uppercased() == "UTF-16", bytes.count >= 2, !bytes.starts(with: [0xFF, 0xFE]),
        !bytes.starts(with: [0xFE, 0xFF])
      {
        // No byte-order mark: iconv would assume big-endian; ASCII text shows which it is.
        iconvName = bytes[1] == 0 && bytes[0] != 0 ? "UTF-16LE" : "UTF-16BE"
      }
      do {
        return (try Iconv.utf8(bytes, from: iconvName), nil)
      } catch {
        switch error {
        case .unknownEncoding:
          throw AudiobookError(
            .usage, "unknown encoding '\(name.quotedForMessage)'; `iconv -l` lists the names this system knows")
        case .invalid(let line):
          throw AudiobookError(.badInput, "is not valid \(name) (first bad byte on this line)", file: file, line: line)
        }
      }
    }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      guard let text = String(data: Data(bytes), encoding: .utf16) else {
        throw AudiobookError(.badInput, "starts with a UTF-16 byte-order mark but is not valid UTF-16", file: file)
      }
      return (Array(text.utf8), nil)
    }
    if String(validating: bytes, as: UTF8.self) != nil { return (bytes, nil) }
    let undefinedInWindows1252: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
    if !bytes.contains(where: undefinedInWindows1252.contains),
      let text = String(data: Data(bytes), encoding: .windowsCP1252)
    {
      let line = firstInvalidUTF8Line(bytes[...])
      return (
        Array(text.utf8),
        "\(file):\(line): warning: not UTF-8; read as Windows-1252 (give --encoding NAME if it is another encoding)"
      )
    }
    return (bytes, nil)
  }

  /// Splits UTF-8 bytes into lines, refusing what is not text.
  package static func decode(_ bytes: [UInt8], file: String) throws(AudiobookError) -> [String] {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    if let nul = body.firstIndex(of: 0) {
      throw AudiobookError(
        .badInput, "contains NUL bytes; this is not a text manuscript", file: file, line: lineNumber(of: nul, in: body))
    }
    let controls = body.lazy.filter { $0 < 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0x0C }.count
    if !body.isEmpty && controls * 10 > body.count {
      throw AudiobookError(.badInput, "is mostly control characters; this is not a text manuscript", file: file)
    }
    guard String(validating: body, as: UTF8.self) != nil else {
      let line = firstInvalidUTF8Line(body)
      throw AudiobookError(
        .badInput,
        "is neither UTF-8 nor Windows-1252 (first bad byte on this line); give --encoding NAME or save it as UTF-8",
        file: file, line: line)
    }
    // Split the bytes at LF and drop a CR before it: LF and CRLF files give the same lines. A
    // file of CRs alone (classic Mac OS) is split at them.
    let separator: UInt8 = !body.contains(0x0A) && body.contains(0x0D) ? 0x0D : 0x0A
    let lines = body.split(separator: separator, omittingEmptySubsequences: false).map { line in
      String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
    }
    guard lines.contains(where: { !$0.allSatisfy(\.isWhitespace) }) else {
      throw AudiobookError(.badInput, "the manuscript is empty: there is nothing to read", file: file)
    }
    return lines
  }

  private static func lineNumber(of index: ArraySlice<UInt8>.Index, in bytes: ArraySlice<UInt8>) -> Int {
    bytes[..<index].lazy.filter { $0 == 0x0A }.count + 1
  }

  /// The line of the first byte that does not start or continue a valid UTF-8 sequence.
  private static func firstInvalidUTF8Line(_ bytes: ArraySlice<UInt8>) -> Int {
    var line = 1
    var lineStart = bytes.startIndex
    for index in bytes.indices where bytes[index] == 0x0A || index == bytes.endIndex - 1 {
      let end = bytes[index] == 0x0A ? index : index + 1
      if String(validating: bytes[lineStart..<end], as: UTF8.self) == nil { return line }
      line += 1
      lineStart = index + 1
    }
    return line
  }
}
