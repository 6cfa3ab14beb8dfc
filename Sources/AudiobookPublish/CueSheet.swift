import AudiobookCore

/// A cue sheet for chapter files: one FILE with one TRACK per chapter, times exact because
/// every chapter file is a whole number of cue frames long.
public enum CueSheet {
  public struct Track: Sendable, Equatable {
    public var file: String
    public var title: String
    /// `INDEX 01` in the file, `MM:SS:FF`.
    public var start: String

    public init(file: String, title: String, start: String = "00:00:00") {
      self.file = file
      self.title = title
      self.start = start
    }
  }

  /// The most tracks a sheet holds: strict readers (libcue, cuetools) stop at 99, the Red Book limit.
  public static let maximumTracks = 99

  /// The sheet's text: UTF-8, no byte-order mark, standard commands only (mpv rejects a
  /// sheet over one it does not know). A FILE line is written where the file changes, so
  /// tracks in one file make the single-FILE form players show as one book with chapters.
  ///
  /// - Parameter remarks: `REM` lines first, such as `DATE 1813` (comments to strict readers).
  public static func text(
    title: String, performer: String, tracks: [Track], fileType: String = "WAVE", remarks: [String] = []
  ) -> String {
    var lines = remarks.map { "REM \($0)" } + ["TITLE \(quoted(title))", "PERFORMER \(quoted(performer))"]
    var file: String?
    for (index, track) in tracks.enumerated() {
      let number = index + 1 < 10 ? "0\(index + 1)" : "\(index + 1)"
      if track.file != file { lines.append("FILE \(quoted(track.file)) \(fileType)") }
      file = track.file
      lines += [
        "  TRACK \(number) AUDIO",
        "    TITLE \(quoted(track.title))",
        "    PERFORMER \(quoted(performer))",
        "    INDEX 01 \(track.start)",
      ]
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The chapter files' sheet for a rendered book: its chapter files in order, performer the
  /// author; the publication year, language and publisher as `REM` lines when the book gives them.
  public static func text(for manifest: Manifest) -> String {
    text(
      title: manifest.title, performer: manifest.author ?? "Unknown author",
      tracks: manifest.chapters.map { Track(file: $0.file, title: $0.title) }, remarks: remarks(for: manifest))
  }

  /// The publication year, language and publisher, as `REM` lines, when the book gives them.
  static func remarks(for manifest: Manifest) -> [String] {
    var remarks: [String] = []
    if let date = manifest.date, date.count >= 4, date.prefix(4).allSatisfy(\.isASCII), Int(date.prefix(4)) != nil {
      remarks.append("DATE \(date.prefix(4))")
    }
    if let language = manifest.language, !language.isEmpty, !language.contains(where: \.isWhitespace) {
      remarks.append("LANGUAGE \(language)")
    }
    if let publisher = manifest.publisher { remarks.append("PUBLISHER \(quoted(publisher))") }
    return remarks
  }

  /// Every sheet a rendered book has, name and text, at most 99 tracks each.
  ///
  /// `<slug>.cue` describes the chapter files; when there is a whole-book file, it describes
  /// that (one FILE, a TRACK per chapter) and the chapter files' sheet, if any, is
  /// `<slug>.chapters.cue`. A book of more than 99 chapters gets a sheet per volume of 99:
  /// `<slug>.cue` for chapters 1–99, `<slug>.vol2.cue` for 100–198, and so on; a volume's
  /// tracks are numbered from 01 and point into the same files.
  public static func sheets(for manifest: Manifest, slug: String) -> [(name: String, text: String)] {
    let performer = manifest.author ?? "Unknown author"
    let fileType = manifest.publishing?.format.cueFileType ?? "WAVE"
    var sheets: [(name: String, text: String)] = []
    func add(_ base: String, _ tracks: [Track]) {
      let volumes = stride(from: 0, to: tracks.count, by: maximumTracks).map {
        Array(tracks[$0..<min(tracks.count, $0 + maximumTracks)])
      }
      for (index, volume) in volumes.enumerated() {
        let title = volumes.count == 1 ? manifest.title : "\(manifest.title), volume \(index + 1) of \(volumes.count)"
        let name = index == 0 ? "\(base).cue" : "\(base).vol\(index + 1).cue"
        sheets.append(
          (
            name,
            text(
              title: title, performer: performer, tracks: volume, fileType: fileType, remarks: remarks(for: manifest))
          ))
      }
    }
    if let book = manifest.book {
      add(
        slug,
        zip(manifest.chapters, book.chapterStarts).map { chapter, start in
          Track(file: book.file, title: chapter.title, start: time(frames: start, sampleRate: manifest.sampleRate))
        })
    }
    let chapterFiles = manifest.chapters.filter { $0.startFrame == nil }
    if !chapterFiles.isEmpty {
      add(manifest.book == nil ? slug : "\(slug).chapters", chapterFiles.map { Track(file: $0.file, title: $0.title) })
    }
    return sheets
  }

  /// `MM:SS:FF` at 75 frames per second; minutes may exceed 99.
  public static func time(frames: Int, sampleRate: Int) -> String {
    let cueFrames = frames * 75 / sampleRate
    let minutes = cueFrames / (75 * 60)
    let seconds = cueFrames / 75 % 60
    let rest = cueFrames % 75
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(two(minutes)):\(two(seconds)):\(two(rest))"
  }

  /// A quoted field. There is no escape for `"` inside one, so it becomes `'`; line breaks
  /// and other control characters become spaces.
  static func quoted(_ text: String) -> String {
    let cleaned = text.map { character -> String in
      if character == "\"" { return "'" }
      if character.isNewline || character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) {
        return " "
      }
      return String(character)
    }.joined()
    return "\"\(cleaned)\""
  }
}
