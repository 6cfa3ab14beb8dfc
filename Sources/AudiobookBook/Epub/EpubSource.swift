import AudiobookCore
import Foundation

/// An EPUB 3 manuscript opened again to be carried into a read-along book: its files as they
/// are, its package document's text, and its content documents in reading order.
package struct EpubSource {
  package let archive: EpubArchive
  /// The package document's path and text.
  package let packagePath: String
  package let packageText: String
  /// The spine's XHTML documents, each once, in reading order (non-linear ones too), the
  /// navigation document and the front matter a render does not read (the cover, the table of
  /// contents, the copyright page) left out: their text repeats the book's titles.
  package let documents: [String]
  /// Every file in the zip, in path order (`mimetype` left out).
  package let paths: [String]
  /// The manifest item id of each file the package lists, by path.
  package let itemIDs: [String: String]
  /// The Media Overlays the EPUB has already (a read-along book's own).
  package let overlayPaths: Set<String>

  /// Opens the EPUB at `path`; nil when it is not EPUB 3 (an EPUB 2 has no Media Overlays, so
  /// its read-along book is generated), or when what was readable for the render is not now.
  package init?(path: String) {
    do throws(AudiobookError) {
      archive = try EpubArchive(path: path)
      let container = try EpubContainer(archive)
      let package = try EpubParser.openPackage(container, archive: archive, path: path)
      guard let data = try archive.data(at: package.path), let text = String(data: data, encoding: .utf8),
        let version = try archive.xml(at: package.path)?.root.attributes["version"], version.hasPrefix("3")
      else { return nil }
      packagePath = package.path
      packageText = text
      var warnings: [String] = []
      let frontMatter = EpubFrontMatter(
        package: package, navigation: try EpubParser.tableOfContents(package, archive: archive, warnings: &warnings))
      var seen: Set<String> = []
      documents = package.spine.map(\.item).filter {
        EpubParser.isText($0) && $0.path != package.navigationPath && !frontMatter.contains($0.path)
          && seen.insert($0.path).inserted
      }.map(\.path)
      overlayPaths = Set(package.manifest.filter { $0.mediaType == "application/smil+xml" }.map(\.path))
      itemIDs = Dictionary(package.manifest.map { ($0.path, $0.id) }, uniquingKeysWith: { first, _ in first })
      paths = archive.paths.filter { $0 != "mimetype" }
    } catch {
      return nil
    }
  }

  /// The bytes of the file at `path` inside the EPUB.
  package func data(at path: String) throws(AudiobookError) -> [UInt8]? {
    try archive.data(at: path).map { Array($0) }
  }
}
