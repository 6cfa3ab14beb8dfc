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
    /// How many keys came before it.
    var keysBefore: Int

    var isInline: Bool { XHTMLTextStream.inlineElements.contains(name) }
    /// Whether a span may hold it whole (phrasing content).
    var isPhrasing: Bool { isInline || XHTMLTextStream.phrasingElements.contains(name) }
  }

  /// The decoded text, and for each character its bytes in the document and its text node
  /// (32-bit: documents are at most 32 MiB; about 20 bytes a character in all).
  private(set) var scalars: [Unicode.Scalar] = []
  private var starts: [UInt32] = []
  private var ends: [UInt32] = []
  private var nodes: [UInt32] = []
  /// Each text node's parent element, and its nearest ancestor that is not inline (two text
  /// nodes in different blocks are different words, though nothing lies between them).
  private(set) var nodeParent: [Int] = []
  private var nodeBlock: [Int] = []
  /// The letters and digits, lowercased, and where each is in `scalars`.
  private(set) var keys: [UInt32] = []
  private var keyScalars: [UInt32] = []
  /// `hashes[i]`: a polynomial hash of `keys[..<i]`, for finding a run of keys in time linear
  /// in the keys passed, however long the run.
  private(set) var hashes: [UInt64] = [0]
  static let hashBase: UInt64 = 1_000_003

  func rawStart(_ index: Int) -> Int { Int(starts[index]) }
  func rawEnd(_ index: Int) -> Int { Int(ends[index]) }
  func node(_ index: Int) -> Int { Int(nodes[index]) }
  func keyScalar(_ index: Int) -> Int { Int(keyScalars[index]) }

  /// The hash of `keys[range]`, given `power` = `hashBase` to the range's length.
  func hash(_ range: Range<Int>, power: UInt64) -> UInt64 {
    hashes[range.upperBound] &- hashes[range.lowerBound] &* power
  }

  /// The hash of `keys` as `hash(_:power:)` computes it for a run of a stream.
  static func hash(_ keys: [UInt32]) -> UInt64 {
    keys.reduce(0) { $0 &* hashBase &+ UInt64($1) }
  }
  private(set) var elements: [Element] = []
  /// Every id in the document.
  private(set) var ids: Set<String> = []
  /// The offset of `</head>`.
  private(set) var headEnd: Int?
  /// The namespace prefix of the document's elements (`h:` in `<h:html>`), mostly none.
  private(set) var prefix = ""
  /// Whether the document is UTF-8 (a span can be put into it as UTF-8 bytes).
  let isUTF8: Bool

  static let inlineElements: Set<String> = [
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd",
    "label", "mark", "q", "ruby", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u",
    "var",
  ]

  /// Phrasing elements a span may hold besides the inline ones (`rt` and `rp` only inside a
  /// `ruby` it holds too).
  static let phrasingElements: Set<String> = ["br", "wbr", "img", "rt", "rp", "svg", "math"]

  static let unreadElements: Set<String> = [
    "head", "title", "script", "style", "template", "noscript", "svg", "math", "rt", "rp", "textarea", "select",
    "button", "object", "iframe", "video", "audio", "canvas",
  ]

  /// Whether a word starts or ends between key `index - 1` and key `index`: something that is
  /// not a letter or digit lies between them (a word is never found inside another).
  func isWordBoundary(beforeKey index: Int) -> Bool {
    guard index > 0, index < keys.count else { return true }
    let (before, after) = (keyScalar(index - 1), keyScalar(index))
    return after - before > 1 || nodeBlock[node(before)] != nodeBlock[node(after)]
  }

  /// Whether every element starting in `range` (bytes) is phrasing content a span may hold,
  /// a `ruby`'s `rt` or `rp` only with its `ruby`.
  func holdsOnlyPhrasing(_ range: Range<Int>) -> Bool {
    var low = 0
    var high = elements.count
    while low < high {
      let middle = (low + high) / 2
      if elements[middle].start < range.lowerBound { low = middle + 1 } else { high = middle }
    }
    var index = low
    while index < elements.count, elements[index].start < range.upperBound {
      let element = elements[index]
      guard element.isPhrasing else { return false }
      if ["rt", "rp"].contains(element.name) {
        guard let parent = element.parent, elements[parent].start >= range.lowerBound else { return false }
      }
      index += 1
    }
    return true
  }

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
    isUTF8 = Self.isUTF8(bytes)
    var stack: [Int] = []
    // The open elements whose text is not read.
    var unreadOpen: [Int] = []
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
            if unreadOpen.last == open { unreadOpen.removeLast() }
            elements[open].end = close
            if keys.count > elements[open].keysBefore {
              elements[open].firstKey = elements[open].keysBefore
              elements[open].lastKey = keys.count - 1
            }
            if elements[open].name == "head" { headEnd = index }
          }
          index = close
        } else {
          let tagEnd = Self.tagEnd(bytes, from: index)
          let tag = String(decoding: bytes[index..<min(count, tagEnd + 1)], as: UTF8.self)
          let name = Self.localName(of: tag)
          let attributes = Self.attributes(of: tag)
          if let id = attributes["id"] { ids.insert(id) }
          if elements.isEmpty,
            let colon = tag.dropFirst().prefix(while: { !$0.isWhitespace && $0 != ">" }).firstIndex(of: ":")
          {
            prefix = String(tag[tag.index(after: tag.startIndex)...colon])
          }
          let element = Element(
            name: name, start: index, startTagEnd: tagEnd, end: tagEnd + 1, parent: stack.last, depth: stack.count,
            firstKey: nil, lastKey: nil, keysBefore: keys.count)
          elements.append(element)
          let selfClosing = tagEnd > 0 && bytes[tagEnd - 1] == UInt8(ascii: "/")
          if !selfClosing {
            stack.append(elements.count - 1)
            if Self.isUnread(name, attributes) { unreadOpen.append(elements.count - 1) }
          }
          index = tagEnd + 1
        }
        continue
      }
      // A text node, up to the next tag.
      var end = index
      while end < count && bytes[end] != UInt8(ascii: "<") { end += 1 }
      if unreadOpen.isEmpty, let parent = stack.last {
        nodeBlock.append(stack.last { !elements[$0].isInline } ?? -1)
        read(bytes, index..<end, parent: parent)
      }
      index = end
    }
  }

  /// Decodes the text node at `range` into the stream.
  private mutating func read(_ bytes: [UInt8], _ range: Range<Int>, parent: Int) {
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
      starts.append(UInt32(truncatingIfNeeded: at))
      ends.append(UInt32(truncatingIfNeeded: next))
      nodes.append(UInt32(truncatingIfNeeded: nodeIndex))
      if let key = Self.key(scalar) {
        keys.append(key)
        keyScalars.append(UInt32(truncatingIfNeeded: scalars.count - 1))
        hashes.append((hashes.last ?? 0) &* Self.hashBase &+ UInt64(key))
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

  /// The tag's attributes by name as written (`epub:type`); `hidden` and other attributes
  /// without a value map to "".
  private static func attributes(of tag: String) -> [String: String] {
    // Read by hand: a regular expression per tag costs more than all the rest of the reading.
    var attributes: [String: String] = [:]
    let bytes = Array(tag.utf8)
    var at = 1
    while at < bytes.count, !isSpace(bytes[at]), bytes[at] != UInt8(ascii: ">") { at += 1 }  // the name
    while at < bytes.count {
      while at < bytes.count, isSpace(bytes[at]) || bytes[at] == UInt8(ascii: "/") { at += 1 }
      let nameStart = at
      while at < bytes.count, !isSpace(bytes[at]),
        ![UInt8(ascii: "="), UInt8(ascii: ">"), UInt8(ascii: "/")].contains(bytes[at])
      {
        at += 1
      }
      guard at > nameStart else { break }
      let name = String(decoding: bytes[nameStart..<at], as: UTF8.self)
      while at < bytes.count, isSpace(bytes[at]) { at += 1 }
      guard at < bytes.count, bytes[at] == UInt8(ascii: "=") else {
        attributes[name] = ""
        continue
      }
      at += 1
      while at < bytes.count, isSpace(bytes[at]) { at += 1 }
      guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") || bytes[at] == UInt8(ascii: "'") else { break }
      let quote = bytes[at]
      let valueStart = at + 1
      at = valueStart
      while at < bytes.count, bytes[at] != quote { at += 1 }
      attributes[name] = String(decoding: bytes[valueStart..<min(at, bytes.count)], as: UTF8.self)
      at += 1
    }
    return attributes
  }

  private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

  /// Whether the renderer leaves an element's text unread, as `XHTMLText` decides it: unread
  /// elements, hidden ones, notes, page breaks and front matter by `epub:type` or `role`.
  private static func isUnread(_ name: String, _ attributes: [String: String]) -> Bool {
    if unreadElements.contains(name) || XHTMLText.silentElements.contains(name.lowercased()) { return true }
    if attributes["hidden"] != nil || attributes["aria-hidden"] == "true" { return true }
    if let style = attributes["style"], style.lowercased().filter({ !$0.isWhitespace }).contains("display:none") {
      return true
    }
    let kinds = attributes.filter { $0.key == "role" || $0.key.hasSuffix(":type") }.values.flatMap {
      $0.split(separator: " ").map(String.init)
    }
    return kinds.contains {
      XHTMLText.silentTypes.contains($0) || XHTMLText.silentRoles.contains($0)
        || XHTMLText.frontMatterTypes.contains($0)
    }
  }

  /// Whether `bytes` are UTF-8: no UTF-16 byte order mark or encoding declaration.
  private static func isUTF8(_ bytes: [UInt8]) -> Bool {
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return false }
    let head = String(decoding: bytes.prefix(200), as: UTF8.self).lowercased()
    guard let match = head.firstMatch(of: /encoding\s*=\s*["']([^"']+)["']/) else { return true }
    return ["utf-8", "utf8"].contains(String(match.1))
  }
}
