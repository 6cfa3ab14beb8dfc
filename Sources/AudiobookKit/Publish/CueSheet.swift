/// A cue sheet for chapter files: one FILE with one TRACK per chapter, times exact because
/// every chapter file is a whole number of cue frames long.
public enum CueSheet {
  public struct Track: Sendable, Equatable {
    public var file: String
    public var title: String

    public init(file: String, title: String) {
      self.file = file
      self.title = title
    }
  }

  /// The sheet's text: UTF-8, no byte-order mark, standard commands only (mpv rejects a
  /// sheet over one it does not know).
  ///
  /// - Parameter remarks: `REM` lines first, such as `DATE 1813` (comments to strict readers).
  public static func text(title: String, performer: String, tracks: [Track], remarks: [String] = []) -> String {
    var lines = remarks.map { "REM \($0)" } + ["TITLE \(quoted(title))", "PERFORMER \(quoted(performer))"]
    for (index, track) in tracks.enumerated() {
      let number = index + 1 < 10 ? "0\(index + 1)" : "\(index + 1)"
      lines += [
        "FILE \(quoted(track.file)) WAVE",
        "  TRACK \(number) AUDIO",
        "    TITLE \(quoted(track.title))",
        "    PERFORMER \(quoted(performer))",
        "    INDEX 01 00:00:00",
      ]
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The sheet for a rendered book: its chapter files in order, performer the author; the
  /// publication year, language and publisher as `REM` lines when the book gives them.
  public static func text(for manifest: Manifest) -> String {
    var remarks: [String] = []
    if let date = manifest.date, date.count >= 4, date.prefix(4).allSatisfy(\.isASCII), Int(date.prefix(4)) != nil {
      remarks.append("DATE \(date.prefix(4))")
    }
    if let language = manifest.language, !language.isEmpty, !language.contains(where: \.isWhitespace) {
      remarks.append("LANGUAGE \(language)")
    }
    if let publisher = manifest.publisher { remarks.append("PUBLISHER \(quoted(publisher))") }
    return text(
      title: manifest.title, performer: manifest.author ?? "Unknown author",
      tracks: manifest.chapters.map { Track(file: $0.file, title: $0.title) }, remarks: remarks)
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
