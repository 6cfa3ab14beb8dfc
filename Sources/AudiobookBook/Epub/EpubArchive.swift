import Foundation
import AudiobookCore

#if canImport(Glibc)
  import Glibc
#endif

/// An EPUB file opened as the zip archive it is: its files by path, read whole on demand.
///
/// What is unpacked is bounded, whatever the zip's headers claim (a zip bomb claims little
/// and unpacks to gigabytes): one file at most `maximumEntryBytes`, all files read together
/// at most `maximumTotalBytes`. Unpacking stops as soon as a limit is passed.
///
/// The zip is read by `ZipDirectory`, which never reads an entry past its recorded size.
package struct EpubArchive {
  /// The most one file inside the EPUB may unpack to: 32 MiB, several times the longest
  /// novel as one XHTML document.
  package static let maximumEntryBytes = 32 << 20
  /// The most all the files read from one EPUB may unpack to together: 256 MiB.
  static let maximumTotalBytes = 256 << 20

  /// The EPUB's path as the user gave it, for messages.
  package let file: String
  private let directory: ZipDirectory
  /// The open file and the bytes unpacked so far, shared by copies of this value.
  private let archive: OpenArchive

  /// The archive's file descriptor, closed with the last copy, and a running count of the
  /// bytes unpacked from it.
  private final class OpenArchive {
    let descriptor: Int32
    var total = 0
    init(descriptor: Int32) { self.descriptor = descriptor }
    deinit { close(descriptor) }
  }

  /// Opens `path`.
  ///
  /// - Throws: `.missingInput` when there is no readable file there; `.badInput` when it is
  ///   not a zip archive.
  package init(path: String) throws(AudiobookError) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw AudiobookError(.missingInput, "no such file", file: path)
    }
    guard !isDirectory.boolValue else {
      throw AudiobookError(.missingInput, "is a folder, not an EPUB file", file: path)
    }
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw AudiobookError(.missingInput, "cannot read the file (permission denied?)", file: path)
    }
    let descriptor = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw AudiobookError(.missingInput, "cannot read the file", errno: errno, file: path)
    }
    archive = OpenArchive(descriptor: descriptor)
    guard FileKind(descriptor: descriptor) == .regular else {
      throw AudiobookError(.badInput, "is not a plain file, so not an EPUB", file: path)
    }
    do {
      directory = try ZipDirectory(descriptor: descriptor)
    } catch {
      throw AudiobookError(.badInput, "is not a zip archive, so not an EPUB (an EPUB is a zip file)", file: path)
    }
    self.file = path
  }

  /// Every file's path, sorted.
  package var paths: [String] { directory.entries.keys.sorted() }

  /// Whether the archive holds a file at `path` (a path inside the EPUB, such as `OEBPS/ch1.xhtml`).
  package func contains(_ path: String) -> Bool { directory.entries[path] != nil }

  /// The bytes of the file at `path`, or nil when there is none.
  ///
  /// - Throws: `.badInput` when the file is there but cannot be unpacked, or unpacks to more
  ///   than `maximumEntryBytes` (or all files read so far to more than `maximumTotalBytes`),
  ///   naming `book.epub!path`.
  package func data(at path: String) throws(AudiobookError) -> Data? {
    guard let entry = directory.entries[path] else { return nil }
    let allowed = min(Self.maximumEntryBytes, Self.maximumTotalBytes - archive.total)
    let data: Data
    do {
      data = try directory.data(of: entry, limit: allowed)
    } catch is ZipDirectory.LimitPassed {
      let total = allowed < Self.maximumEntryBytes
      throw AudiobookError(
        .badInput,
        total
          ? "the EPUB's documents unpack to more than \(Self.maximumTotalBytes >> 20) MiB together; "
            + "no book is that long (a damaged EPUB or a zip bomb)"
          : "unpacks to more than \(Self.maximumEntryBytes >> 20) MiB, more than any book's document "
            + "(a damaged EPUB or a zip bomb)",
        file: location(of: path))
    } catch {
      let reason = (error as? ZipDirectory.Damage)?.reason ?? "\(error)"
      throw AudiobookError(
        .badInput, "the EPUB is damaged: '\(path.quotedForMessage)' cannot be unpacked (\(reason))", file: file)
    }
    archive.total += data.count
    return data
  }

  /// The file at `path` read as XML.
  ///
  /// - Throws: `.badInput` when it is not well-formed, naming `book.epub!path` and the line.
  package func xml(at path: String) throws(AudiobookError) -> XMLTree? {
    guard let data = try data(at: path) else { return nil }
    return try XMLTree(data: data, file: location(of: path))
  }

  /// How messages name a file inside the EPUB: `book.epub!OEBPS/ch1.xhtml`. The path comes
  /// from the EPUB, so it is printed without control characters and cut to 200 characters.
  package func location(of path: String) -> String { "\(file)!\(path.quoted(upTo: 200))" }

  /// Where a link in the document at `document` points: the path inside the EPUB and the
  /// fragment after `#`, if any. `href` is relative to the document's folder and may be
  /// percent-encoded (`Chapter%201.xhtml`); a bare `#id` points into the document itself.
  package static func resolve(_ href: String, from document: String) -> (path: String, fragment: String?) {
    let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
    let target = String(parts[0])
    let fragment = parts.count > 1 && !parts[1].isEmpty ? String(parts[1]).removingPercentEncoding : nil
    guard !target.isEmpty else { return (document, fragment) }
    let decoded = target.removingPercentEncoding ?? target
    var segments: [Substring] = []
    if !decoded.hasPrefix("/") {
      segments = document.split(separator: "/", omittingEmptySubsequences: true).dropLast()
    }
    for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
      switch segment {
      case ".": continue
      case "..": _ = segments.popLast()
      default: segments.append(segment)
      }
    }
    return (segments.joined(separator: "/"), fragment)
  }
}
