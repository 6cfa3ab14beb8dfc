import AudiobookBook
import AudiobookCore
import Foundation

extension BookVerifier {
  /// The read-along EPUB: present with the manifest's SHA-256, and its overlays what the
  /// manifest's timings make: over the spine's documents in order, one `<par>` per spoken
  /// title and sentence (or word), each pointing at an element its document has and playing
  /// the chapter's audio (which the EPUB holds) from the piece's first millisecond to its last;
  /// each overlay's `media:duration` the sum of its clips, and the book's the sum of those.
  static func readAlongProblems(_ manifest: Manifest, in folder: String) -> [String] {
    guard let readAlong = manifest.readAlong else { return [] }
    let path = (folder as NSString).appendingPathComponent(readAlong.file)
    if let missing = notAPlainFile(path) { return ["\(path): \(missing)"] }
    var problems: [String] = []
    if let digest = try? FileDigest.sha256(of: path), digest != readAlong.sha256 {
      problems.append("\(path): SHA-256 \(digest) differs from the manifest's \(readAlong.sha256)")
    }
    guard let audio = manifest.readAlongAudio else {
      return problems + ["\(path): the manifest lists no MP3 files for the read-along book to play"]
    }
    guard let book = EpubSource(path: path) else { return problems + ["\(path): not an EPUB 3 this version reads"] }
    let names = ReadAlongBook.audioNames(audio, in: "")
    let expected = ReadAlongTimeline(manifest, granularity: readAlong.granularity, audio: audio, names: names)
      .chapters.flatMap { $0 }
    do {
      let found = try ReadAlongOverlays(book)
      problems += found.problems
      if found.pars.count != expected.count {
        problems.append("\(path): \(found.pars.count) clips, the manifest's timings make \(expected.count)")
      }
      for (par, piece) in zip(found.pars, expected) {
        guard par.begin == piece.begin, par.end == piece.end,
          (par.audio as NSString).lastPathComponent == piece.audio
        else {
          problems.append(
            "\(par.place): plays \(par.audio) from \(ReadAlongOverlay.clock(par.begin)) to "
              + "\(ReadAlongOverlay.clock(par.end)); the manifest says \(piece.audio) from "
              + "\(ReadAlongOverlay.clock(piece.begin)) to \(ReadAlongOverlay.clock(piece.end))")
          break
        }
      }
    } catch {
      problems.append(error.description)
    }
    return problems
  }
}

/// The overlays of an EPUB 3 as its files say: every `<par>` over the spine's documents, and
/// what is wrong with them on their own (an id no element has, audio not in the EPUB, a
/// duration that is not the sum of the clips).
struct ReadAlongOverlays {
  struct Par {
    var begin: Int
    var end: Int
    var audio: String
    /// `book.epub!path/overlay.smil:LINE`.
    var place: String
  }

  private(set) var pars: [Par] = []
  private(set) var problems: [String] = []

  init(_ book: EpubSource) throws(AudiobookError) {
    let archive = book.archive
    guard let package = try archive.xml(at: book.packagePath) else { return }
    let items = package.root.descendants.filter { $0.name == "item" }
    var durations: [String: String] = [:]
    for meta in package.root.descendants where meta.name == "meta" && meta.attributes["property"] == "media:duration" {
      durations[meta.attributes["refines"] ?? ""] = meta.text
    }
    var total = 0
    var ids: [String: Set<String>] = [:]
    let itemsByPath = Dictionary(
      items.compactMap { item in
        item.attributes["href"].map { (EpubArchive.resolve($0, from: book.packagePath).path, item) }
      },
      uniquingKeysWith: { first, _ in first })
    let itemsByID = Dictionary(
      items.compactMap { item in item.attributes["id"].map { ($0, item) } }, uniquingKeysWith: { a, _ in a })
    for document in book.documents {
      guard let overlayID = itemsByPath[document]?.attributes["media-overlay"] else { continue }
      guard let href = itemsByID[overlayID]?.attributes["href"] else {
        problems.append("\(archive.location(of: book.packagePath)): no item '\(overlayID)' for \(document)'s overlay")
        continue
      }
      let overlayPath = EpubArchive.resolve(href, from: book.packagePath).path
      guard let overlay = try archive.xml(at: overlayPath) else {
        problems.append("\(archive.location(of: overlayPath)): missing")
        continue
      }
      var duration = 0
      for par in overlay.root.descendants where par.name == "par" {
        let place = "\(archive.location(of: overlayPath)):\(par.line)"
        let text = EpubArchive.resolve(par.first("text")?.attributes["src"] ?? "", from: overlayPath)
        let sound = par.first("audio")
        let audio = EpubArchive.resolve(sound?.attributes["src"] ?? "", from: overlayPath).path
        guard let begin = Self.milliseconds(sound?.attributes["clipBegin"]),
          let end = Self.milliseconds(sound?.attributes["clipEnd"])
        else {
          problems.append("\(place): a clip without clipBegin and clipEnd times")
          continue
        }
        if ids[text.path] == nil {
          ids[text.path] = Set(
            (try archive.xml(at: text.path))?.root.descendants.compactMap { $0.attributes["id"] } ?? [])
        }
        if let fragment = text.fragment, ids[text.path]?.contains(fragment) != true {
          problems.append("\(place): the text '\(fragment.quoted(upTo: 80))' is no element of \(text.path)")
        }
        if !archive.contains(audio) { problems.append("\(place): the audio \(audio) is not in the EPUB") }
        duration += max(0, end - begin)
        pars.append(Par(begin: begin, end: end, audio: audio, place: place))
      }
      total += duration
      if durations["#\(overlayID)"] != ReadAlongOverlay.fullClock(duration) {
        problems.append(
          "\(archive.location(of: book.packagePath)): media:duration of #\(overlayID) is "
            + "\(durations["#\(overlayID)"] ?? "missing"), its clips add up to \(ReadAlongOverlay.fullClock(duration))")
      }
    }
    if durations[""] != ReadAlongOverlay.fullClock(total) {
      problems.append(
        "\(archive.location(of: book.packagePath)): media:duration is \(durations[""] ?? "missing"), "
          + "the overlays add up to \(ReadAlongOverlay.fullClock(total))")
    }
  }

  /// A SMIL clock value in milliseconds: `12.345s`, `1:02:03.456`, `02:03.456`.
  static func milliseconds(_ clock: String?) -> Int? {
    guard let clock else { return nil }
    if clock.hasSuffix("s"), !clock.hasSuffix("ms"), let seconds = Double(clock.dropLast()) {
      return Int((seconds * 1000).rounded())
    }
    let parts = clock.split(separator: ":").compactMap { Double($0) }
    guard (2...3).contains(parts.count), parts.count == clock.split(separator: ":").count else { return nil }
    let seconds = parts.reduce(0.0) { $0 * 60 + $1 }
    return Int((seconds * 1000).rounded())
  }
}
