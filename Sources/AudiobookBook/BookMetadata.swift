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

  /// The fields given, keyed by their front-matter names (the cover as its type and size), for `plan`.
  public var listed: [String: String] {
    let fields: [String: String?] = [
      "title": title, "subtitle": subtitle, "author": author, "narrator": narrator, "series": series,
      "series-position": seriesPosition, "date": date, "publisher": publisher, "description": summary,
      "language": language, "genre": genre, "identifier": identifier,
      "cover": cover.map { "\($0.kind.rawValue.uppercased()) \($0.width)×\($0.height), \($0.bytes.count) bytes" },
    ]
    return fields.compactMapValues { $0 }
  }

  /// The entries of `fields` (keyed as `listed` keys them) in the order books list them.
  public static func order(_ fields: [String: String]) -> [(key: String, value: String)] {
    let keys = [
      "title", "subtitle", "author", "narrator", "series", "series-position", "date", "publisher", "description",
      "language", "genre", "identifier", "cover",
    ]
    return keys.compactMap { key in fields[key].map { (key, $0) } }
  }

  /// Names given as one string or a list, joined with ", ", each cleaned as metadata is.
  package static func names(_ values: [String]) -> String? {
    BookBuilder.metadata(values.compactMap(BookBuilder.metadata).joined(separator: ", "))
  }
}

extension Book {
  /// The book's metadata as one source would give it.
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
    return metadata
  }

  /// Takes every field `metadata` gives, cleaned of control characters and runs of spaces
  /// (the description keeps its paragraph breaks).
  public mutating func apply(_ metadata: BookMetadata) {
    func take(_ value: String?, into field: inout String?) {
      if let value = BookBuilder.metadata(value) { field = value }
    }
    if let title = BookBuilder.metadata(metadata.title) { self.title = title }
    take(metadata.subtitle, into: &subtitle)
    take(metadata.author, into: &author)
    take(metadata.narrator, into: &narrator)
    take(metadata.series, into: &series)
    take(metadata.seriesPosition, into: &seriesPosition)
    take(metadata.date, into: &date)
    take(metadata.publisher, into: &publisher)
    if let summary = Self.paragraphs(metadata.summary) { self.summary = summary }
    take(metadata.language, into: &language)
    take(metadata.genre, into: &genre)
    take(metadata.identifier, into: &identifier)
    if let cover = metadata.cover { self.cover = cover }
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
