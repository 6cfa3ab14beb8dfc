@testable import AudiobookBook

extension FuzzTarget {
  /// An EPUB table of contents on its own: read both as an EPUB 3 navigation document and as
  /// an EPUB 2 NCX, with links resolved against the document's folder.
  static let navigation = FuzzTarget(name: "navigation") { input in
    guard let tree = try? XMLTree(data: input, file: "book.epub!OEBPS/toc") else { return }
    _ = EpubNavigation(navigationDocument: tree, path: "OEBPS/nav.xhtml")
    _ = EpubNavigation(ncx: tree, path: "OEBPS/toc.ncx")
  }
}
