import AudiobookCore
import Foundation
import Yams

#if canImport(Glibc)
  import Glibc
#endif

/// A Markdown manuscript's YAML front matter, between `---` lines at the very top, or the
/// settings file beside any manuscript (`BOOK.audiobook.yaml`), which takes the same keys: the
/// book's metadata (`title`, `subtitle`, `author`, `narrator`, `series`, `series-position`,
/// `date`, `publisher`, `description`, `language`, `genre`, `isbn`, `cover`), how to read it
/// (`lexicon`, `chapter-level`, `cast`) and render it (`BookSettings.keys`: `voice`, `format`, `layout`,
/// `loudness`, `master`, `sample-rate`, `subtitles`). A key it does not know is a warning
/// naming its line.
struct FrontMatter {
  var metadata = BookMetadata()
  var settings = BookSettings()
  var voice: String?
  /// `cast`: who reads the quotations.
  var cast = Cast()
  /// `chapter-level`: the heading level that starts a chapter (1 to 6).
  var chapterLevel: Int?
  /// `lexicon`: a lexicon file, relative to the manuscript's folder, and the line naming it.
  var lexicon: (path: String, line: Int)?
  /// `cover`: an image file, relative to the manuscript's folder, and the line naming it.
  var cover: (path: String, line: Int)?
  /// The file the front matter or settings file is, for messages about the files it names.
  var file = ""
  var warnings: [String] = []
  private var unknownKeys = 0
  static let unknownKeysShown = 20

