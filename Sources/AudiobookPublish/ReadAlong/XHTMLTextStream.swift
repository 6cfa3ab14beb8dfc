import AudiobookBook

/// An XHTML document's readable text as a stream of characters, each with the bytes of the
/// document it was written as, so that spans can be put around a stretch of text without
/// touching anything else: the read-along book keeps an EPUB's own documents this way.
///
/// Read straight from the bytes (the document has been parsed as XML already, for the render):
/// comments, processing instructions, the doctype and CDATA are passed over; entity references
/// are decoded; text inside `head`, scripts, styles and other unread elements is left out.
struct XHTMLTextStream {
  /// An element, where its tags are, and the first and last letter or digit inside it.
  struct Element {
    var name: String
    /// The offset of its start tag's `<`, and of the `>` that ends it.
    var start: Int
    var startTagEnd: Int
    /// The offset just past its end tag (past the start tag when it is empty, `<br/>`).
    var end: Int
    var parent: Int?
    var depth: Int
    var firstKey: Int?
    var lastKey: Int?

    var isInline: Bool { XHTMLTextStream.inlineElements.contains(name) }
  }

  /// The decoded text, and for each character its bytes in the document and its text node.
  private(set) var scalars: [Unicode.Scalar] = []
  private(set) var rawStart: [Int] = []
  private(set) var rawEnd: [Int] = []
  private(set) var node: [Int] = []
  /// Each text node's parent element.
  private(set) var nodeParent: [Int] = []
  /// The letters and digits, lowercased, and where each is in `scalars`.
  private(set) var keys: [UInt32] = []
  private(set) var keyScalar: [Int] = []
  private(set) var elements: [Element] = []
  /// Every id in the document.
  private(set) var ids: Set<String> = []
  /// The offset of `</head>`, and the `body` element.
  private(set) var headEnd: Int?

  static let inlineElements: Set<String> = [
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd",
    "label", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
  ]

  static let unreadElements: Set<String> = [
    "head", "title", "script", "style", "template", "noscript", "svg", "math", "rt", "rp", "textarea", "select",
    "button", "object", "iframe", "video", "audio", "canvas",
  ]

  /// The letter or digit `scalar` as the stream keys it (lowercased), or nil.
  static func key(_ scalar: Unicode.Scalar) -> UInt32? {
    let value = scalar.value
    if value < 0x80 {
      if (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) { return value }
      if (0x41...0x5A).contains(value) { return value + 0x20 }
      return nil
    }
    guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { return nil }
    return scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? value
  }

  /// The keys of `text`.
  static func keys(of text: String) -> [UInt32] { text.unicodeScalars.compactMap(key) }

  init(_ bytes: [UInt8]) {
    var stack: [Int] = []
    var unread = 0
    var index = 0
    let count = bytes.count
    func find(_ pattern: [UInt8], from start: Int) -> Int? {
      guard pattern.count <= count else { return nil }
      var at = start
      while at + pattern.count <= count {
        if bytes[at] == pattern[0] && Array(bytes[at..<(at + pattern.count)]) == pattern { return at }
        at += 1
      }
      return nil
    }
    while index < count {
      if bytes[index] == UInt8(ascii: "<") {
        if bytes[index...].starts(with: Array("<!--".utf8)) {
          index = (find(Array("-->".utf8), from: index + 4) ?? count - 3) + 3
        } else if bytes[index...].starts(with: Array("<![CDATA[".utf8)) {
          index = (find(Array("]]>".utf8), from: index + 9) ?? count - 3) + 3
        } else if bytes[index...].starts(with: Array("<?".utf8)) {
          index = (find(Array("?>".utf8), from: index + 2) ?? count - 2) + 2
        } else if bytes[index...].starts(with: Array("<!".utf8)) {
          index = skipDeclaration(bytes, from: index)
        } else if index + 1 < count && bytes[index + 1] == UInt8(ascii: "/") {
          let close = (find([UInt8(ascii: ">")], from: index) ?? count - 1) + 1
          if let open = stack.popLast() {
            elements[open].end = close
            if Self.unreadElements.contains(elements[open].name) { unread -= 1 }
            if elements[open].name == "head" { headEnd = index }
          }
          index = close
        } else {
          let tagEnd = Self.tagEnd(bytes, from: index)
          let tag = String(decoding: bytes[index..<min(count, tagEnd + 1)], as: UTF8.self)
          let name = Self.localName(of: tag)
          if let id = Self.id(in: tag) { ids.insert(id) }
          let element = Element(
            name: name, start: index, startTagEnd: tagEnd, end: tagEnd + 1, parent: stack.last, depth: stack.count,
            firstKey: nil, lastKey: nil)
          elements.append(element)
          let selfClosing = tagEnd > 0 && bytes[tagEnd - 1] == UInt8(ascii: "/")
          if !selfClosing {
            stack.append(elements.count - 1)
            if Self.unreadElements.contains(name) { unread += 1 }
          }
          index = tagEnd + 1
        }
        continue
      }
      // A text node, up to the next tag.
      var end = index
      while end < count && bytes[end] != UInt8(ascii: "<") { end += 1 }
      if unread == 0, let parent = stack.last {
        read(bytes, index..<end, parent: parent, stack: stack)
      }
      index = end
    }
  }

