import AudiobookCore

/// Cuts the documents of an EPUB's spine into chapters where its table of contents says
/// they start, and takes each chapter's title from it.
///
/// - An entry without a fragment (or whose fragment no element has) starts a chapter at the
///   top of its document; one with a fragment starts it at the element with that id.
/// - Entries that start at the same place make one chapter, their titles joined ("Part One:
///   Chapter 1").
/// - A document no entry points to continues the chapter before it (books split long
///   chapters into several files); before the first entry, and in a book without a table of
///   contents, a document starts a chapter of its own.
/// - Headings before a chapter's first paragraph are its title on the page: not read, and
///   the title when the table of contents gives none. Later headings are read.
/// - A chapter left with nothing to read (a notes page, a cover) is dropped.
struct EpubChapterCollector {
  package struct Chapter: Equatable {
    package var title: String
    package var line: Int
    package var paragraphs: [Paragraph]
  }

  package struct Paragraph: Equatable {
    package var text: String
    package var line: Int
    var lastLine: Int
  }

  /// A chapter being read.
  private struct Draft {
    var titles: [String]
    var headings: [String] = []
    var line: Int
    var paragraphs: [Paragraph] = []
    var isEmpty: Bool { headings.isEmpty && paragraphs.isEmpty }
  }

  let hasTableOfContents: Bool
  /// Words the documents mark as another language's, with the line (through the spine).
  package private(set) var foreign: [(text: String, language: String, line: Int)] = []
  /// Whether an entry of the table of contents has started a chapter yet.
  private var pastFirstEntry = false
  private var chapters: [Draft] = []
  private var current: Draft?

  init(hasTableOfContents: Bool) {
    self.hasTableOfContents = hasTableOfContents
  }

  /// Reads one spine document.
  ///
  /// - Parameters:
  ///   - entries: the table of contents' entries that point into this document, in order.
  ///   - lineOffset: the lines of the documents before this one, added to its own lines.
  package mutating func read(
    _ tree: XMLTree, entries: [EpubNavigation.Entry], lineOffset: Int, includeFrontMatter: Bool
  ) {
    let ids = XHTMLText.ids(in: tree)
    var titlesAt: [String: [String]] = [:]
    var titlesAtTop: [String] = []
    for entry in entries {
      if let fragment = entry.fragment, ids.contains(fragment) {
        titlesAt[fragment, default: []].append(entry.title)
      } else {
        titlesAtTop.append(entry.title)
      }
    }
    if !titlesAtTop.isEmpty || current == nil || !hasTableOfContents || !pastFirstEntry {
      start(titles: titlesAtTop, line: lineOffset + 1)
    }
    let blocks = XHTMLText.blocks(
      of: tree, anchors: Set(titlesAt.keys), includeFrontMatter: includeFrontMatter)
    for block in blocks {
      switch block {
      case .anchor(let id):
        start(titles: titlesAt[id] ?? [], line: nil)
      case .heading(let text, let line, let lastLine):
        if current?.paragraphs.isEmpty ?? false {
          if current?.isEmpty ?? false { current?.line = lineOffset + line }
          current?.headings.append(text)
        } else {
          add(Paragraph(text: text, line: lineOffset + line, lastLine: lineOffset + lastLine))
        }
      case .paragraph(let text, let line, let lastLine):
        if current?.isEmpty ?? false { current?.line = lineOffset + line }
        add(Paragraph(text: text, line: lineOffset + line, lastLine: lineOffset + lastLine))
      case .foreign(let text, let language, let line):
        foreign.append((text, language, lineOffset + line))
      }
    }
    // Everything in this document was skipped: nothing to carry into the next one.
    if current?.isEmpty ?? false { current = nil }
    pastFirstEntry = pastFirstEntry || (!entries.isEmpty && current != nil)
  }

  /// The chapters read, in order.
  package mutating func finished() -> [Chapter] {
    close()
    return chapters.map { draft in
      let title = draft.titles.isEmpty ? draft.headings.joined(separator: ": ") : draft.titles.joined(separator: ": ")
      return Chapter(title: title, line: draft.line, paragraphs: draft.paragraphs)
    }
  }

  /// The most titles of entries that start at one place that a chapter's title joins
  /// ("Book I: Part One: Chapter 1"); a table of contents pointing 20,000 entries at one
  /// place makes no 20,000-part title.
  static let maximumJoinedTitles = 4

  /// Starts a chapter, or names the one just started when nothing has been read since.
  private mutating func start(titles: [String], line: Int?) {
    var draft: Draft
    if let open = current, open.isEmpty {
      draft = open
    } else {
      close()
      draft = Draft(titles: [], line: line ?? 0)
    }
    for title in titles where !title.isEmpty && !draft.titles.contains(title) {
      guard draft.titles.count < Self.maximumJoinedTitles else { break }
      draft.titles.append(title)
    }
    current = draft
  }

  private mutating func add(_ paragraph: Paragraph) {
    if current == nil { current = Draft(titles: [], line: paragraph.line) }
    current?.paragraphs.append(paragraph)
  }

  private mutating func close() {
    if let draft = current, !draft.isEmpty { chapters.append(draft) }
    current = nil
  }
}
