@testable import AudiobookCore
import Foundation
@testable import AudiobookBook
@testable import AudiobookPublish

extension FuzzTarget {
  /// One EPUB content document on its own: entities, the XML tree, its text blocks (with and
  /// without front matter), chapters started at a table of contents' anchors; then the
  /// book those chapters make, planned.
  static let xhtml = FuzzTarget(name: "xhtml") { input in
    let document = "OEBPS/chapter.xhtml"
    guard let tree = try? XMLTree(data: input, file: "book.epub!\(document)") else { return }
    let blocks = XHTMLText.blocks(of: tree, includeFrontMatter: true)
    readAlong(input, blocks)
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

  /// The read-along book's spans around the document's own paragraphs (whole, and their first
  /// words): the document with them is still well-formed XML, or the fuzzer has found a bug.
  private static func readAlong(_ input: Data, _ blocks: [XHTMLText.Block]) {
    let bytes = [UInt8](input)
    let stream = XHTMLTextStream(bytes)
    guard stream.isUTF8 else { return }
    var anchors = TextAnchors([stream])
    var edits: [(offset: Int, order: Int, text: String)] = []
    for block in blocks.prefix(200) {
      guard case .paragraph(let text, _, _) = block else { continue }
      for piece in [text] + text.split(separator: " ").prefix(3).map(String.init) {
        guard let anchor = anchors.find(piece, short: piece != text) else { continue }
        edits += [(anchor.start, 1, "<span id=\"x\(edits.count)\">"), (anchor.end, 0, "</span>")]
      }
    }
    let marked = ReadAlongCarried.applying(edits, to: bytes)
    if (try? XMLTree(data: Data(marked), file: "marked")) == nil {
      fatalError("spans broke a well-formed document: \(String(decoding: marked.prefix(2_000), as: UTF8.self))")
    }
  }
}