  /// The keys the front matter takes; `authors`, `narrators`, `year` and `identifier` are
  /// other names for `author`, `narrator`, `date` and `isbn`.
  static let keys = Set(
    [
      "title", "subtitle", "author", "authors", "narrator", "narrators", "series", "series-position", "date", "year",
      "publisher", "description", "language", "genre", "isbn", "identifier", "cover", "lexicon", "chapter-level",
      "cast",
    ] + BookSettings.keys)

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
    return (try parse(yaml, file: manuscript.file, firstLine: 2, what: "the front matter"), end + 1)
  }

  /// The most bytes a settings file may have.
  static let largestSettingsFile = 1 << 20

  /// Reads the settings file at `path` (`BOOK.audiobook.yaml`): a plain file of at most
  /// `largestSettingsFile` bytes of UTF-8 YAML. `chapter-level` is the front matter's alone.
  static func load(_ path: String) throws(AudiobookError) -> FrontMatter {
    let file = try RegularFile(opening: path)
    defer { file.close() }
    guard file.size <= largestSettingsFile else {
      throw AudiobookError(
        .badInput, "the settings file is larger than \(LimitedInput.describe(largestSettingsFile))", file: path)
    }
    guard let data = FileManager.default.contents(atPath: file.path),
      let text = String(data: data.prefix(largestSettingsFile), encoding: .utf8)
    else { throw AudiobookError(.badInput, "the settings file is not UTF-8 text", file: path) }
    var front = try parse(text, file: path, firstLine: 1, what: "the settings file")
    if front.chapterLevel != nil {
      front.warnings.append(
        "\(path): warning: chapter-level is read from a Markdown manuscript's front matter only; ignored here")
    }
    return front
  }

  /// Reads the YAML mapping `yaml`, whose first line is line `firstLine` of `file`.
  ///
  /// - Parameter what: names the text in messages (`the front matter`, `the settings file`).
  static func parse(_ yaml: String, file: String, firstLine: Int, what: String) throws(AudiobookError) -> FrontMatter {
    try YamlShape.check(yaml, file: file, firstLine: firstLine, what: what)
    let node: Node?
    do {
      node = try Yams.compose(yaml: yaml)
    } catch let error as YamlError {
      throw AudiobookError(
        .badInput, "\(what) is not valid YAML: \(error.problemText)", file: file,
        line: error.line.map { $0 + firstLine - 1 } ?? firstLine)
    } catch {
      throw AudiobookError(.badInput, "\(what) is not valid YAML", file: file, line: firstLine)
    }
    var front = FrontMatter()
    front.file = file
    guard let node else { return front }
    guard let mapping = node.mapping else {
      // A Markdown book may open with a thematic break that only looks like front matter.
      if firstLine > 1 { return front }
      throw AudiobookError(.badInput, "\(what) must be a mapping of keys to values", file: file, line: firstLine)
    }
    for (keyNode, value) in mapping {
      let key = keyNode.string ?? ""
      // Yams counts lines from 1.
      let line = (keyNode.mark?.line ?? 1) + firstLine - 1
      try front.take(key, value, line: line, file: file, what: what, firstLine: firstLine)
    }
    return front
  }

  private mutating func take(_ key: String, _ value: Node, line: Int, file: String, what: String, firstLine: Int)
    throws(AudiobookError)
  {
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
    func list() throws(AudiobookError) -> String {
      guard let items = value.sequence else { return try text() }
      var values: [String] = []
      for item in items {
        guard let value = item.scalar?.string else {
          throw AudiobookError(.badInput, "\(key) must be a value or a list of values", file: file, line: line)
        }
        values.append(value)
      }
      return values.joined(separator: ",")
    }
    let canonical = ["authors": "author", "narrators": "narrator", "year": "date", "isbn": "identifier"][key] ?? key
    if BookMetadata.keys.contains(canonical) { metadata.origins[canonical] = "\(file):\(line)" }
    if BookSettings.keys.contains(key) {
      settings.values[key] = BookSettings.Setting(value: try list(), file: file, line: line)
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
    case "cast": cast = try Cast.parse(value, file: file, firstLine: firstLine)
    case "lexicon": lexicon = (try Self.relativePath(try text(), key: key, file: file, line: line), line)
    case "cover": cover = (try Self.relativePath(try text(), key: key, file: file, line: line), line)
    case "format", "layout", "loudness", "master", "sample-rate", "subtitles", "read-along": break
    case "chapter-level":
      guard let level = value.int, (1...6).contains(level) else {
        throw AudiobookError(.badInput, "chapter-level must be a heading level from 1 to 6", file: file, line: line)
      }
      chapterLevel = level
    default:
      // The keys it takes are named once; past 20 unknown keys, one line says how many more.
      unknownKeys += 1
      if unknownKeys <= Self.unknownKeysShown {
        warnings.append(
          "\(file):\(line): warning: the key '\(key.quoted(upTo: 80))' in \(what) is not one audiobook reads"
            + (unknownKeys == 1 ? "; it takes " + Self.keys.sorted().joined(separator: ", ") : ""))
      } else if unknownKeys == Self.unknownKeysShown + 1 {
        warnings.append("\(file):\(line): warning: more keys in \(what) that audiobook does not read")
      }
    }
  }

  /// The cover the front matter names, read from `folder` (the manuscript's).
  func loadCover(in folder: String) throws(AudiobookError) -> CoverImage? {
    guard let cover else { return nil }
    return try CoverImage.load(try Self.inside(folder, cover.path, key: "cover", file: file, line: cover.line))
  }

  /// The lexicon the front matter names, in `folder` (the manuscript's), checked to lie inside it.
  func lexiconPath(in folder: String) throws(AudiobookError) -> String? {
    guard let lexicon else { return nil }
    return try Self.inside(folder, lexicon.path, key: "lexicon", file: file, line: lexicon.line)
  }

  /// `relative` in `folder`, once every symbolic link on the way is followed: a link inside the
  /// folder to elsewhere must not take the tool out of it either.
  ///
  /// - Throws: `.missingInput` when there is no such file; `.badInput` when it lies outside
  ///   the folder or is a folder; both naming the front matter's line.
  private static func inside(_ folder: String, _ relative: String, key: String, file: String, line: Int)
    throws(AudiobookError) -> String
  {
    let joined = ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(relative)
    guard let root = realPath(folder.isEmpty ? "." : folder), let target = realPath(joined) else {
      throw AudiobookError(
        .missingInput, "\(key) '\(relative.quotedForMessage)' is not there beside the manuscript", file: file,
        line: line)
    }
    guard target.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
      throw AudiobookError(
        .badInput,
        "\(key) '\(relative.quotedForMessage)' leads out of the manuscript's folder through a symbolic link; "
          + "give it with --\(key)", file: file, line: line)
    }
    guard FileKind(path: target, followingLinks: false) != .directory else {
      throw AudiobookError(
        .badInput, "\(key) '\(relative.quotedForMessage)' is a folder, not a file", file: file, line: line)
    }
    return joined
  }

  private static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
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
