@testable import AudiobookBook

extension FuzzTarget {
  /// An EPUB package document (OPF) on its own, without a zip around it: metadata, manifest,
  /// spine, guide, and which of its documents are front matter.
  static let opf = FuzzTarget(name: "opf") { input in
    let file = "book.epub!OEBPS/content.opf"
    guard let tree = try? XMLTree(data: input, file: file),
      let package = try? EpubPackage(tree, path: "OEBPS/content.opf", file: file)
    else { return }
    let frontMatter = EpubFrontMatter(package: package, navigation: .none)
    for entry in package.spine where entry.isLinear { _ = frontMatter.contains(entry.item.path) }
    _ = EpubParser.authorLine(package.metadata.authors)
  }
}
