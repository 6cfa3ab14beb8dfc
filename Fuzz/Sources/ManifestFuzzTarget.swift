import AudiobookKit
import Foundation

extension FuzzTarget {
  /// A rendered book's `manifest.json`, as `verify` reads it, in a folder that also holds
  /// one real chapter file (`01 Opening.wav`) for the manifest to name.
  static let manifest = FuzzTarget(name: "manifest") { input in
    let folder = ManifestFolder.path
    ScratchFolder.write(input, to: "book/manifest.json")
    _ = BookVerifier.problems(in: folder)
  }
}

/// The book folder the manifest target verifies: made once, with one chapter file.
enum ManifestFolder {
  /// The chapter file's frames: a tenth of a second at 22,050 Hz.
  static let chapterFrames = 2_205

  static let path: String = {
    let folder = (ScratchFolder.path as NSString).appendingPathComponent("book")
    let chapter = (folder as NSString).appendingPathComponent("01 Opening.wav")
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      let writer = try SoundFileWriter(path: chapter, sampleRate: 22_050)
      try writer.write((0..<chapterFrames).map { Int16(truncatingIfNeeded: ($0 % 50) * 200 - 5_000) })
      try writer.close()
    } catch {
      FileHandle.standardError.write(Data("error: cannot make the book folder \(folder): \(error)\n".utf8))
      exit(73)
    }
    return folder
  }()
}
