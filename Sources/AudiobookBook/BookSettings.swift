/// Render settings kept with the book, in its front matter or in `BOOK.audiobook.yaml` beside
/// it: the voice, formats, layout, loudness, master, sample rate and subtitles, as written and
/// where. The command line reads them as it reads its flags, and its flags win.
public struct BookSettings: Sendable, Equatable {
  public struct Setting: Sendable, Equatable {
    /// As written; a list joined with `,`.
    public var value: String
    public var file: String
    public var line: Int

    /// `book.audiobook.yaml:3`.
    public var origin: String { "\(file):\(line)" }
  }

  /// The settings a book may keep, by the names of their flags.
  public static let keys = [
    "voice", "format", "layout", "loudness", "master", "sample-rate", "subtitles", "read-along",
  ]

  public var values: [String: Setting] = [:]

  public init() {}

  public subscript(key: String) -> Setting? { values[key] }

  /// These settings with `other`'s laid over them.
  func merging(_ other: BookSettings) -> BookSettings {
    var merged = self
    merged.values.merge(other.values) { _, later in later }
    return merged
  }
}
