import AudiobookCore

/// What one source says about a book (front matter, an EPUB's package document, a Gutenberg
/// header, flags), every field optional. Sources are applied in order, each field a later
/// source gives replacing the earlier one: flags last, so flags win.
public struct BookMetadata: Sendable, Equatable {
  public var title: String?
  public var subtitle: String?
  /// Names joined with ", ".
  public var author: String?
  /// Names joined with ", ".
  public var narrator: String?
  public var series: String?
  public var seriesPosition: String?
  public var date: String?
  public var publisher: String?
  public var summary: String?
  /// A BCP 47 tag (`en`, `fr-CA`).
  public var language: String?
  public var genre: String?
  public var identifier: String?
  public var cover: CoverImage?

  public init() {}

  /// Where each field came from, by key: `book.md:4`, `book.audiobook.yaml:2`, `--narrator`.
  public var origins: [String: String] = [:]

  /// The text fields by their front-matter names, in the order books list them.
  static var textFields: [(key: String, field: WritableKeyPath<BookMetadata, String?>)] {
    [
      ("title", \.title), ("subtitle", \.subtitle), ("author", \.author), ("narrator", \.narrator),
      ("series", \.series), ("series-position", \.seriesPosition), ("date", \.date), ("publisher", \.publisher),
      ("description", \.summary), ("language", \.language), ("genre", \.genre), ("identifier", \.identifier),
    ]
  }

  /// Every field's key, in the order books list them.
  public static var keys: [String] { textFields.map(\.key) + ["cover"] }

  /// The fields given, in the order books list them, keyed by their front-matter names (the
  /// cover as its type and size), for `plan`.
  public var listed: [(key: String, value: String)] {
    let texts = Self.textFields.compactMap { key, field in self[keyPath: field].map { (key: key, value: $0) } }
    let described = cover.map { "\($0.kind.rawValue.uppercased()) \($0.width)×\($0.height), \($0.bytes.count) bytes" }
    return texts + (described.map { [(key: "cover", value: $0)] } ?? [])
  }

  /// Names given as one string or a list, joined with ", ", each cleaned as metadata is.
  package static func names(_ values: [String]) -> String? {
    BookBuilder.metadata(values.compactMap(BookBuilder.metadata).joined(separator: ", "))
  }
}

extension Book {
  /// The book's metadata as one source would give it, with where each field came from.
  public var metadata: BookMetadata {
    var metadata = BookMetadata()
    metadata.title = title
    metadata.subtitle = subtitle
    metadata.author = author
    metadata.narrator = narrator
    metadata.series = series
    metadata.seriesPosition = seriesPosition
    metadata.date = date
    metadata.publisher = publisher
    metadata.summary = summary
    metadata.language = language
    metadata.genre = genre
    metadata.identifier = identifier
    metadata.cover = cover
    metadata.origins = origins
    return metadata
  }

  /// Takes every field `metadata` gives, cleaned of control characters and runs of spaces
  /// (the description keeps its paragraph breaks), and where it came from.
  public mutating func apply(_ metadata: BookMetadata) {
    var merged = self.metadata
    for (key, field) in BookMetadata.textFields {
      let given = metadata[keyPath: field]
      guard let cleaned = key == "description" ? Self.paragraphs(given) : BookBuilder.metadata(given) else { continue }
      merged[keyPath: field] = cleaned
      merged.origins[key] = metadata.origins[key]
    }
    if let cover = metadata.cover {
      merged.cover = cover
      merged.origins["cover"] = metadata.origins["cover"]
    }
    title = merged.title ?? title
    subtitle = merged.subtitle
    author = merged.author
    narrator = merged.narrator
    series = merged.series
    seriesPosition = merged.seriesPosition
    date = merged.date
    publisher = merged.publisher
    summary = merged.summary
    language = merged.language
    genre = merged.genre
    identifier = merged.identifier
    cover = merged.cover
    origins = merged.origins
  }

  /// A description's paragraphs, each cleaned as metadata is, joined by a blank line.
  private static func paragraphs(_ text: String?) -> String? {
    guard let text else { return nil }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { BookBuilder.metadata(String($0)) }
    var paragraphs: [String] = []
    var current: [String] = []
    for line in lines + [nil] {
      if let line {
        current.append(line)
      } else if !current.isEmpty {
        paragraphs.append(current.joined(separator: " "))
        current = []
      }
    }
    return paragraphs.isEmpty ? nil : paragraphs.joined(separator: "\n\n")
  }
}
