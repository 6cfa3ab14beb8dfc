import ArgumentParser
import AudiobookKit

/// The book's metadata as flags (`render`, `plan`): each one given wins over what the
/// manuscript says (front matter, the EPUB's package document, a Gutenberg header).
struct MetadataOptions: ParsableArguments {
  @Option(help: ArgumentHelp("The book's title.", valueName: "text"))
  var title: String?

  // Not `--subtitle`: `--subtitles vtt` is one letter away.
  @Option(help: ArgumentHelp("The book's subtitle.", valueName: "text"))
  var bookSubtitle: String?

  @Option(help: ArgumentHelp("An author; repeat for several.", valueName: "name"))
  var author: [String] = []

  @Option(
    help: ArgumentHelp(
      "A narrator; repeat for several (default: the espeak-ng voice, named as synthesized).", valueName: "name"))
  var narrator: [String] = []

  @Option(help: ArgumentHelp("The series the book belongs to.", valueName: "name"))
  var series: String?

  @Option(help: ArgumentHelp("The book's place in its series, such as 2 or 2.5.", valueName: "n"))
  var seriesPosition: String?

  @Option(help: ArgumentHelp("The publication date or year (1813, 2024-03-01).", valueName: "date"))
  var date: String?

  @Option(help: ArgumentHelp("The publisher.", valueName: "name"))
  var publisher: String?

  @Option(help: ArgumentHelp("The book's description, for players and library servers.", valueName: "text"))
  var description: String?

  @Option(help: ArgumentHelp("The genre.", valueName: "name"))
  var genre: String?

  @Option(help: ArgumentHelp("The ISBN or another identifier.", valueName: "id"))
  var isbn: String?

  @Option(
    help: ArgumentHelp(
      "The cover image, JPEG or PNG: embedded in every file and written beside them as cover.jpg or cover.png.",
      valueName: "file"),
    completion: .file(extensions: ["jpg", "jpeg", "png"]))
  var cover: String?

  func validate() throws {
    if cover?.isEmpty == true { throw ValidationError("--cover takes an image file's name.") }
  }

  /// `book` with the fields these flags give; the cover is read now.
  ///
  /// - Throws: `.missingInput` or `.badInput` for a cover that cannot be read or is not an image.
  func applied(to book: Book) throws(AudiobookError) -> Book {
    var metadata = BookMetadata()
    metadata.title = title
    metadata.subtitle = bookSubtitle
    metadata.author = BookMetadata.names(author)
    metadata.narrator = BookMetadata.names(narrator)
    metadata.series = series
    metadata.seriesPosition = seriesPosition
    metadata.date = date
    metadata.publisher = publisher
    metadata.summary = description
    metadata.genre = genre
    metadata.identifier = isbn
    metadata.cover = try cover.map { path throws(AudiobookError) in try CoverImage.load(path) }
    let flags = [
      "title": "--title", "subtitle": "--book-subtitle", "author": "--author", "narrator": "--narrator",
      "series": "--series", "series-position": "--series-position", "date": "--date", "publisher": "--publisher",
      "description": "--description", "genre": "--genre", "identifier": "--isbn",
      "cover": "--cover",
    ]
    for key in BookMetadata.keys where metadata.listed.contains(where: { $0.key == key }) {
      metadata.origins[key] = flags[key]
    }
    var book = book
    book.apply(metadata)
    return book
  }
}
