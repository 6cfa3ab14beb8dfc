internal import CCmark
import AudiobookCore

/// Markdown parsed by libcmark (the CommonMark reference parser) into the blocks a listener
/// hears. The one file that touches cmark's C API.
enum CommonMark {
  /// A block of the document, in reading order.
  enum Block: Equatable {
    /// `#` ... `######`, its text flattened.
    case heading(level: Int, text: String, line: Int)
    /// A paragraph (also inside block quotes and list items), its inline markup flattened.
    case paragraph(text: String, line: Int, lastLine: Int)
    /// `<!-- speaker: NAME -->`: the author names who speaks the next paragraph's quotations.
    case speaker(name: String, line: Int)
    /// `<span lang="fr">Valérie</span>` in the heading or paragraph before: words to be read in
    /// another language's voice.
    case foreign(text: String, language: String, line: Int)
  }

  /// The deepest the nodes of a document may nest (block quotes, lists, emphasis, links):
  /// 1,000 levels, far past any book. libcmark itself takes any depth; the walk below recurses.
  static let maximumDepth = 1_000

  /// The blocks of `markdown`. Code blocks, HTML blocks (comments) and thematic breaks are
  /// dropped; images are dropped with their alt text; emphasis, links and inline code read
  /// as their text; items of an ordered list begin with their number. Line numbers count from
  /// `firstLine`.
  ///
  /// - Parameter file: names the manuscript in messages.
  /// - Throws: `.badInput` naming `file` and the line where the markup nests deeper than
  ///   `maximumDepth`.
  package static func blocks(of markdown: String, firstLine: Int = 1, file: String = "") throws(AudiobookError)
    -> [Block]
  {
    let bytes = Array(markdown.utf8)
    guard
      let document = bytes.withUnsafeBufferPointer({ buffer in
        buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_DEFAULT) }
      })
    else { return [] }
    defer { cmark_node_free(document) }
    if let tooDeep = nodeTooDeep(in: document) {
      throw AudiobookError(
        .badInput,
        "the markup (block quotes, lists, emphasis or links) nests deeper than \(maximumDepth) levels, "
          + "which no book needs",
        file: file, line: Int(cmark_node_get_start_line(tooDeep)) + firstLine - 1)
    }
    var blocks: [Block] = []
    collect(children(of: document), into: &blocks, lineOffset: firstLine - 1, prefix: nil)
    return blocks
  }

  /// The first node deeper than `maximumDepth`, found with libcmark's iterator (no recursion).
  private static func nodeTooDeep(in document: OpaquePointer) -> OpaquePointer? {
    guard let iterator = cmark_iter_new(document) else { return nil }
    defer { cmark_iter_free(iterator) }
    var depth = 0
    while true {
      switch cmark_iter_next(iterator) {
      case CMARK_EVENT_ENTER:
        guard let node = cmark_iter_get_node(iterator) else { return nil }
        // Leaves have no exit event and nothing below them.
        if leafTypes.contains(cmark_node_get_type(node).rawValue) { continue }
        depth += 1
        if depth > maximumDepth { return node }
      case CMARK_EVENT_EXIT:
        depth -= 1
      default:
        return nil
      }
    }
  }

  /// The node types libcmark's iterator enters without leaving (`cmark.h`).
  private static let leafTypes = Set(
    [
      CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK,
      CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE,
    ].map(\.rawValue))

  private static func collect(_ nodes: [OpaquePointer], into blocks: inout [Block], lineOffset: Int, prefix: String?) {
    var prefix = prefix
    for node in nodes {
      let line = Int(cmark_node_get_start_line(node)) + lineOffset
      switch cmark_node_get_type(node) {
      case CMARK_NODE_HEADING:
        let (raw, foreign) = inlineTextAndLanguages(of: node)
        let text = withoutFootnoteReferences(raw)
        if !text.isEmpty {
          blocks.append(.heading(level: Int(cmark_node_get_heading_level(node)), text: text, line: line))
        }
        blocks += foreign.map { .foreign(text: $0.text, language: $0.language, line: line) }
      case CMARK_NODE_PARAGRAPH:
        let (raw, foreign) = inlineTextAndLanguages(of: node)
        defer { blocks += foreign.map { .foreign(text: $0.text, language: $0.language, line: line) } }
        // A footnote (`[^1]: ...`, the Pandoc and GitHub form) is not read, like an EPUB's.
        if raw.wholeMatch(of: Footnotes.definition) != nil { continue }
        var text = withoutFootnoteReferences(raw)
        if let marker = prefix, !text.isEmpty {
          text = marker + text
          prefix = nil  // The number goes before the item's first paragraph only.
        }
        if !text.isEmpty {
          blocks.append(
            .paragraph(text: text, line: line, lastLine: Int(cmark_node_get_end_line(node)) + lineOffset))
        }
      case CMARK_NODE_BLOCK_QUOTE:
        collect(children(of: node), into: &blocks, lineOffset: lineOffset, prefix: nil)
      case CMARK_NODE_LIST:
        let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
        var number = Int(cmark_node_get_list_start(node))
        for item in children(of: node) {
          collect(children(of: item), into: &blocks, lineOffset: lineOffset, prefix: ordered ? "\(number). " : nil)
          number += 1
        }
      case CMARK_NODE_HTML_BLOCK:
        if let literal = cmark_node_get_literal(node), let name = speakerMark(String(cString: literal)) {
          blocks.append(.speaker(name: name, line: line))
        }
      default:
        continue  // Code blocks, thematic breaks: not read.
      }
    }
  }

  /// The name in a speaker mark, an HTML comment alone on its line(s): `<!-- speaker: Elizabeth -->`.
  static func speakerMark(_ html: String) -> String? {
    let text = html.trimmingCharacters(in: .whitespacesAndNewlines)
    guard text.hasPrefix("<!--"), text.hasSuffix("-->"), text.utf8.count <= 200 else { return nil }
    let inside = text.dropFirst(4).dropLast(3).trimmingCharacters(in: .whitespacesAndNewlines)
    guard inside.lowercased().hasPrefix("speaker:") else { return nil }
    let name = inside.dropFirst("speaker:".count).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    return name.isEmpty || name.count > 100 ? nil : name
  }

  /// The text of a heading or paragraph: line breaks as spaces, markup gone; with the words
  /// its `<span lang="…">` elements mark.
  private static func inlineTextAndLanguages(of node: OpaquePointer) -> (
    text: String, foreign: [(text: String, language: String)]
  ) {
    var text = ""
    var spans = LanguageSpans()
    appendInline(children(of: node), to: &text, spans: &spans)
    return (text.split(whereSeparator: \.isWhitespace).joined(separator: " "), spans.found)
  }

  /// The `<span>` elements open while a paragraph's inline nodes are read, and the words of
  /// those that had a `lang` (or `xml:lang`) when they closed.
  private struct LanguageSpans {
    var open: [(language: String?, start: Int)] = []
    var found: [(text: String, language: String)] = []

    mutating func read(_ html: String, at offset: Int, in text: String) {
      let tag = html.trimmingCharacters(in: .whitespacesAndNewlines)
      if tag.lowercased() == "</span>" {
        guard let (language, start) = open.popLast(), let language else { return }
        let words = String(decoding: text.utf8.dropFirst(start), as: UTF8.self).split(whereSeparator: \.isWhitespace)
          .joined(separator: " ")
        if !words.isEmpty, words.count <= ForeignPhrase.maximumLength { found.append((words, language)) }
      } else if tag.lowercased().hasPrefix("<span"), tag.hasSuffix(">"), open.count < 100 {
        let language = tag.firstMatch(of: Self.lang).map { String($0.output.1) }
        open.append((language.flatMap { BookLanguage.isTag($0) ? $0 : nil }, offset))
      }
    }

    nonisolated(unsafe) static let lang = /\s(?:xml:)?lang\s*=\s*["']([^"']{1,35})["']/.ignoresCase()
  }

  /// `text` without footnote references (`[^1]`), which a listener does not hear.
  private static func withoutFootnoteReferences(_ text: String) -> String {
    text.contains("[^") ? text.replacing(Footnotes.reference, with: "") : text
  }

  /// Footnotes as Pandoc and GitHub write them, which CommonMark itself leaves as text.
  private enum Footnotes {
    /// With the space before it: `word [^1], more` reads "word, more".
    nonisolated(unsafe) static let reference = /\s*\[\^[^\]\s]+\]/
    nonisolated(unsafe) static let definition = /\[\^[^\]\s]+\]:[\s\S]*/
  }

  private static func appendInline(_ nodes: [OpaquePointer], to text: inout String, spans: inout LanguageSpans) {
    for node in nodes {
      switch cmark_node_get_type(node) {
      case CMARK_NODE_HTML_INLINE:
        // Offsets in UTF-8 bytes: counting characters would cost the paragraph's length per tag.
        if let literal = cmark_node_get_literal(node) {
          spans.read(String(cString: literal), at: text.utf8.count, in: text)
        }
      case CMARK_NODE_TEXT, CMARK_NODE_CODE:
        if let literal = cmark_node_get_literal(node) { text += String(cString: literal) }
      case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
        text += " "
      case CMARK_NODE_LINK:
        var label = ""
        var inner = LanguageSpans()
        appendInline(children(of: node), to: &label, spans: &inner)
        // `[^1]` whose note happens to parse as a link reference definition: still a footnote.
        let isFootnote = label.hasPrefix("^") && !label.contains(where: \.isWhitespace)
        text += isFootnote ? "[\(label)]" : label
      case CMARK_NODE_EMPH, CMARK_NODE_STRONG:
        appendInline(children(of: node), to: &text, spans: &spans)
      default:
        continue  // Images: not read.
      }
    }
  }

  private static func children(of node: OpaquePointer) -> [OpaquePointer] {
    var result: [OpaquePointer] = []
    var child = cmark_node_first_child(node)
    while let current = child {
      result.append(current)
      child = cmark_node_next(current)
    }
    return result
  }
}
