import AudiobookCore

/// Which documents of an EPUB are front matter a listener does not want read: the cover,
/// the table of contents and the copyright page (read with `--include-front-matter`).
///
/// A document is front matter when the book says so (EPUB 3 landmarks, the EPUB 2 guide, or
/// the navigation document itself being in the spine), or when its file name does
/// (`cover.xhtml`, `copyright.xhtml`, `toc.xhtml`, `contents.xhtml`). Parts of a document are
/// recognised by their `epub:type` while it is read (`XHTMLText`).
struct EpubFrontMatter {
  /// The landmark and guide types that are front matter.
  static let types: Set<String> = ["cover", "toc", "copyright-page"]

  /// Paths of the documents the book marks as front matter.
  let marked: Set<String>

  init(package: EpubPackage, navigation: EpubNavigation) {
    var marked = Set(navigation.landmarks.filter { Self.types.contains($0.type) }.map(\.path))
    marked.formUnion(package.guide.filter { Self.types.contains($0.type) }.map(\.path))
    if let nav = package.navigationPath { marked.insert(nav) }
    self.marked = marked
  }

  /// Whether the spine document `path` is front matter.
  package func contains(_ path: String) -> Bool {
    if marked.contains(path) { return true }
    let name = (path.split(separator: "/").last ?? "").lowercased()
    let base = name.split(separator: ".").first.map(String.init) ?? name
    return base.hasPrefix("cover") || base.contains("copyright")
      || ["toc", "contents", "table-of-contents"].contains(base)
  }
}
