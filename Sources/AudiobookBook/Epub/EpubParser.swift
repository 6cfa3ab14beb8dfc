import Foundation
import AudiobookCore

/// Reads an EPUB (2 or 3) into a `Book`, the way its author structured it.
///
/// The package document is found through `META-INF/container.xml`; its spine gives the
/// reading order (documents marked `linear="no"` are skipped). Chapters are the table of
/// contents' entries (EPUB 3 navigation document, else EPUB 2 NCX): an entry pointing into a
/// document by a fragment id starts a chapter there, and a document no entry points to
/// continues the chapter before it. Before the first entry, and without a table of contents,
/// every document is a chapter (see `EpubChapterCollector`).
/// Headings before a chapter's first paragraph are its title on the page: not read, and the
/// title when the table of contents gives none.
///
/// Lines: a paragraph's `sourceLine` counts through the linear spine documents in reading
/// order as if they were one file, each starting on a new line (front matter counted whether
/// read or not), so every line names one place and `say --line N` finds it. Problems inside a
/// document name it and its own line: `book.epub!OEBPS/ch1.xhtml:12`.
enum EpubParser {
  /// Reads the EPUB at `path`.
  ///
  /// - Parameter includeFrontMatter: read the cover, table of contents and copyright page.
  /// - Throws: `.missingInput` when there is no such file; `.badInput` when it is not a zip,
  ///   lacks `META-INF/container.xml` or its package document, a document is not well-formed,
  ///   the spine names a missing file, or the content is encrypted (DRM).
  package static func parse(_ path: String, includeFrontMatter: Bool = false) throws(AudiobookError) -> Book {
    let archive = try EpubArchive(path: path)
    let container = try EpubContainer(archive)
    let package = try openPackage(container, archive: archive, path: path)
    var warnings: [String] = []
    let spine = readingOrder(package, archive: archive, warnings: &warnings)
    for entry in spine where !archive.contains(entry.item.path) {
      throw AudiobookError(
        .badInput,
        "the spine lists '\(entry.item.path.quotedForMessage)' (item '\(entry.item.id.quotedForMessage)'), "
          + "which is not in the EPUB",
        file: archive.location(of: package.path), line: entry.line)
    }
    try refuseEncrypted(
      spine.map(\.item.path) + [package.navigationPath, package.ncxPath].compactMap { $0 }, container: container,
      archive: archive)

    let navigation = try tableOfContents(package, archive: archive, warnings: &warnings)
    let frontMatter = EpubFrontMatter(package: package, navigation: navigation)
    let entriesByDocument = Dictionary(grouping: navigation.entries, by: \.path)
    var chapters = EpubChapterCollector(hasTableOfContents: !navigation.entries.isEmpty)
    var foreign: [ForeignPhrase] = []
    var lineOffset = 0
    for entry in spine {
      let document = entry.item.path
      guard let data = try archive.data(at: document) else { continue }
      defer { lineOffset += lineCount(data) }
      guard isText(entry.item), includeFrontMatter || !frontMatter.contains(document) else { continue }
      let tree = try XMLTree(data: data, file: archive.location(of: document))
      if let first = tree.unknownEntities.first {
        let others = tree.unknownEntities.count - 1
        warnings.append(
          "\(archive.location(of: document)):\(first.line): warning: '&\(first.name.quotedForMessage);' is not an "
            + "entity XHTML defines; read as written\(others > 0 ? " (and \(others) more in this document)" : "")")
      }
      let marked = chapters.foreign.count
      chapters.read(
        tree, entries: entriesByDocument[document] ?? [], lineOffset: lineOffset,
        includeFrontMatter: includeFrontMatter)
      // A mark names its own document and line, as the EPUB's other problems do.
      foreign += chapters.foreign[marked...].map {
        ForeignPhrase(
          text: $0.text, language: $0.language, file: archive.location(of: document), line: $0.line - lineOffset)
      }
    }

    let metadata = package.metadata
    var builder = BookBuilder(sourceFile: path)
    for chapter in chapters.finished() {
      builder.heading(chapter.title, line: chapter.line)
      for paragraph in chapter.paragraphs {
        builder.paragraph(lines: [paragraph.text], line: paragraph.line, lastLine: paragraph.lastLine)
      }
    }
    var book = try builder.build(
      title: metadata.title ?? BookSlug.title(fromFileName: path), author: authorLine(metadata.authors))
    var found = BookMetadata()
    found.subtitle = metadata.subtitle
    found.narrator = authorLine(metadata.narrators)
    found.series = metadata.series
    found.seriesPosition = metadata.seriesPosition
    found.language = metadata.language
    found.publisher = metadata.publisher
    found.date = metadata.date
    found.summary = metadata.description
    found.genre = metadata.subjects
    found.identifier = metadata.identifier
    book.apply(found)
    book.foreignPhrases = foreign
    book.cover = cover(package, archive: archive, warnings: &warnings)
    book.warnings = warnings
    return book
  }

