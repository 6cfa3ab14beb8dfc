import Foundation

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
  }

  /// Reads `path`, accepting LF or CRLF line endings and an optional UTF-8 byte-order mark.
  ///
  /// - Throws: `AudiobookError`: `.missingInput` when the file is absent or unreadable;
  ///   `.badInput` when it is binary, not UTF-8 (naming the first bad line) or empty.
  public static func read(_ path: String) throws(AudiobookError) -> Manuscript {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw AudiobookError(.missingInput, "no such file", file: path)
    }
    guard !isDirectory.boolValue else {
      throw AudiobookError(.missingInput, "is a folder, not a manuscript", file: path)
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw AudiobookError(.missingInput, "cannot read the file (permission denied?)", file: path)
    }
    let lines = try decode([UInt8](data), file: path)
    let format: Format =
      ["md", "markdown"].contains((path as NSString).pathExtension.lowercased()) ? .markdown : .plainText
    return Manuscript(file: path, format: format, lines: lines)
  }

  /// Splits UTF-8 bytes into lines, refusing what is not text.
  static func decode(_ bytes: [UInt8], file: String) throws(AudiobookError) -> [String] {
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
        .badInput, "is not valid UTF-8 (first bad byte on this line); save it as UTF-8", file: file, line: line)
    }
    // Split the bytes at LF and drop a CR before it: LF and CRLF files give the same lines.
    let lines = body.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
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
