import AudiobookBook
import Foundation

/// A read-along book that keeps an EPUB 3 manuscript's own files: every document, style,
/// image and the navigation as they were, with a span (and id) around each spoken sentence or
/// word, a link to a stylesheet holding the highlight, the overlays, the audio and the package
/// document's overlay items and durations added. Text the renderer does not read stays visible
/// and is in no overlay.
struct ReadAlongCarried {
  let entries: [ReadAlongBook.Entry]
  let overlays: [ReadAlongOverlay]

  /// Nil when none of the book's pieces is found in the manuscript's documents (the book is
  /// then generated).
  init?(
    _ manifest: Manifest, granularity: ReadAlongBook.Granularity, audio: [ReadAlongBook.Audio], source: EpubSource,
    warn: (String) -> Void
  ) {
    let folder = (source.packagePath as NSString).deletingLastPathComponent
    var base = (folder.isEmpty ? "" : folder + "/") + "read-along/"
    while source.paths.contains(where: { $0.hasPrefix(base) }) { base = String(base.dropLast()) + "-1/" }
    let names = ReadAlongBook.audioNames(audio, in: base + "audio/")
    let pieces = ReadAlongTimeline(manifest, granularity: granularity, audio: audio, names: names).chapters
      .flatMap { $0 }
    var documents: [[UInt8]] = []
    for path in source.documents {
      guard let bytes = try? source.data(at: path) else { return nil }
      documents.append(bytes)
    }
    let streams = documents.map(XHTMLTextStream.init)
    var anchors = TextAnchors(streams)
    let found = pieces.map { piece in
      if case .word = piece.kind { return anchors.find(piece.text, short: true) }
      return anchors.find(piece.text, short: false)
    }
    guard found.contains(where: { $0 != nil }) else { return nil }
    let missing = found.filter { $0 == nil }.count
    if missing > 0 {
      warn(
        "\(source.archive.file): warning: \(missing) of \(pieces.count) spoken pieces were not found in the EPUB's "
          + "documents; the read-along book lights up the piece before them while they are read")
    }

    // Ids, the spans and the pars, document by document.
    var ids = streams.map(\.ids)
    var counters = Array(repeating: 0, count: streams.count)
    var insertions: [[(offset: Int, order: Int, text: String)]] = Array(repeating: [], count: streams.count)
    var placed: [(document: Int, id: String)?] = []
    for anchor in found {
      guard let anchor else {
        placed.append(nil)
        continue
      }
      var id: String
      repeat {
        counters[anchor.document] += 1
        id = "ra\(counters[anchor.document])"
      } while ids[anchor.document].contains(id)
      ids[anchor.document].insert(id)
      insertions[anchor.document] += [(anchor.start, 1, "<span id=\"\(id)\">"), (anchor.end, 0, "</span>")]
      placed.append((anchor.document, id))
    }
    // A piece not found lights up the one before it (or, at the start, the one after).
    guard var previous = placed.compactMap({ $0 }).first else { return nil }
    var overlays: [ReadAlongOverlay] = []
    var overlayOf: [Int: Int] = [:]
    for (piece, place) in zip(pieces, placed) {
      let (document, id) = place ?? previous
      previous = (document, id)
      let overlay = overlayOf[document] ?? overlays.count
      if overlay == overlays.count {
        overlayOf[document] = overlay
        let number = ReadAlongBook.padded(overlay + 1)
        overlays.append(
          ReadAlongOverlay(
            document: source.documents[document], path: "\(base)overlay-\(number).smil", itemID: "ra-overlay-\(number)",
            container: nil, pars: []))
      }
      overlays[overlay].pars.append(.init(id: id, begin: piece.begin, end: piece.end, audio: piece.audio))
    }
    self.overlays = overlays

    let styleSheet = base + "read-along.css"
    var replaced: [String: [UInt8]] = [:]
    for (index, overlay) in overlayOf.sorted(by: { $0.value < $1.value }).map({ ($0.key, overlays[$0.value]) }) {
      var edits = insertions[index]
      if let head = streams[index].headEnd {
        let href = ReadAlongOverlay.relative(styleSheet, from: overlay.document)
        edits.append((head, 2, "<link rel=\"stylesheet\" type=\"text/css\" href=\"\(href)\"/>"))
      }
      replaced[overlay.document] = Self.applying(edits, to: documents[index])
    }
    replaced[source.packagePath] = Array(
      Self.package(source, overlays: overlays, audio: names, styleSheet: styleSheet, manifest: manifest).utf8)

    var entries: [ReadAlongBook.Entry] = []
    for path in source.paths {
      if let bytes = replaced[path] {
        entries.append(.init(path: path, content: .bytes(bytes)))
      } else {
        guard let bytes = try? source.data(at: path) else { return nil }
        entries.append(.init(path: path, content: .bytes(bytes)))
      }
    }
    entries.append(.init(path: styleSheet, content: .bytes(Array(ReadAlongBook.highlightRule.utf8))))
    entries += overlays.map { .init(path: $0.path, content: .bytes(Array($0.smil.utf8))) }
    self.entries = entries + ReadAlongBook.audioEntries(names)
  }

  /// `bytes` with each text inserted at its offset; at one offset, lower `order` first.
  static func applying(_ edits: [(offset: Int, order: Int, text: String)], to bytes: [UInt8]) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count + edits.count * 24)
    var at = 0
    for edit in edits.enumerated().sorted(by: { ($0.1.offset, $0.1.order, $0.0) < ($1.1.offset, $1.1.order, $1.0) })
      .map(\.1)
    {
      result += bytes[at..<edit.offset]
      result += Array(edit.text.utf8)
      at = edit.offset
    }
    result += bytes[at...]
    return result
  }
}
