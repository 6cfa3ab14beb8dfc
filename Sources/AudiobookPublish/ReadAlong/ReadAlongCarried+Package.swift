import AudiobookBook
import Foundation

extension ReadAlongCarried {
  /// The package item ids of the stylesheet and of each audio file (by book-folder file).
  struct PackageIDs {
    var style: String
    var audio: [String: String]
  }

  /// The manuscript's package document with the read-along book's additions: each document's
  /// `media-overlay`, the overlays', audio's and stylesheet's items, the durations, the active
  /// class, and `dcterms:modified` and the narrator when it has none. Everything else is kept
  /// as written.
  static func package(
    _ source: EpubSource, overlays: [ReadAlongOverlay], audio: [String: String], ids: PackageIDs,
    styleSheet: String, manifest: Manifest
  ) -> String {
    var text = source.packageText
    // The package's elements may carry a prefix (`<opf:item>`); the ones added carry it too.
    let prefix = text.firstMatch(of: /<\/([A-Za-z_][\w.-]*:)?manifest\s*>/)?.1.map(String.init) ?? ""
    // Overlays and durations of an earlier read-along book give way to these.
    text.replace(
      /\s*<(?:[A-Za-z_][\w.-]*:)?meta[^>]*property\s*=\s*["']media:(?:duration|active-class)["'][^>]*>[^<]*<\/(?:[A-Za-z_][\w.-]*:)?meta>/,
      with: "")
    text.replace(/\s*<(?:[A-Za-z_][\w.-]*:)?item\b[^>]*media-type\s*=\s*["']application\/smil\+xml["'][^>]*>/, with: "")
    text.replace(/\smedia-overlay\s*=\s*(?:"[^"]*"|'[^']*')/, with: "")
    for overlay in overlays {
      guard let id = source.itemIDs[overlay.document] else { continue }
      let escaped = NSRegularExpression.escapedPattern(for: id)
      guard let regex = try? Regex("<(?:[A-Za-z_][\\w.-]*:)?item\\b[^>]*\\bid\\s*=\\s*[\"']\(escaped)[\"'][^>]*>"),
        let match = text.firstMatch(of: regex)
      else { continue }
      var tag = String(text[match.range])
      let close = tag.hasSuffix("/>") ? tag.index(tag.endIndex, offsetBy: -2) : tag.index(before: tag.endIndex)
      tag.insert(contentsOf: " media-overlay=\"\(overlay.itemID)\"", at: close)
      text.replaceSubrange(match.range, with: tag)
    }
    let package = source.packagePath
    func href(_ path: String) -> String { XMLText.escaped(ReadAlongOverlay.relative(path, from: package)) }
    var items = ["<\(prefix)item id=\"\(ids.style)\" href=\"\(href(styleSheet))\" media-type=\"text/css\"/>"]
    items += overlays.map {
      "<\(prefix)item id=\"\($0.itemID)\" href=\"\(href($0.path))\" media-type=\"application/smil+xml\"/>"
    }
    items += audio.sorted { $0.value < $1.value }.map { file, path in
      "<\(prefix)item id=\"\(ids.audio[file] ?? "ra-audio")\" href=\"\(href(path))\" media-type=\"audio/mpeg\"/>"
    }
    insert(items, before: /<\/(?:[A-Za-z_][\w.-]*:)?manifest\s*>/, in: &text)
    var metadata = ReadAlongBook.durationMetadata(overlays)
    if text.firstMatch(of: /property\s*=\s*["']dcterms:modified["']/) == nil {
      metadata.append("<meta property=\"dcterms:modified\">\(ReadAlongBook.modified(manifest.date))</meta>")
    }
    if text.firstMatch(of: /property\s*=\s*["']media:narrator["']/) == nil, let narrator = manifest.narrator {
      metadata.append("<meta property=\"media:narrator\">\(XMLText.escaped(narrator))</meta>")
    }
    if !prefix.isEmpty {
      metadata = metadata.map {
        "<\(prefix)" + $0.dropFirst().replacingOccurrences(of: "</meta>", with: "</\(prefix)meta>")
      }
    }
    insert(metadata, before: /<\/(?:[A-Za-z_][\w.-]*:)?metadata\s*>/, in: &text)
    return text
  }

  /// Puts `lines` before the first match of `end` (a closing tag), each on a line of its own.
  private static func insert(_ lines: [String], before end: some RegexComponent, in text: inout String) {
    guard let match = text.firstMatch(of: end) else { return }
    text.insert(contentsOf: lines.joined(separator: "\n") + "\n", at: match.range.lowerBound)
  }
}
