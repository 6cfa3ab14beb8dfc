import AudiobookCore
import Yams

/// A Markdown manuscript's YAML front matter, between `---` lines at the very top: the book's
/// metadata (`title`, `subtitle`, `author`, `narrator`, `series`, `series-position`, `date`,
/// `publisher`, `description`, `language`, `genre`, `isbn`, `cover`) and how to read it
/// (`voice`, `lexicon`, `chapter-level`). A key it does not know is a warning naming its line.
struct FrontMatter {
  var metadata = BookMetadata()
  var voice: String?
  /// `chapter-level`: the heading level that starts a chapter (1 to 6).
  var chapterLevel: Int?
  /// `lexicon`: a lexicon file, relative to the manuscript's folder.
  var lexicon: String?
  /// `cover`: an image file, relative to the manuscript's folder.
  var cover: String?
  var warnings: [String] = []

  /// The keys the front matter takes; `authors`, `narrators`, `year` and `identifier` are
  /// other names for `author`, `narrator`, `date` and `isbn`.
  static let keys: Set<String> = [
    "title", "subtitle", "author", "authors", "narrator", "narrators", "series", "series-position", "date", "year",
    "publisher", "description", "language", "genre", "isbn", "identifier", "cover", "voice", "lexicon",
    "chapter-level",
  ]

  /// The longest path `lexicon:` or `cover:` may give (Linux's `PATH_MAX`).
  static let longestPath = 4_096

  /// Reads the front matter, if the manuscript has one, and returns it with the index of the
  /// first line after it.
  static func read(_ manuscript: ManuscriptReader.Manuscript) throws(AudiobookError) -> (FrontMatter, Int) {
    let lines = manuscript.lines
    guard lines.first?.trimmingSpaces == "---",
      let end = lines.dropFirst().firstIndex(where: { ["---", "..."].contains($0.trimmingSpaces) })
    else { return (FrontMatter(), 0) }
    let yaml = lines[1..<end].joined(separator: "\n")
    try YamlShape.check(yaml, file: manuscript.file, firstLine: 2, what: "the front matter")
    let node: Node?
    do {
      node = try Yams.compose(yaml: yaml)
    } catch let error as YamlError {
      // The front matter's first line is the file's second.
      throw AudiobookError(
        .badInput, "the front matter is not valid YAML: \(error.problemText)", file: manuscript.file,
        line: error.line.map { $0 + 1 } ?? 2)
    } catch {
      throw AudiobookError(.badInput, "the front matter is not valid YAML", file: manuscript.file, line: 2)
    }
    var front = FrontMatter()
    guard let mapping = node?.mapping else { return (front, end + 1) }
    for (keyNode, value) in mapping {
      let key = keyNode.string ?? ""
      // The front matter's first line is the file's second; Yams counts from 1.
      let line = (keyNode.mark?.line ?? 1) + 1
      try front.take(key, value, line: line, file: manuscript.file)
    }
    return (front, end + 1)
  }

  private mutating func take(_ key: String, _ value: Node, line: Int, file: String) throws(AudiobookError) {
    func text() throws(AudiobookError) -> String {
      guard let text = value.scalar?.string else {
        throw AudiobookError(.badInput, "\(key) must be text, not a list or mapping", file: file, line: line)
      }
      return text
    }
    func names() throws(AudiobookError) -> String? {
      if let list = value.sequence {
        var names: [String] = []
        for item in list {
          guard let name = item.scalar?.string else {
            throw AudiobookError(.badInput, "\(key) must be a name or a list of names", file: file, line: line)
          }
          names.append(name)
        }
        return BookMetadata.names(names)
      }
      return BookMetadata.names([try text()])
    }
    switch key {
    case "title": metadata.title = try text()
    case "subtitle": metadata.subtitle = try text()
    case "author", "authors": metadata.author = try names()
    case "narrator", "narrators": metadata.narrator = try names()
    case "series": metadata.series = try text()
    case "series-position": metadata.seriesPosition = try text()
    case "date", "year": metadata.date = try text()
    case "publisher": metadata.publisher = try text()
    case "description": metadata.summary = try text()
    case "language": metadata.language = try text()
    case "genre": metadata.genre = try names()
    case "isbn", "identifier": metadata.identifier = try text()
    case "voice": voice = try text()
    case "lexicon": lexicon = try Self.relativePath(try text(), key: key, file: file, line: line)
    case "cover": cover = try Self.relativePath(try text(), key: key, file: file, line: line)
    case "chapter-level":
      guard let level = value.int, (1...6).contains(level) else {
        throw AudiobookError(.badInput, "chapter-level must be a heading level from 1 to 6", file: file, line: line)
      }
      chapterLevel = level
    default:
      warnings.append(
        "\(file):\(line): warning: the front matter key '\(key.quotedForMessage)' is not one audiobook reads; "
          + "it takes " + Self.keys.sorted().joined(separator: ", "))
    }
  }

  /// A file named by the front matter: a manuscript from elsewhere must not make the tool read
  /// (and quote in its errors) any file on the machine, so it lies beside the manuscript or below.
  private static func relativePath(_ path: String, key: String, file: String, line: Int) throws(AudiobookError)
    -> String
  {
    guard path.utf8.count <= longestPath, !path.isEmpty, !path.unicodeScalars.contains(where: { $0.value < 0x20 })
    else {
      throw AudiobookError(.badInput, "\(key) '\(path.quotedForMessage)' is not a file name", file: file, line: line)
    }
    guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
      throw AudiobookError(
        .badInput,
        "\(key) '\(path.quotedForMessage)' must be a file in the manuscript's folder or below it "
          + "(no leading '/', no '..'); give others with --\(key)", file: file, line: line)
    }
    return path
  }
}
