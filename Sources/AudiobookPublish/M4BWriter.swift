import Foundation
import AudiobookCore
import AudiobookAudio

/// Writes an M4B (AAC in MPEG-4, the audiobook form Apple Books and most players know) with
/// chapter markers and tags, through ffmpeg: the chapters and tags go in an FFMETADATA file
/// with `TIMEBASE=1/1000`.
public enum M4BWriter {
  package struct Chapter: Equatable {
    package var startFrame: Int
    package var title: String
  }

  /// AAC bit rate for mono speech: at 64 kbps the encoder adds almost 2 dB to the peaks.
  package static let bitRate = "96k"

  /// The `ffmpeg` executable on the `PATH`, or nil.
  package static var ffmpeg: String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/ffmpeg"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// Fails with exit 69 when ffmpeg is not installed, before anything is rendered.
  public static func requireFFmpeg() throws(AudiobookError) {
    guard ffmpeg != nil else {
      throw AudiobookError(
        .unavailable,
        "--format m4b needs ffmpeg, which is not installed; install it (sudo apt-get install ffmpeg) "
          + "or choose another --format")
    }
  }

  /// The FFMETADATA text: tags, then one `[CHAPTER]` per chapter, in milliseconds, each
  /// ending where the next starts (the last at `frames`).
  static func metadata(tags: AudioTags, chapters: [Chapter], frames: Int, sampleRate: Int) -> String {
    var lines = [";FFMETADATA1"]
    // ffmpeg writes these as iTunes atoms: ©nam, ©ART, aART, ©alb, ©wrt (the narrator, as
    // Audiobookshelf reads it), ©day, desc, ©cmt, ©gen, tvsh and tven (the series and its
    // position, Audiobookshelf's names), ©grp ("Series #2", as Apple groups it).
    let grouping = tags.series.map { series in tags.seriesPosition.map { "\(series) #\($0)" } ?? series }
    let fields: [(String, String?)] = [
      ("title", tags.title), ("artist", tags.artist), ("album_artist", tags.artist), ("album", tags.album),
      ("composer", tags.composer), ("date", tags.date), ("description", tags.description),
      ("comment", tags.comment), ("genre", tags.genre ?? "Audiobook"), ("show", tags.series),
      ("episode_id", tags.seriesPosition), ("grouping", grouping),
      // iTunes' media kind (`stik`) 2: an audiobook, shelved as one by Apple Books.
      ("media_type", "2"),
    ]
    for case (let key, let value?) in fields { lines.append("\(key)=\(escaped(value))") }
    func milliseconds(_ frame: Int) -> Int { (frame * 1000 + sampleRate / 2) / sampleRate }
    for (index, chapter) in chapters.enumerated() {
      let end = index + 1 < chapters.count ? chapters[index + 1].startFrame : frames
      lines += [
        "", "[CHAPTER]", "TIMEBASE=1/1000", "START=\(milliseconds(chapter.startFrame))", "END=\(milliseconds(end))",
        "title=\(escaped(chapter.title))",
      ]
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// FFMETADATA escapes `=`, `;`, `#`, `\` and line breaks with a backslash.
  static func escaped(_ text: String) -> String {
    var result = ""
    for character in text {
      if "=;#\\\n".contains(character) { result.append("\\") }
      result.append(character)
    }
    return result
  }

  /// Encodes `source` (16-bit PCM) into `temporary` as M4B.
  ///
  /// - Throws: `.unavailable` without ffmpeg; `.failure` with ffmpeg's last line when it fails.
  package static func write(
    from source: String, to temporary: String, reportedPath: String, sampleRate: Int, frames: Int, tags: AudioTags,
    chapters: [Chapter]
  ) throws(AudiobookError) {
    guard let ffmpeg else {
      try requireFFmpeg()
      return
    }
    let metadataPath = AtomicOutput.startScratch(beside: temporary + ".ffmetadata")
    defer { AtomicOutput.endScratch(metadataPath) }
    let text = metadata(tags: tags, chapters: chapters, frames: frames, sampleRate: sampleRate)
    try AtomicOutput.writeFile(Array(text.utf8), at: metadataPath, reportedPath: reportedPath)
    // The cover goes in as an attached picture, copied as it is: MP4's `covr` atom.
    let coverPath = tags.cover.map { AtomicOutput.startScratch(beside: temporary + ".cover." + $0.kind.fileExtension) }
    defer { if let coverPath { AtomicOutput.endScratch(coverPath) } }
    if let coverPath, let cover = tags.cover {
      try AtomicOutput.writeFile(cover.bytes, at: coverPath, reportedPath: reportedPath)
    }
    // `-pattern_type none`: a `%` in the path is a character, not a frame number.
    let coverInput = coverPath.map { ["-f", "image2", "-pattern_type", "none", "-i", $0] } ?? []
    let coverOutput = coverPath == nil ? [] : ["-map", "2:v", "-c:v", "copy", "-disposition:v:0", "attached_pic"]
    let process = Process()
    process.executableURL = URL(fileURLWithPath: ffmpeg)
    // bitexact: no encoder version or creation time in the file, so the same audio gives
    // the same bytes.
    process.arguments =
      [
        "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", source, "-f", "ffmetadata", "-i", metadataPath,
      ] + coverInput + [
        "-map", "0:a", "-map_metadata", "1", "-map_chapters", "1", "-c:a", "aac", "-b:a", bitRate, "-ac", "1",
      ] + coverOutput + [
        "-fflags", "+bitexact", "-flags:a", "+bitexact", "-movflags", "+faststart", "-brand", "M4B ", "-f", "ipod",
        temporary,
      ]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw AudiobookError(.unavailable, "cannot run ffmpeg: \(error)", file: reportedPath)
    }
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let last = String(decoding: message, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
      throw AudiobookError(.failure, "ffmpeg could not write the M4B: \(last)", file: reportedPath)
    }
  }
}