  /// Decodes the text node at `range` into the stream.
  private mutating func read(_ bytes: [UInt8], _ range: Range<Int>, parent: Int, stack: [Int]) {
    let nodeIndex = nodeParent.count
    nodeParent.append(parent)
    var at = range.lowerBound
    while at < range.upperBound {
      var scalar: Unicode.Scalar
      var next: Int
      if bytes[at] == UInt8(ascii: "&"), let (decoded, after) = Self.entity(bytes, at, range.upperBound) {
        (scalar, next) = (decoded, after)
      } else {
        let length = Self.sequenceLength(bytes[at])
        next = min(range.upperBound, at + length)
        let decoded = String(decoding: bytes[at..<next], as: UTF8.self).unicodeScalars
        scalar = decoded.first ?? "\u{FFFD}"
      }
      scalars.append(scalar)
      rawStart.append(at)
      rawEnd.append(next)
      node.append(nodeIndex)
      if let key = Self.key(scalar) {
        keys.append(key)
        keyScalar.append(scalars.count - 1)
        for element in stack {
          if elements[element].firstKey == nil { elements[element].firstKey = keys.count - 1 }
          elements[element].lastKey = keys.count - 1
        }
      }
      at = next
    }
  }

  private static func sequenceLength(_ lead: UInt8) -> Int {
    switch lead {
    case 0xF0...: 4
    case 0xE0...: 3
    case 0xC0...: 2
    default: 1
    }
  }

  /// The entity reference at `start` (`&amp;`, `&#8212;`, `&#x2014;`, `&nbsp;`) and the offset
  /// past it; nil when it is none.
  private static func entity(_ bytes: [UInt8], _ start: Int, _ limit: Int) -> (Unicode.Scalar, Int)? {
    var end = start + 1
    while end < limit && end - start < 40 && bytes[end] != UInt8(ascii: ";") { end += 1 }
    guard end < limit, bytes[end] == UInt8(ascii: ";") else { return nil }
    let name = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
    let value: UInt32?
    if name.hasPrefix("#x") || name.hasPrefix("#X") {
      value = UInt32(name.dropFirst(2), radix: 16)
    } else if name.hasPrefix("#") {
      value = UInt32(name.dropFirst())
    } else {
      let xml: [String: UInt32] = ["amp": 38, "lt": 60, "gt": 62, "quot": 34, "apos": 39]
      value = xml[name] ?? HTMLEntities.codePoints[name]
    }
    guard let value, let scalar = Unicode.Scalar(value) else { return nil }
    return (scalar, end + 1)
  }

  /// The offset of the `>` that ends the tag starting at `start`, quotes respected.
  private static func tagEnd(_ bytes: [UInt8], from start: Int) -> Int {
    var quote: UInt8?
    var at = start + 1
    while at < bytes.count {
      let byte = bytes[at]
      if let open = quote {
        if byte == open { quote = nil }
      } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        quote = byte
      } else if byte == UInt8(ascii: ">") {
        return at
      }
      at += 1
    }
    return bytes.count - 1
  }

  /// Past a `<!DOCTYPE ...>` declaration, its internal subset (`[...]`) included.
  private func skipDeclaration(_ bytes: [UInt8], from start: Int) -> Int {
    var depth = 0
    var at = start + 2
    while at < bytes.count {
      switch bytes[at] {
      case UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "]"): depth -= 1
      case UInt8(ascii: ">") where depth <= 0: return at + 1
      default: break
      }
      at += 1
    }
    return bytes.count
  }

  /// The element name of a start tag, without its namespace prefix.
  private static func localName(of tag: String) -> String {
    let name = tag.dropFirst().prefix { !$0.isWhitespace && $0 != "/" && $0 != ">" }
    return String(name.split(separator: ":").last ?? name)
  }

  /// The tag's `id` attribute.
  private static func id(in tag: String) -> String? {
    guard let match = tag.firstMatch(of: /\sid\s*=\s*(?:"([^"]*)"|'([^']*)')/) else { return nil }
    return match.1.map(String.init) ?? match.2.map(String.init)
  }
}
