import AudiobookCore

/// An XHTML content document as a listener hears it: headings and paragraphs in reading
/// order, and the places where the table of contents starts a chapter.
///
/// - Block elements (`p`, `div`, `li`, `blockquote`, `tr`, ...) are paragraphs; inline markup
///   is flattened to its text; `<br>` is a space; runs of whitespace are one space.
/// - `h1`–`h6` are headings (the book decides whether one is a chapter's title).
/// - Ordered list items are read with their numbers ("2. Pack the lamp."), bullets without.
/// - Tables are read row by row, each row a paragraph, its cells separated by commas.
/// - Ruby annotations (`rt`, `rp`) are not read, so ruby text is read once.
/// - Never read: footnote and endnote references and bodies, page-break markers, images and
///   their alt text, figures holding an image (with their captions), scripts, styles, hidden
///   elements, landmarks and page lists; the table of contents, the cover and the copyright
///   page unless front matter is included.
package enum XHTMLText {
  /// What a document holds, in reading order.
  package enum Block: Equatable {
    /// The element with this id (one the caller asked about) starts here.
    case anchor(String)
    /// A heading's text, and the lines (in the document) where its text starts and ends.
    case heading(String, line: Int, lastLine: Int)
    /// A paragraph's text, and the lines where it starts and ends.
    case paragraph(String, line: Int, lastLine: Int)
    /// Words an inline element gives a language of its own (`<span xml:lang="fr">`), and the
    /// line they start on.
    case foreign(String, language: String, line: Int)
  }

  /// The blocks of the document `tree`.
  ///
  /// - Parameters:
  ///   - anchors: ids where the caller wants to know a chapter starts; the text before and
  ///     after such an element's start are never one paragraph.
  ///   - includeFrontMatter: read the table of contents, cover and copyright page.
  package static func blocks(of tree: XMLTree, anchors: Set<String> = [], includeFrontMatter: Bool = false) -> [Block] {
    var reader = Reader(anchors: anchors, includeFrontMatter: includeFrontMatter)
    reader.read(tree.root)
    reader.flush()
    return reader.blocks
  }

  /// Every id in the document, read or not.
  static func ids(in tree: XMLTree) -> Set<String> {
    Set(tree.root.descendants.compactMap { $0.attributes["id"] })
  }

  /// Elements whose content is never read.
  package static let silentElements: Set<String> = [
    "head", "script", "style", "template", "noscript", "img", "image", "svg", "math", "object", "embed", "video",
    "audio", "iframe", "canvas", "map", "picture", "source", "track", "rt", "rp", "input", "button", "select",
    "textarea",
  ]

  /// `epub:type` values (EPUB Structural Semantics) of notes and print artefacts, never read.
  package static let silentTypes: Set<String> = [
    "noteref", "footnote", "endnote", "rearnote", "footnotes", "endnotes", "rearnotes", "note", "annoref",
    "annotation", "pagebreak", "page-list", "landmarks", "loi", "lot",
  ]

  /// ARIA roles (DPUB-ARIA) of the same.
  package static let silentRoles: Set<String> = [
    "doc-noteref", "doc-footnote", "doc-endnote", "doc-endnotes", "doc-backlink", "doc-pagebreak", "doc-pagelist",
  ]

  /// `epub:type` values and roles of front matter: read only with `--include-front-matter`.
  package static let frontMatterTypes: Set<String> = ["cover", "toc", "copyright-page", "doc-cover", "doc-toc"]

  /// Elements that start and end a paragraph.
  static let blockElements: Set<String> = [
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "html", "legend",
    "main", "nav", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr",
  ]

  static let headingElements: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

  /// Walks the elements, collecting text into the paragraph being read.
  private struct Reader {
    let anchors: Set<String>
    let includeFrontMatter: Bool
    var blocks: [Block] = []

    /// The paragraph so far, whitespace not yet collapsed.
    private var text = ""
    private var hasText = false
    /// How many paragraphs have ended, and the foreign words of the one being read.
    private var flushes = 0
    private var foreign: [Block] = []
    private var line = 0
    private var lastLine = 0
    private var headingDepth = 0
    /// The number of the list item being read ("3. "), put before its first text.
    private var itemPrefix: String?
    /// Open lists: the next item's number and the step, or nil for a list without numbers.
    private var lists: [(next: Int, step: Int)?] = []

    init(anchors: Set<String>, includeFrontMatter: Bool) {
      self.anchors = anchors
      self.includeFrontMatter = includeFrontMatter
    }

    mutating func read(_ element: XMLTree.Element) {
      guard !isSilent(element) else { return }
      if let id = element.attributes["id"], anchors.contains(id) {
        flush()
        blocks.append(.anchor(id))
      }
      let name = element.name.lowercased()
      switch name {
      case "br":
        text += " "
      case _ where headingElements.contains(name):
        flush()
        headingDepth += 1
        readChildren(of: element)
        flush()
        headingDepth -= 1
      case "ol", "ul", "menu":
        flush()
        lists.append(name == "ol" ? numbering(of: element) : nil)
        readChildren(of: element)
        lists.removeLast()
        flush()
      case "li":
        flush()
        if let list = lists.last, let numbering = list {
          let number = element.attributes["value"].flatMap { Int($0) } ?? numbering.next
          itemPrefix = "\(number). "
          lists[lists.count - 1] = (number + numbering.step, numbering.step)
        }
        readChildren(of: element)
        flush()
        itemPrefix = nil
      case "td", "th":
        // Cells are read as a list: a comma between them, unless the cell before ends a clause.
        if hasText, let last = text.last(where: { !$0.isWhitespace }) {
          text += ".,;:!?".contains(last) ? " " : ", "
        }
        readChildren(of: element)
      case _ where blockElements.contains(name):
        flush()
        readMarkingLanguage(of: element)
        flush()
      default:
        readMarkingLanguage(of: element)
      }
    }

    /// Reads the element's children; when it has a language of its own (`xml:lang`, `lang`)
    /// and its words lie within one paragraph, they are marked as that language's.
    private mutating func readMarkingLanguage(of element: XMLTree.Element) {
      guard let language = element.attributes["xml:lang"] ?? element.attributes["lang"], BookLanguage.isTag(language)
      else { return readChildren(of: element) }
      // Offsets in UTF-8 bytes: counting characters would cost the paragraph's length per element.
      let (start, flushes) = (text.utf8.count, self.flushes)
      readChildren(of: element)
      // A block inside the element ended the paragraph: the words are more than a phrase.
      guard flushes == self.flushes else { return }
      let words = String(decoding: text.utf8.dropFirst(start), as: UTF8.self).split(whereSeparator: \.isWhitespace)
        .joined(separator: " ")
      if !words.isEmpty, words.count <= ForeignPhrase.maximumLength {
        foreign.append(.foreign(words, language: language, line: line))
      }
    }

    private mutating func readChildren(of element: XMLTree.Element) {
      for child in element.children {
        switch child {
        case .element(let inner): read(inner)
        case .text(let string, let line): append(string, line: line)
        }
      }
    }

    /// Adds a run of text that starts on `startLine`, noting the lines of its first and last
    /// visible characters.
    private mutating func append(_ string: String, line startLine: Int) {
      var newlines = 0
      var first: Int?
      var last: Int?
      for character in string {
        if character == "\n" {
          newlines += 1
        } else if !character.isWhitespace {
          first = first ?? startLine + newlines
          last = startLine + newlines
        }
      }
      if let first, let last {
        if !hasText {
          line = first
          hasText = true
          if let prefix = itemPrefix {
            text += prefix
            itemPrefix = nil
          }
        }
        lastLine = last
      }
      text += string
    }

    /// Ends the paragraph (or heading) being read.
    mutating func flush() {
      defer {
        text = ""
        hasText = false
        flushes += 1
        blocks += foreign
        foreign = []
      }
      guard hasText else { return }
      let spoken = text.unicodeScalars.filter { !Self.invisible.contains($0) }
      let collapsed = String(String.UnicodeScalarView(spoken)).split(whereSeparator: \.isWhitespace)
        .joined(separator: " ")
      guard !collapsed.isEmpty else { return }
      blocks.append(
        headingDepth > 0
          ? .heading(collapsed, line: line, lastLine: lastLine)
          : .paragraph(collapsed, line: line, lastLine: lastLine))
    }

    /// Soft hyphens, zero-width spaces and word joiners: typography, not text.
    private static let invisible: Set<Unicode.Scalar> = ["\u{AD}", "\u{200B}", "\u{2060}", "\u{FEFF}"]

    /// An `<ol>`'s first number and step: `start`, counting down when `reversed`.
    private func numbering(of list: XMLTree.Element) -> (next: Int, step: Int) {
      let reversed = list.attributes["reversed"] != nil
      let items = list.elements.filter { $0.name == "li" }.count
      let start = list.attributes["start"].flatMap { Int($0) } ?? (reversed ? items : 1)
      return (start, reversed ? -1 : 1)
    }

    private func isSilent(_ element: XMLTree.Element) -> Bool {
      let name = element.name.lowercased()
      if silentElements.contains(name) { return true }
      if element.attributes["hidden"] != nil || element.attributes["aria-hidden"] == "true" { return true }
      if let style = element.attributes["style"],
        style.lowercased().filter({ !$0.isWhitespace }).contains("display:none")
      {
        return true
      }
      let kinds =
        (element.prefixedAttribute("type") ?? "").split(separator: " ").map(String.init)
        + (element.attributes["role"] ?? "").split(separator: " ").map(String.init)
      if kinds.contains(where: { silentTypes.contains($0) || silentRoles.contains($0) }) { return true }
      if !includeFrontMatter && kinds.contains(where: frontMatterTypes.contains) { return true }
      // A figure holding an image is an illustration: its caption describes what is not heard.
      if name == "figure", element.descendants.contains(where: { ["img", "image", "svg"].contains($0.name) }) {
        return true
      }
      return false
    }
  }
}
