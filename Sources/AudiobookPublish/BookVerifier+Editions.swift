import AudiobookAudio
import AudiobookCore
import Foundation

extension BookVerifier {
  /// Another edition's files: each present, with the frames and rate the manifest records
  /// (libsndfile reads every format but M4B) and the same SHA-256.
  static func editionProblems(_ edition: Manifest.Edition, in folder: String) -> [String] {
    let files =
      edition.chapters.map { ($0.file, $0.frames, $0.sha256) }
      + (edition.book.map { [($0.file, $0.frames, $0.sha256)] } ?? [])
    var problems: [String] = []
    for (name, frames, sha256) in files {
      let path = (folder as NSString).appendingPathComponent(name)
      if let missing = notAPlainFile(path) {
        problems.append("\(path): \(missing)")
        continue
      }
      if edition.format != .m4b {
        do {
          let reader = try SoundFileReader(path: path)
          if reader.frames != frames {
            problems.append("\(path): \(reader.frames) frames, the manifest says \(frames)")
          }
          if reader.sampleRate != edition.sampleRate {
            problems.append("\(path): \(reader.sampleRate) Hz, the manifest says \(edition.sampleRate)")
          }
        } catch {
          problems.append("\(path): not readable audio: \(error.message)")
          continue
        }
      }
      if let digest = try? FileDigest.sha256(of: path), digest != sha256 {
        problems.append("\(path): SHA-256 \(digest) differs from the manifest's \(sha256)")
      }
    }
    return problems
  }

  /// The cover and the library's text files: present, the cover with its SHA-256, `desc.txt`
  /// and `reader.txt` holding the manifest's description and narrator.
  static func besideProblems(_ manifest: Manifest, in folder: String) -> [String] {
    var problems: [String] = []
    for name in manifest.besideFiles {
      let path = (folder as NSString).appendingPathComponent(name)
      if let missing = notAPlainFile(path) {
        problems.append("\(path): \(missing)")
        continue
      }
      let expected: String? =
        switch name {
        case "desc.txt": manifest.description.map { $0 + "\n" }
        case "reader.txt": manifest.narrator.map { $0 + "\n" }
        default: nil
        }
      // Read only when it is the right size: a folder from elsewhere may hold a huge file.
      if let expected,
        FileKind.size(of: path) != expected.utf8.count
          || FileManager.default.contents(atPath: path) != Data(expected.utf8)
      {
        problems.append("\(path): differs from the manifest's \(name == "desc.txt" ? "description" : "narrator")")
      }
      if name == manifest.cover, let sha256 = manifest.coverSHA256, let digest = try? FileDigest.sha256(of: path),
        digest != sha256
      {
        problems.append("\(path): SHA-256 \(digest) differs from the manifest's \(sha256)")
      }
    }
    return problems
  }
}
