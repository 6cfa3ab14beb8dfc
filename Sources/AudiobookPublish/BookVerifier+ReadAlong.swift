import AudiobookBook
import AudiobookCore
import Foundation

extension BookVerifier {
  /// The read-along EPUB: present with the manifest's SHA-256, and its overlays what the
  /// manifest's timings make: for every chapter each `<par>` in order, pointing at an id its
  /// XHTML has and at the chapter's audio (which the EPUB holds) from the sentence's (or
  /// word's) first millisecond to its last; each overlay's `media:duration` the sum of its
  /// clips, and the book's the sum of those.
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
    let expected = ReadAlongBook(manifest, granularity: readAlong.granularity, audio: audio)
    do {
      let archive = try EpubArchive(path: path)
      problems += try durationProblems(expected, archive)
      for (chapter, audio) in zip(expected.chapters, expected.audio) {
        problems += try overlayProblems(chapter, audio: audio.name, archive)
      }
    } catch {
      problems.append(error.description)
    }
    return problems
  }

  /// Each overlay's `media:duration` and the book's, against the clips they should add up to.
  private static func durationProblems(_ expected: ReadAlongBook, _ archive: EpubArchive) throws(AudiobookError)
    -> [String]
  {
    guard let package = try archive.xml(at: "EPUB/package.opf") else {
      return ["\(archive.location(of: "EPUB/package.opf")): missing"]
    }
    var durations: [String: String] = [:]
    for meta in package.root.descendants where meta.name == "meta" && meta.attributes["property"] == "media:duration" {
      durations[meta.attributes["refines"] ?? ""] = meta.text
    }
    var problems: [String] = []
    let wanted =
      expected.chapters.map { ("#\(expected.overlayID($0))", $0.duration) } + [("", expected.duration)]
    for (refines, milliseconds) in wanted where durations[refines] != ReadAlongChapter.fullClock(milliseconds) {
      problems.append(
        "\(archive.location(of: "EPUB/package.opf")): media:duration\(refines.isEmpty ? "" : " of \(refines)") is "
          + "\(durations[refines] ?? "missing"), the clips add up to \(ReadAlongChapter.fullClock(milliseconds))")
    }
    return problems
  }

  /// One chapter's overlay against the clips the manifest's timings make.
  private static func overlayProblems(_ chapter: ReadAlongChapter, audio: String, _ archive: EpubArchive)
    throws(AudiobookError) -> [String]
  {
    let overlayPath = "EPUB/\(ReadAlongChapter.overlayName(chapter.number))"
    let textPath = "EPUB/\(ReadAlongChapter.textName(chapter.number))"
    let place = archive.location(of: overlayPath)
    guard let overlay = try archive.xml(at: overlayPath) else { return ["\(place): missing"] }
    guard let text = try archive.xml(at: textPath) else { return ["\(archive.location(of: textPath)): missing"] }
    guard archive.contains("EPUB/\(audio)") else { return ["\(archive.location(of: "EPUB/\(audio)")): missing"] }
    let ids = Set(text.root.descendants.compactMap { $0.attributes["id"] })
    let pars = overlay.root.descendants.filter { $0.name == "par" }
    if pars.count != chapter.clips.count {
      return ["\(place): \(pars.count) clips, the manifest's timings make \(chapter.clips.count)"]
    }
    let textSource = "../\(ReadAlongChapter.textName(chapter.number))#"
    for (par, clip) in zip(pars, chapter.clips) {
      let source = par.first("text")?.attributes["src"] ?? ""
      let sound = par.first("audio")
      let found = (
        source, sound?.attributes["src"], sound?.attributes["clipBegin"], sound?.attributes["clipEnd"]
      )
      let line = "\(place):\(par.line)"
      guard source.hasPrefix(textSource), ids.contains(String(source.dropFirst(textSource.count))) else {
        return ["\(line): the text \(source.quoted(upTo: 80)) is no element of the chapter's XHTML"]
      }
      guard
        found == (
          textSource + clip.id, "../\(audio)", ReadAlongChapter.clock(clip.begin), ReadAlongChapter.clock(clip.end)
        )
      else {
        return [
          "\(line): \(source.quoted(upTo: 80)) plays \(found.2 ?? "?") to \(found.3 ?? "?"); the manifest says "
            + "\(clip.id) from \(ReadAlongChapter.clock(clip.begin)) to \(ReadAlongChapter.clock(clip.end))"
        ]
      }
    }
    return []
  }
}
