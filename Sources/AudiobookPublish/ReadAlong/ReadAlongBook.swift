import AudiobookCore
import Crypto
import Foundation

/// `--format epub`: an EPUB 3 book whose text lights up as its audio plays (EPUB 3 Media
/// Overlays), made from the manifest's own timings, so every clip is exact by construction.
///
/// The package holds a generated XHTML document per chapter (the title and the sentences as
/// written, each spoken sentence or word in a span with an id), a SMIL overlay per chapter,
/// the chapter audio as MP3 (a core media type every reading system plays), a stylesheet that
/// highlights what is being read, a navigation document, the cover and the book's metadata.
/// The zip is stored, not deflated, with one fixed time, and `dcterms:modified` comes from
/// the book's date, so the same render makes the same bytes.
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

  /// The class reading systems set on the element being read (`media:active-class`).
  static let activeClass = "-epub-media-overlay-active"

  let manifest: Manifest
  let chapters: [ReadAlongChapter]
  /// Per chapter, the audio's name inside `EPUB/` and the book folder's file it comes from.
  let audio: [(name: String, file: String)]
  let language: String

  /// - Parameter audio: one per manifest chapter.
  package init(_ manifest: Manifest, granularity: Granularity, audio: [Audio]) {
    self.manifest = manifest
    language = Self.languageTag(manifest.language)
    let files = audio.map(\.file)
    let distinct = files.enumerated().filter { files.firstIndex(of: $1) == $0 }.map(\.element)
    let names = Dictionary(
      uniqueKeysWithValues: distinct.enumerated().map { index, file in
        (
          file,
          distinct.count == 1 && files.count > 1
            ? "audio/book.mp3" : "audio/chapter-\(ReadAlongChapter.padded(index + 1)).mp3"
        )
      })
    self.audio = files.map { (names[$0] ?? "audio/book.mp3", $0) }
    chapters = zip(manifest.chapters, audio).map { chapter, audio in
      ReadAlongChapter(
        chapter, sampleRate: manifest.sampleRate, offset: audio.offset, words: granularity == .words,
        language: Self.languageTag(manifest.language))
    }
  }

  /// Writes the EPUB to `path`; `source` gives the path of a book folder's file (the audio,
  /// the cover).
  ///
  /// - Parameter reportedPath: the EPUB as messages name it.
  package func write(to path: String, reportedPath: String, source: (String) -> String) throws(AudiobookError) {
    var archive = try ZipFileWriter(path: path, reportedPath: reportedPath)
    do {
      try archive.add("mimetype", Array("application/epub+zip".utf8))
      try archive.add("META-INF/container.xml", Array(Self.container.utf8))
      try archive.add("EPUB/package.opf", Array(packageDocument.utf8))
      try archive.add("EPUB/nav.xhtml", Array(navigation.utf8))
      try archive.add("EPUB/style.css", Array(Self.styleSheet.utf8))
      if let cover = manifest.cover {
        try archive.add("EPUB/\(cover)", try Self.read(source(cover), reportedPath: reportedPath))
      }
      for (chapter, audio) in zip(chapters, audio) {
        try archive.add("EPUB/\(ReadAlongChapter.textName(chapter.number))", Array(chapter.xhtml.utf8))
        try archive.add(
          "EPUB/\(ReadAlongChapter.overlayName(chapter.number))", Array(chapter.overlay(audio: "../\(audio.name)").utf8)
        )
      }
      var added: Set<String> = []
      for audio in audio where added.insert(audio.name).inserted {
        try archive.add("EPUB/\(audio.name)", try Self.read(source(audio.file), reportedPath: reportedPath))
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

  /// How long the book's overlays last together, milliseconds.
  var duration: Int { chapters.reduce(0) { $0 + $1.duration } }

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
  var identifier: String {
    if let identifier = manifest.identifier { return identifier }
    let name = ([manifest.title, manifest.author ?? ""] + manifest.chapters.map(\.contentHash)).joined(separator: "\n")
    var bytes = Array(SHA256.hash(data: Array(name.utf8)).prefix(16))
    bytes[6] = bytes[6] & 0x0F | 0x50  // version 5 (name-based)
    bytes[8] = bytes[8] & 0x3F | 0x80  // RFC 4122 variant
    let hex = bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
      .joined()
    let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
      String(
        hex[
          hex.index(hex.startIndex, offsetBy: range.lowerBound)..<hex.index(hex.startIndex, offsetBy: range.upperBound)]
      )
    }
    return "urn:uuid:" + parts.joined(separator: "-")
  }

  static let container = """
    <?xml version="1.0" encoding="UTF-8"?>
    <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
    <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
    </rootfiles>
    </container>

    """

  static let styleSheet = """
    body { font-family: serif; line-height: 1.5; margin: 0 5%; }
    h1 { text-align: center; margin: 2em 0 1em; }
    p { margin: 0; text-indent: 1.5em; }
    .\(activeClass) { background-color: #fde68a; color: #111; border-radius: 0.2em; }

    """
}
