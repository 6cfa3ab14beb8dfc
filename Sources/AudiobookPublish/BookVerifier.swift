import Foundation
import AudiobookCore
import AudiobookAudio

/// Checks a rendered book folder against its manifest: every file present and exactly as
/// recorded (frames, sample rate, SHA-256), the cue sheet as the manifest implies, nothing extra.
public enum BookVerifier {
  /// One line per problem, each naming the file at fault; empty when the folder is intact.
  ///
  /// Names and values come from the folder and its manifest, so each line is printable
  /// (control characters removed) and at most 400 characters long.
  public static func problems(in folder: String) -> [String] {
    unsanitizedProblems(in: folder).map { $0.quoted(upTo: 400) }
  }

  private static func unsanitizedProblems(in folder: String) -> [String] {
    let manifestPath = (folder as NSString).appendingPathComponent("manifest.json")
    if let missing = notAPlainFile(manifestPath) {
      return ["\(manifestPath): \(missing), so there is nothing to verify against"]
    }
    let manifest: Manifest
    do {
      manifest = try Manifest.decode(from: manifestPath)
    } catch {
      return [error.description]
    }
    // A manifest that names files outside the folder, or impossible frames, is not acted on.
    let impossible = manifest.problems()
    guard impossible.isEmpty else { return impossible.map { "\(manifestPath): \($0)" } }
    var problems: [String] = []
    for chapter in manifest.chapters where chapter.startFrame == nil {
      problems += self.problems(with: chapter, sampleRate: manifest.sampleRate, in: folder)
    }
    if let book = manifest.book { problems += bookProblems(book, manifest, in: folder) }
    for edition in manifest.editions ?? [] { problems += editionProblems(edition, in: folder) }
    // The cue sheet is named after the folder; `.` or `../book` name it only once resolved.
    let slug = URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent
    let sheets = CueSheet.sheets(for: manifest, slug: slug)
    for sheet in sheets {
      problems += cueProblems(sheet.text, at: (folder as NSString).appendingPathComponent(sheet.name))
    }
    problems += subtitleProblems(manifest, in: folder)
    problems += besideProblems(manifest, in: folder)
    problems += readAlongProblems(manifest, in: folder)
    let expected = Set(manifest.publishedFiles + sheets.map(\.name) + ["manifest.json"])
    let present = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    for extra in present.sorted() where !expected.contains(extra) {
      problems.append("\((folder as NSString).appendingPathComponent(extra)): not part of the rendered book")
    }
    return problems
  }

  private static func problems(with chapter: Manifest.Chapter, sampleRate: Int, in folder: String) -> [String] {
    let path = (folder as NSString).appendingPathComponent(chapter.file)
    if let missing = notAPlainFile(path) { return ["\(path): \(missing)"] }
    let reader: SoundFileReader
    do {
      reader = try SoundFileReader(path: path)
    } catch {
      return ["\(path): not readable audio: \(error.message)"]
    }
    var problems: [String] = []
    if reader.frames != chapter.frames {
      problems.append("\(path): \(reader.frames) frames, the manifest says \(chapter.frames)")
    }
    if reader.sampleRate != sampleRate {
      problems.append("\(path): \(reader.sampleRate) Hz, the manifest says \(sampleRate)")
    }
    let last = chapter.paragraphs.last?.sentences.last.map { $0.startFrame + $0.frames } ?? 0
    if last > chapter.frames {
      problems.append("\(path): the manifest places speech past the end of the file")
    }
    if let digest = try? FileDigest.sha256(of: path), digest != chapter.sha256 {
      problems.append("\(path): SHA-256 \(digest) differs from the manifest's \(chapter.sha256)")
    }
    return problems
  }

  /// The whole-book file: its frames, rate and SHA-256, and every chapter inside it.
  private static func bookProblems(_ book: Manifest.BookFile, _ manifest: Manifest, in folder: String) -> [String] {
    let path = (folder as NSString).appendingPathComponent(book.file)
    if let missing = notAPlainFile(path) { return ["\(path): \(missing)"] }
    var problems: [String] = []
    // libsndfile reads every format but M4B, whose SHA-256 alone is checked.
    if manifest.publishing?.format != .m4b {
      do {
        let reader = try SoundFileReader(path: path)
        if reader.frames != book.frames {
          problems.append("\(path): \(reader.frames) frames, the manifest says \(book.frames)")
        }
        if reader.sampleRate != manifest.sampleRate {
          problems.append("\(path): \(reader.sampleRate) Hz, the manifest says \(manifest.sampleRate)")
        }
      } catch {
        return ["\(path): not readable audio: \(error.message)"]
      }
    }
    for chapter in manifest.chapters {
      if let start = chapter.startFrame, start + chapter.frames > book.frames {
        problems.append("\(path): chapter \(chapter.number) runs past the end of the file")
      }
    }
    if let digest = try? FileDigest.sha256(of: path), digest != book.sha256 {
      problems.append("\(path): SHA-256 \(digest) differs from the manifest's \(book.sha256)")
    }
    return problems
  }

  /// Subtitle files must be exactly the ones the manifest's timings give.
  private static func subtitleProblems(_ manifest: Manifest, in folder: String) -> [String] {
    let formats = manifest.subtitles ?? []
    var problems: [String] = []
    for chapter in manifest.chapters {
      for format in formats where format != .words {
        let path = (folder as NSString).appendingPathComponent(Subtitles.fileName(for: chapter.file, format: format))
        let expected =
          format == .vtt
          ? Subtitles.webVTT(chapter, sampleRate: manifest.sampleRate, words: formats.contains(.words))
          : Subtitles.srt(chapter, sampleRate: manifest.sampleRate)
        if let missing = notAPlainFile(path) {
          problems.append("\(path): \(missing)")
          continue
        }
        guard let data = FileManager.default.contents(atPath: path) else {
          problems.append("\(path): cannot be read")
          continue
        }
        if data != Data(expected.utf8) { problems.append("\(path): differs from the manifest's timings") }
      }
    }
    return problems
  }

  /// The cue sheet must be exactly the one the manifest implies: same files, titles and times.
  private static func cueProblems(_ text: String, at path: String) -> [String] {
    if let missing = notAPlainFile(path) { return ["\(path): \(missing)"] }
    // A cue sheet is a few KB; one of megabytes is not one the manifest implies.
    guard FileKind.size(of: path) ?? 0 <= 1 << 20 else { return ["\(path): larger than any cue sheet (1 MiB)"] }
    guard let data = FileManager.default.contents(atPath: path) else { return ["\(path): cannot be read"] }
    let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
    let actual = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    for (index, line) in expected.enumerated() where index >= actual.count || actual[index] != line {
      let found = index < actual.count ? "'\(String(actual[index]).quoted(upTo: 80))'" : "the end of the file"
      return ["\(path):\(index + 1): expected '\(String(line).quoted(upTo: 80))' from the manifest, found \(found)"]
    }
    if actual.count > expected.count {
      return ["\(path):\(expected.count + 1): lines the manifest does not account for"]
    }
    return []
  }

  /// Why `path` is not a file `verify` may open: missing, or not a plain file (a FIFO would
  /// block the read, a symbolic link may point out of the folder); nil for a plain file.
  static func notAPlainFile(_ path: String) -> String? {
    switch FileKind(path: path, followingLinks: false) {
    case .regular: nil
    case .missing: "missing"
    case let kind: "\(kind.described), not a plain file, so it was not opened"
    }
  }
}
