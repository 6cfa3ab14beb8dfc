import AudiobookBook
import AudiobookCore
import Crypto
import Foundation

/// `--format epub`: an EPUB 3 book whose text lights up as its audio plays (EPUB 3 Media
/// Overlays), made from the manifest's own timings, so every clip is exact by construction.
///
/// From an EPUB 3 manuscript the book keeps the manuscript's own files (documents, styles,
/// images, navigation, metadata), adding only a span with an id around each spoken sentence
/// (or word), a stylesheet link, the overlays and the audio (`ReadAlongCarried`). From plain
/// text, Markdown or an EPUB 2, it generates a document per chapter (`ReadAlongGenerated`).
/// The audio is the render's MP3 files (a core media type every reading system plays). The zip
/// is stored, not deflated, with one fixed time, so the same render makes the same bytes.
public struct ReadAlongBook {
  /// What each `<par>` pairs with its audio: a sentence (`--read-along sentences`) or a word.
  public enum Granularity: String, Codable, Sendable, CaseIterable {
    case sentences, words
  }

  /// Where a chapter's audio is: a file of the book folder, and the chapter's start in it
  /// (seconds; 0 for a chapter file, the chapter's start in a whole-book file).
  package struct Audio: Sendable, Equatable {
    package var file: String
    package var offset: Double

    package init(file: String, offset: Double) {
      self.file = file
      self.offset = offset
    }
  }

  /// A file of the EPUB and where its bytes come from.
  struct Entry {
    enum Content {
      case bytes([UInt8])
      /// A file of the book folder (the audio, the cover).
      case bookFile(String)
    }

    var path: String
    var content: Content
  }

  /// The class reading systems set on the element being read (`media:active-class`).
  static let activeClass = "-epub-media-overlay-active"
  /// The stylesheet rule that highlights it.
  static let highlightRule =
    ".\(activeClass) { background-color: #fde68a; color: #111; border-radius: 0.2em; }\n"

  /// The files in zip order, `mimetype` first.
  let entries: [Entry]
  let overlays: [ReadAlongOverlay]

  /// - Parameters:
  ///   - audio: one per manifest chapter.
  ///   - manuscript: the EPUB the book was read from, whose files are carried over; nil for
  ///     another kind of manuscript.
  ///   - warn: hears of sentences the manuscript's documents were not found to hold.
  package init(
    _ manifest: Manifest, granularity: Granularity, audio: [Audio], manuscript: EpubSource? = nil,
    warn: (String) -> Void = { _ in }
  ) {
    if let manuscript,
      let carried = ReadAlongCarried(manifest, granularity: granularity, audio: audio, source: manuscript, warn: warn)
    {
      entries = [Self.mimetype] + carried.entries
      overlays = carried.overlays
    } else {
      let generated = ReadAlongGenerated(manifest, granularity: granularity, audio: audio)
      entries = [Self.mimetype] + generated.entries
      overlays = generated.overlays
    }
  }

  static let mimetype = Entry(path: "mimetype", content: .bytes(Array("application/epub+zip".utf8)))

  /// The path inside the EPUB of each book-folder audio file, in `folder`: `chapter-001.mp3`
  /// per chapter file, `book.mp3` for a whole-book file.
  static func audioNames(_ audio: [Audio], in folder: String) -> [String: String] {
    let files = audio.map(\.file)
    let distinct = files.enumerated().filter { files.firstIndex(of: $1) == $0 }.map(\.element)
    return Dictionary(
      uniqueKeysWithValues: distinct.enumerated().map { index, file in
        let name = distinct.count == 1 && files.count > 1 ? "book" : "chapter-\(padded(index + 1))"
        return (file, "\(folder)\(name).mp3")
      })
  }

  /// The audio files' entries, each once.
  static func audioEntries(_ names: [String: String]) -> [Entry] {
    names.sorted { $0.value < $1.value }.map { Entry(path: $0.value, content: .bookFile($0.key)) }
  }

  static func padded(_ number: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
  }

  /// The package items of the audio files, each once, with links from the package document
  /// at `package`.
  static func audioItems(_ names: [String: String], from package: String) -> [String] {
    names.values.sorted().map { path in
      let id = "audio-" + (path as NSString).lastPathComponent.replacingOccurrences(of: ".mp3", with: "")
      return "<item id=\"\(id)\" href=\"\(ReadAlongOverlay.relative(path, from: package))\" media-type=\"audio/mpeg\"/>"
    }
  }

  /// The `media:duration` metadata (each overlay's and the book's) and the active class.
  static func durationMetadata(_ overlays: [ReadAlongOverlay]) -> [String] {
    overlays.map {
      "<meta property=\"media:duration\" refines=\"#\($0.itemID)\">\(ReadAlongOverlay.fullClock($0.duration))</meta>"
    } + [
      "<meta property=\"media:duration\">\(ReadAlongOverlay.fullClock(overlays.reduce(0) { $0 + $1.duration }))</meta>",
      "<meta property=\"media:active-class\">\(activeClass)</meta>",
    ]
  }

  /// Writes the EPUB to `path`; `source` gives the path of a book folder's file (the audio,
  /// the cover).
  ///
  /// - Parameter reportedPath: the EPUB as messages name it.
  package func write(to path: String, reportedPath: String, source: (String) -> String) throws(AudiobookError) {
    var archive = try ZipFileWriter(path: path, reportedPath: reportedPath)
    do {
      for entry in entries {
        switch entry.content {
        case .bytes(let bytes): try archive.add(entry.path, bytes)
        case .bookFile(let name): try archive.add(entry.path, try Self.read(source(name), reportedPath: reportedPath))
        }
      }
      try archive.finish()
    } catch {
      archive.abandon()
      throw error
    }
  }

  private static func read(_ path: String, reportedPath: String) throws(AudiobookError) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw AudiobookError(.io, "cannot read '\(path)' to put it in the read-along book", file: reportedPath)
    }
    return Array(data)
  }

  /// The book's language as the package states it: the manuscript's when it is a BCP 47 tag,
  /// else English, which the default voices speak.
  static func languageTag(_ language: String?) -> String {
    guard let language, language.wholeMatch(of: /[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*/) != nil else { return "en" }
    return language
  }

  /// `dcterms:modified` from the book's date (`1813`, `2024-05`, `2024-05-01`), never the
  /// clock; 2000-01-01 when the book has none.
  static func modified(_ date: String?) -> String {
    guard let date, let match = date.wholeMatch(of: /(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/) else {
      return "2000-01-01T00:00:00Z"
    }
    return "\(match.1)-\(match.2 ?? "01")-\(match.3 ?? "01")T00:00:00Z"
  }

  /// The book's identifier, else a UUID named by its title, author and chapters' content,
  /// the same for the same render.
  static func identifier(_ manifest: Manifest) -> String {
    if let identifier = manifest.identifier { return identifier }
    let name = ([manifest.title, manifest.author ?? ""] + manifest.chapters.map(\.contentHash)).joined(separator: "\n")
    var bytes = Array(SHA256.hash(data: Array(name.utf8)).prefix(16))
    bytes[6] = bytes[6] & 0x0F | 0x50  // version 5 (name-based)
    bytes[8] = bytes[8] & 0x3F | 0x80  // RFC 4122 variant
    let hex = Hex.string(bytes)
    let cuts = [0, 8, 12, 16, 20, 32].map { hex.index(hex.startIndex, offsetBy: $0) }
    return "urn:uuid:" + zip(cuts, cuts.dropFirst()).map { String(hex[$0..<$1]) }.joined(separator: "-")
  }
}
