@testable import AudiobookCore
@testable import AudiobookBook

extension FuzzTarget {
  /// One EPUB content document on its own: entities, the XML tree, its text blocks (with and
  /// without front matter), chapters started at a table of contents' anchors; then the
  /// book those chapters make, planned.
  static let xhtml = FuzzTarget(name: "xhtml") { input in
    let document = "OEBPS/chapter.xhtml"
    guard let tree = try? XMLTree(data: input, file: "book.epub!\(document)") else { return }
    _ = XHTMLText.blocks(of: tree, includeFrontMatter: true)
    // A table of contents pointing at the document's top and at its first few ids.
    let anchors = XHTMLText.ids(in: tree).sorted().prefix(3)
    let entries =
      [EpubNavigation.Entry(title: "Top", path: document, fragment: nil)]
      + anchors.map { EpubNavigation.Entry(title: "At \($0)", path: document, fragment: $0) }
    var collector = EpubChapterCollector(hasTableOfContents: true)
    collector.read(tree, entries: entries, lineOffset: 0, includeFrontMatter: false)
    var builder = BookBuilder(sourceFile: "book.epub")
    for chapter in collector.finished() {
      builder.heading(chapter.title, line: chapter.line)
      for paragraph in chapter.paragraphs {
        builder.paragraph(lines: [paragraph.text], line: paragraph.line, lastLine: paragraph.lastLine)
      }
    }
    guard let book = try? builder.build(title: "Fuzz", author: nil) else { return }
    BookPlanning.plan(book)
  }
}
