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
    var anchors = TextAnchors(count: source.documents.count) { index in
      // A document in UTF-16 takes no UTF-8 span: its pieces light up their neighbours.
      (try? source.data(at: source.documents[index])).map { XHTMLTextStream($0) }.flatMap { $0.isUTF8 ? $0 : nil }
    }
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
    var ids = anchors.ids
    var counters: [Int: Int] = [:]
    var insertions: [Int: [(offset: Int, order: Int, text: String)]] = [:]
    var placed: [(document: Int, id: String)?] = []
    for anchor in found {
      guard let anchor else {
        placed.append(nil)
        continue
      }
      var id: String
      repeat {
        counters[anchor.document, default: 0] += 1
        id = "ra\(counters[anchor.document, default: 0])"
      } while ids[anchor.document, default: []].contains(id)
      ids[anchor.document, default: []].insert(id)
      let span = (anchors.prefixes[anchor.document] ?? "") + "span"
      insertions[anchor.document, default: []] += [
        (anchor.start, 1, "<\(span) id=\"\(id)\">"), (anchor.end, 0, "</\(span)>"),
      ]
      placed.append((anchor.document, id))
    }
    // A piece not found lights up the one before it (or, at the start, the one after).
    guard var previous = placed.compactMap({ $0 }).first else { return nil }
    // Package item ids the manuscript does not use already.
    var itemIDs = Set(source.packageText.matches(of: /\sid\s*=\s*["']([^"']*)["']/).map { String($0.1) })
    func unique(_ wanted: String) -> String {
      var id = wanted
      var number = 1
      while itemIDs.contains(id) {
        number += 1
        id = "\(wanted)-\(number)"
      }
      itemIDs.insert(id)
      return id
    }
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
            document: source.documents[document], path: "\(base)overlay-\(number).smil",
            itemID: unique("ra-overlay-\(number)"),
            container: nil, pars: []))
      }
      overlays[overlay].pars.append(.init(id: id, begin: piece.begin, end: piece.end, audio: piece.audio))
    }
    self.overlays = overlays

    let styleSheet = base + "read-along.css"
    var replaced: [String: [UInt8]] = [:]
    for (index, overlay) in overlayOf.sorted(by: { $0.value < $1.value }).map({ ($0.key, overlays[$0.value]) }) {
      var edits = insertions[index] ?? []
      if let head = anchors.headEnds[index] {
        let href = XMLText.escaped(ReadAlongOverlay.relative(styleSheet, from: overlay.document))
        let link = (anchors.prefixes[index] ?? "") + "link"
        edits.append((head, 2, "<\(link) rel=\"stylesheet\" type=\"text/css\" href=\"\(href)\"/>"))
      }
      guard let bytes = Self.read(overlay.document, source, warn) else { return nil }
      replaced[overlay.document] = Self.applying(edits, to: bytes)
    }
    let packageIDs = PackageIDs(
      style: unique("ra-style"),
      audio: names.mapValues {
        unique("ra-audio-" + ($0 as NSString).lastPathComponent.replacingOccurrences(of: ".mp3", with: ""))
      })
    replaced[source.packagePath] = Array(
      Self.package(
        source, overlays: overlays, audio: names, ids: packageIDs, styleSheet: styleSheet, manifest: manifest
      ).utf8)

    var entries: [ReadAlongBook.Entry] = []
    // The manuscript's own overlays give way to these.
    for path in source.paths where !source.overlayPaths.contains(path) {
      if let bytes = replaced[path] {
        entries.append(.init(path: path, content: .bytes(bytes)))
      } else {
        guard let bytes = Self.read(path, source, warn) else { return nil }
        entries.append(.init(path: path, content: .bytes(bytes)))
      }
    }
    entries.append(.init(path: styleSheet, content: .bytes(Array(ReadAlongBook.highlightRule.utf8))))
    entries += overlays.map { .init(path: $0.path, content: .bytes(Array($0.smil.utf8))) }
    self.entries = entries + ReadAlongBook.audioEntries(names)
  }

  /// The file at `path` in the manuscript; nil, with a warning, when it cannot be read again
  /// (the EPUB's files together unpack to more than `EpubArchive` reads).
  private static func read(_ path: String, _ source: EpubSource, _ warn: (String) -> Void) -> [UInt8]? {
    do {
      return try source.data(at: path) ?? []
    } catch {
      warn("\(error.description); the read-along book is made from the text alone, without the EPUB's own files")
      return nil
    }
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
