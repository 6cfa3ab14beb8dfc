import AudiobookKit

extension FuzzTarget {
  /// A whole EPUB file: the zip archive, `META-INF/container.xml`, the package document, the
  /// table of contents and the spine's XHTML, read with and without front matter; then its plan.
  static let epub = FuzzTarget(name: "epub") { input in
    let path = ScratchFolder.write(input, to: "book.epub")
    BookPlanning.readAndPlan(path)
    _ = try? BookReader.read(path, includeFrontMatter: true)
  }
}
