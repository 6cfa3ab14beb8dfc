import AudiobookBook
import AudiobookCore
import AudiobookPublish
import Foundation

extension RenderRun {
  /// Packs the render's MP3 files, its text and timings into the read-along EPUB
  /// (`<slug>.epub`), made afresh each render; unchanged bytes keep the previous file.
  func writeReadAlong(_ manifest: Manifest, _ granularity: ReadAlongBook.Granularity) throws(AudiobookError)
    -> Manifest.ReadAlong
  {
    let name = "\(slug).epub"
    let reported = (output.published as NSString).appendingPathComponent(name)
    guard let audio = manifest.readAlongAudio else {
      throw AudiobookError(.failure, "internal error: no MP3 files for the read-along book", file: reported)
    }
    // An EPUB manuscript's own files are carried over; another is written from the manifest.
    let manuscript =
      (book.sourceFile as NSString).pathExtension.lowercased() == "epub" ? EpubSource(path: book.sourceFile) : nil
    let readAlong = ReadAlongBook(
      manifest, granularity: granularity, audio: audio, manuscript: manuscript, warn: renderer.warn)
    try readAlong.write(to: output.path(name), reportedPath: reported, source: output.path)
    return Manifest.ReadAlong(
      file: name, sha256: try FileDigest.sha256(of: output.path(name)), granularity: granularity)
  }
}