  /// The cover image the package names; a warning, not an error, when it is missing or not
  /// a JPEG or PNG image, since the book reads as well without it.
  private static func cover(_ package: EpubPackage, archive: EpubArchive, warnings: inout [String]) -> CoverImage? {
    guard let path = package.coverPath else { return nil }
    do {
      guard archive.contains(path), let data = try archive.data(at: path) else {
        warnings.append("\(archive.location(of: package.path)): warning: the cover image is not in the EPUB; no cover")
        return nil
      }
      return try CoverImage(bytes: Array(data), file: archive.location(of: path))
    } catch {
      warnings.append("\(error.file ?? archive.location(of: path)): warning: \(error.message); no cover is published")
      return nil
    }
  }

  /// The package document `container` names, refused when encrypted or missing.
  static func openPackage(_ container: EpubContainer, archive: EpubArchive, path: String)
    throws(AudiobookError) -> EpubPackage
  {
    try refuseEncrypted([container.packagePath], container: container, archive: archive)
    guard let packageTree = try archive.xml(at: container.packagePath) else {
      throw AudiobookError(
        .badInput,
        "the package document '\(container.packagePath.quotedForMessage)' that META-INF/container.xml names "
          + "is not in the EPUB",
        file: path)
    }
    return try EpubPackage(packageTree, path: container.packagePath, file: archive.location(of: container.packagePath))
  }

  /// The linear spine, each document once: a document the spine lists again is read where
  /// it is first listed (EPUB forbids the repeat; one such book listed one page 5,000 times).
  private static func readingOrder(
    _ package: EpubPackage, archive: EpubArchive, warnings: inout [String]
  ) -> [EpubPackage.SpineEntry] {
    var seen: Set<String> = []
    var repeats: [EpubPackage.SpineEntry] = []
    let spine = package.spine.filter(\.isLinear).filter { entry in
      guard seen.insert(entry.item.path).inserted else {
        repeats.append(entry)
        return false
      }
      return true
    }
    if let first = repeats.first {
      warnings.append(
        "\(archive.location(of: package.path)):\(first.line): warning: the spine lists "
          + "'\(first.item.path.quotedForMessage)' again; each document is read once"
          + (repeats.count > 1 ? " (\(repeats.count) repeats left out)" : "")
      )
    }
    return spine
  }

  /// The EPUB 3 navigation document's table of contents, else the NCX's, else none.
  static func tableOfContents(
    _ package: EpubPackage, archive: EpubArchive, warnings: inout [String]
  ) throws(AudiobookError) -> EpubNavigation {
    if let path = package.navigationPath {
      if let tree = try archive.xml(at: path) {
        let navigation = EpubNavigation(navigationDocument: tree, path: path)
        if !navigation.entries.isEmpty || package.ncxPath == nil { return navigation }
      } else {
        warnings.append("\(archive.location(of: path)): warning: the navigation document is missing from the EPUB")
      }
    }
    if let path = package.ncxPath {
      if let tree = try archive.xml(at: path) { return EpubNavigation(ncx: tree, path: path) }
      warnings.append("\(archive.location(of: path)): warning: the NCX table of contents is missing from the EPUB")
    }
    return .none
  }

  /// Refuses an EPUB whose `META-INF/encryption.xml` encrypts one of `paths`: DRM.
  private static func refuseEncrypted(
    _ paths: [String], container: EpubContainer, archive: EpubArchive
  ) throws(AudiobookError) {
    guard let locked = paths.first(where: container.encryptedPaths.contains) else { return }
    throw AudiobookError(
      .badInput,
      "is protected by DRM (META-INF/encryption.xml encrypts '\(locked.quotedForMessage)'); "
        + "only DRM-free EPUBs can be read",
      file: archive.file)
  }

  /// Content documents are XHTML (or HTML); an SVG or image page in the spine has nothing to read.
  static func isText(_ item: EpubPackage.Item) -> Bool {
    let type = item.mediaType.lowercased()
    return type.isEmpty || type.contains("html") || type == "text/x-oeb1-document"
  }

  /// The lines a document takes when the spine's documents are laid end to end.
  private static func lineCount(_ data: Data) -> Int {
    let newlines = data.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    return data.last == 0x0A ? newlines : newlines + 1
  }

  /// "A", "A and B", "A, B and C"; nil for no authors.
  static func authorLine(_ authors: [String]) -> String? {
    guard let last = authors.last else { return nil }
    return authors.count == 1 ? last : authors.dropLast().joined(separator: ", ") + " and " + last
  }
}
