import Foundation
import AudiobookCore
import AudiobookAudio

#if canImport(Glibc)
  import Glibc
#endif

/// The whole-book file in the making (`--layout book|both`): every chapter's published
/// samples, in order, gathered in a 16-bit scratch file, then encoded once the chapter starts
/// are known. A WAV book file carries a labelled cue marker at each chapter start, which
/// libsndfile writes before any audio, hence the scratch file.
///
/// The book's samples are exactly the chapter files' samples, so cutting it at the cue
/// sheet's times gives the chapter files back, sample for sample.
package final class BookAssembly {
  package let sampleRate: Int
  /// Where each chapter starts, in frames.
  package private(set) var chapterStarts: [Int] = []
  private let scratch: String
  private let reportedPath: String
  private var writer: SoundFileWriter?

  /// Starts a scratch file beside `path`, where the book file will be written; errors name
  /// `reportedPath`, its published name.
  package init(path: String, reportedPath: String, sampleRate: Int) throws(AudiobookError) {
    self.sampleRate = sampleRate
    self.reportedPath = reportedPath
    scratch = AtomicOutput.startScratch(beside: path + ".pcm")
    writer = try SoundFileWriter(path: scratch, sampleRate: sampleRate, encoding: .w64, reportedPath: reportedPath)
  }

  package var frames: Int { writer?.frames ?? 0 }

  /// The book file's name in its folder.
  package var fileName: String { (reportedPath as NSString).lastPathComponent }

  /// Marks the start of the next chapter.
  func beginChapter() { chapterStarts.append(frames) }

  package func append(_ samples: [Int16]) throws(AudiobookError) { try writer?.write(samples) }

  /// Encodes the book into `temporary` (published later as `reportedPath`) as `format`, with
  /// tags and its chapters: a marker per chapter in WAV, chapter comments in FLAC and Ogg, ID3v2
  /// chapter frames in MP3 (`EmbeddedTags`); ffmpeg writes M4B with its chapters.
  ///
  /// - Parameter note: told when the WAV is written as RF64.
  /// - Returns: the book's frames.
  package func finish(
    to temporary: String, format: AudioFormat, tags: AudioTags, chapterTitles: [String], note: (String) -> Void
  ) throws(AudiobookError) -> Int {
    guard let writer else { return 0 }
    try writer.close()
    self.writer = nil
    let total = writer.frames
    guard let encoding = format.encoding(sampleRate: sampleRate, frames: total) else {
      try M4BWriter.write(
        from: scratch, to: temporary, reportedPath: reportedPath, sampleRate: sampleRate, frames: total, tags: tags,
        chapters: zip(chapterStarts, chapterTitles).map { M4BWriter.Chapter(startFrame: $0, title: $1) })
      return total
    }
    if encoding == .rf64 {
      note(
        "\(reportedPath): note: written as RF64, since as a WAV it would pass 4 GiB; "
          + "RF64 carries no chapter markers (the cue sheet has them)")
    }
    let markers = zip(chapterStarts, chapterTitles).map { AudioMarker(frame: $0, label: $1) }
    let output = try SoundFileWriter(
      path: temporary, sampleRate: sampleRate, encoding: encoding, tags: tags, markers: markers,
      reportedPath: reportedPath)
    let input = try SoundFileReader(monoPath: scratch)
    while case let block = try input.readShorts(1 << 16), !block.isEmpty { try output.write(block) }
    try input.close()
    try output.close()
    let milliseconds = { (frames: Int) in (frames * 1000 + self.sampleRate / 2) / self.sampleRate }
    try EmbeddedTags.add(
      zip(chapterStarts, chapterTitles).map { EmbeddedTags.Mark(milliseconds: milliseconds($0), title: $1) },
      total: milliseconds(total), tags: tags, to: temporary, format: format, reportedPath: reportedPath)
    return total
  }

  deinit {
    writer = nil
    AtomicOutput.endScratch(scratch)
  }
}
