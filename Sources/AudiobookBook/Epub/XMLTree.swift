import Foundation
import AudiobookCore

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An XML document read into elements and text with their line numbers: the EPUB's
/// container, package, navigation and content documents all go through here.
///
/// Read with Foundation's `XMLParser` (libxml2), after `HTMLEntities` has turned the named
/// entities of XHTML 1.1 (`&nbsp;`, `&mdash;`, ...) into character references, since the
/// parser does not load the DTD that declares them, and every other entity reference into
/// text as written: no entity is ever expanded or fetched (no external entity, no "billion
/// laughs"), and an unknown one loses no text around it. Names keep no namespace prefix
/// (`dc:title` is `title`); attributes keep theirs (`epub:type`).
package struct XMLTree {
  /// One element: its local name, attributes, content and where it sits.
  package struct Element: Sendable, Equatable {
    /// The name without its namespace prefix, as written (XML names are case-sensitive).
    package var name: String
    /// Attributes by their name as written, prefix included (`epub:type`, `xml:lang`).
    package var attributes: [String: String]
    var children: [Node]
    /// The 1-based line of the start tag.
    package var line: Int

    /// The child elements, in order.
    var elements: [Element] {
      children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// The first child element called `name`.
    package func first(_ name: String) -> Element? { elements.first { $0.name == name } }

    /// Every descendant element (this one included) in document order.
    ///
    /// Walked with a stack of its own, in time linear in the elements, however deep they nest.
    package var descendants: [Element] {
      var result: [Element] = []
      var pending: [Element] = [self]
      while let element = pending.popLast() {
        result.append(element)
        pending.append(contentsOf: element.elements.reversed())
      }
      return result
    }

    /// The text inside, markup removed, runs of whitespace collapsed to one space.
    package var text: String {
      var raw = ""
      func collect(_ element: Element) {
        for child in element.children {
          switch child {
          case .text(let text, _): raw += text
          case .element(let inner): collect(inner)
          }
        }
      }
      collect(self)
      return raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The value of an attribute in some namespace, whatever its prefix: `epub:type` for `"type"`.
    func prefixedAttribute(_ localName: String) -> String? {
      for (key, value) in attributes {
        if let colon = key.firstIndex(of: ":"), key[key.index(after: colon)...] == localName,
          key[..<colon] != "xml", key[..<colon] != "xmlns"
        {
          return value
        }
      }
      return nil
    }
  }

  /// What an element holds: elements and runs of text.
  package enum Node: Sendable, Equatable {
    case element(Element)
    /// Text as written (entities resolved) and the 1-based line it starts on.
    case text(String, line: Int)
  }

  /// The deepest elements may nest: 1,000 levels, far past any book's documents. Deeper
  /// documents are refused, so that the code walking the elements (which recurses) never
  /// runs out of stack.
  static let maximumDepth = 1_000

  /// The document's root element.
  package let root: Element
  /// Entity references (`&name;`) that are neither XML's five nor XHTML's named entities,
  /// kept in the text as written; each with the line it is on.
  let unknownEntities: [HTMLEntities.Reference]

  /// Parses `data`.
  ///
  /// - Parameter file: names the document in messages, e.g. `book.epub!OEBPS/ch1.xhtml`.
  /// - Throws: `.badInput` naming `file` and the line of the first error when the document is
  ///   not well-formed XML or nests elements deeper than `maximumDepth`.
  init(data: Data, file: String) throws(AudiobookError) {
    // FoundationXML traps on a name or comment that is not UTF-8 (found by fuzzing), so a
    // document read as UTF-8 must be UTF-8 before it reaches the parser.
    if !Self.declaresAnotherEncoding(data), let bad = Self.firstInvalidUTF8(data) {
      let line = data.prefix(bad).reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
      throw AudiobookError(.badInput, "is not valid UTF-8 (byte \(bad + 1))", file: file, line: line)
    }
    let (prepared, unknownEntities) = HTMLEntities.preparing(Self.blankingProcessingInstructions(data))
    self.unknownEntities = unknownEntities
    let parser = XMLParser(data: prepared)
    parser.shouldProcessNamespaces = false
    parser.shouldResolveExternalEntities = false
    let builder = Builder()
    parser.delegate = builder
    let finished = parser.parse()
    // libxml2 recovers from errors and goes on, so the first error reported is the one to name.
    if let failure = builder.failure {
      throw AudiobookError(
        .badInput, failure.isTooDeep ? failure.message : "is not well-formed XML: \(failure.message)", file: file,
        line: failure.line)
    }
    guard finished, let root = builder.root else {
      let empty = data.allSatisfy { [0x20, 0x09, 0x0A, 0x0D].contains($0) }
      throw AudiobookError(
        .badInput, empty ? "the document is empty" : "is not well-formed XML", file: file,
        line: max(1, parser.lineNumber))
    }
    self.root = root
  }

  /// The name without its namespace prefix: `dc:title` → `title`.
  static func localName(_ name: String) -> String {
    guard let colon = name.lastIndex(of: ":") else { return name }
    return String(name[name.index(after: colon)...])
  }

  /// Collects the parser's events into elements.
  private final class Builder: NSObject, XMLParserDelegate {
    struct Failure {
      var message: String
      var line: Int
      /// Whether the document nests too deep (well-formed, but refused).
      var isTooDeep = false
    }

    var root: Element?
    var failure: Failure?
    private var open: [Element] = []

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      guard open.count < XMLTree.maximumDepth else {
        if failure == nil {
          failure = Failure(
            message: "elements nested deeper than \(XMLTree.maximumDepth) levels, which no book needs",
            line: max(1, parser.lineNumber), isTooDeep: true)
        }
        parser.abortParsing()
        return
      }
      open.append(
        Element(name: XMLTree.localName(elementName), attributes: attributes, children: [], line: parser.lineNumber))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
      guard let element = open.popLast() else { return }
      if open.isEmpty {
        root = root ?? element
      } else {
        open[open.count - 1].children.append(.element(element))
      }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      append(string, endLine: parser.lineNumber)
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
      append(String(decoding: block, as: UTF8.self), endLine: parser.lineNumber)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
      let code = (parseError as NSError).code
      // Namespace errors (an `epub:` prefix never declared, say) leave the document readable.
      guard failure == nil, !(200..<300).contains(code) else { return }
      failure = Failure(message: XMLTree.describe(parserError: code), line: max(1, parser.lineNumber))
    }

    /// Adds text to the open element, joining it to text just before it. The parser reports
    /// the line where a run of text ends; the line it starts on is what messages need.
    private func append(_ string: String, endLine: Int) {
      guard !open.isEmpty else { return }
      let top = open.count - 1
      if case .text(let before, let line) = open[top].children.last {
        open[top].children[open[top].children.count - 1] = .text(before + string, line: line)
      } else {
        let newlines = string.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        open[top].children.append(.text(string, line: max(1, endLine - newlines)))
      }
    }
  }
}

extension XMLTree {
  /// libxml2's error codes (`xmlParserErrors`) in words, for the ones a hand-edited or
  /// HTML-minded document runs into; the others by number.
  /// Whether the document says it is not UTF-8: a UTF-16 byte-order mark, or a well-formed XML
  /// declaration naming another encoding, which libxml2 converts before FoundationXML sees it.
  /// libxml2 ignores a declaration with the least fault in it (`<?xml version="1.0" ="1.0"
  /// encoding="ISO-8859-1"?>`, found by fuzzing), and so does this.
  static func declaresAnotherEncoding(_ data: Data) -> Bool {
    if data.starts(with: [0xFE, 0xFF]) || data.starts(with: [0xFF, 0xFE]) { return true }
    guard let end = data.prefix(200).firstRange(of: Array("?>".utf8)),
      let declaration = String(bytes: data[data.startIndex..<end.upperBound], encoding: .ascii),
      let match = declaration.wholeMatch(of: xmlDeclaration)
    else { return false }
    return !["utf-8", "utf8"].contains(match.output.encoding.lowercased())
  }

  nonisolated(unsafe) private static let xmlDeclaration =
    #/<\?xml[ \t\r\n]+version[ ]*=[ ]*(?<q1>["'])1\.[0-9]+\k<q1>[ \t\r\n]+encoding[ ]*=[ ]*(?<q2>["'])(?<encoding>[A-Za-z][A-Za-z0-9._-]*)\k<q2>([ \t\r\n]+standalone[ ]*=[ ]*(?<q3>["'])(yes|no)\k<q3>)?[ \t\r\n]*\?>/#

  /// `data` with every processing instruction but the XML declaration turned into spaces
  /// (newlines kept, so lines keep their numbers): a book has no use for them, and FoundationXML
  /// dereferences a null pointer on one without data (`<?pi?>`, found by fuzzing).
  static func blankingProcessingInstructions(_ data: Data) -> Data {
    var bytes = [UInt8](data)
    var index = bytes.starts(with: Array("<?xml".utf8)) ? 5 : 0
    while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
      index = open + 1
      guard index < bytes.count, bytes[index] == UInt8(ascii: "?") else { continue }
      guard
        let close = bytes[index...].indices.first(where: {
          bytes[$0] == UInt8(ascii: "?") && $0 + 1 < bytes.count && bytes[$0 + 1] == UInt8(ascii: ">") && $0 > index
        })
      else { break }
      for position in open...(close + 1) where bytes[position] != 0x0A { bytes[position] = 0x20 }
      index = close + 2
    }
    return Data(bytes)
  }

  /// The offset of the first byte that is not part of valid UTF-8; nil when all is.
  static func firstInvalidUTF8(_ data: Data) -> Int? {
    var parser = Unicode.UTF8.ForwardParser()
    var bytes = data.makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &bytes) {
      case .valid(let scalar): offset += scalar.count
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }

  package static func describe(parserError code: Int) -> String {
    switch code {
    case 4: "the document is empty"
    case 5: "the document ends before its elements are closed"
    case 9: "a character that XML does not allow"
    case 23: "an '&' that does not start an entity (write '&amp;')"
    case 26, 27: "an entity that is not declared"
    case 38: "a '<' inside an attribute value"
    case 39: "an attribute value without quotes"
    case 40: "an attribute value that is not closed"
    case 41: "an attribute without a value"
    case 42: "the same attribute twice on one element"
    case 68: "a name was expected after '<' or '&' (write '&lt;' or '&amp;' for the character itself)"
    case 73: "a '>' was expected"
    case 76: "a closing tag that does not match the open element (an HTML '<br>' must be '<br/>' in XHTML)"
    case 45: "a comment that is never closed"
    case 77: "an element that is never closed"
    case 85: "elements that are not properly nested"
    case 86: "extra content after the document's root element"
    case 89: "an entity that refers to itself or expands too far (the entity expansion limit was passed)"
    default: "libxml2 error \(code)"
    }
  }
}
