/// Where each spoken piece of a book is in an EPUB's own documents, found by its letters and
/// digits, in reading order, and the spans that mark them.
///
/// A piece is looked for after the one before (in the same document or the next ones), within
/// a window, so one that is not there (a list item's number the renderer added) does not carry
/// the search away. A span must hold whole elements: a piece that starts at the start of an
/// inline element (`<em>`) and ends past it grows to hold the element; one that cannot be held
/// whole (a sentence ending inside an `<em>` that goes on) is marked up to the end of its first
/// piece of text only.
struct TextAnchors {
  /// A piece found: the document and the bytes a span goes around.
  struct Anchor: Equatable {
    var document: Int
    var start: Int
    var end: Int
  }

  /// The keys a sentence may be looked for past the last one found, and a word.
  static let sentenceWindow = 20_000
  static let shortWindow = 2_000

  /// The documents' text, read when the search reaches them and let go once it is past them.
  private let load: (Int) -> XHTMLTextStream?
  private let count: Int
  private var streams: [Int: XHTMLTextStream] = [:]
  /// What the read-along book needs of each document searched: its ids and where `</head>` is.
  private(set) var ids: [Int: Set<String>] = [:]
  private(set) var headEnds: [Int: Int] = [:]
  /// The namespace prefix of each document's elements (`h:`), mostly "".
  private(set) var prefixes: [Int: String] = [:]
  /// Where the search goes on: a document and a key in it.
  private var document = 0
  private var key = 0
  /// Per document, the last byte a span already holds.
  private var taken: [Int: Int] = [:]
  /// Keys passed over by all searches, and the keys read: searches for pieces that are not
  /// there shrink to a short window once they have passed 16 times the book's keys, so the
  /// time stays linear in the book.
  private var passed = 0
  private var read = 0

  /// - Parameters:
  ///   - count: how many documents there are.
  ///   - load: document `i`'s text; nil for one that cannot be read.
  init(count: Int, load: @escaping (Int) -> XHTMLTextStream?) {
    self.count = count
    self.load = load
  }

  /// The anchors of documents already read, as a stream (for tests).
  init(_ streams: [XHTMLTextStream]) {
    self.init(count: streams.count, load: { streams[$0] })
  }

  private mutating func stream(_ index: Int) -> XHTMLTextStream? {
    if let stream = streams[index] { return stream }
    guard let stream = load(index) else { return nil }
    // Documents before the search are done with.
    streams = streams.filter { $0.key >= document }
    streams[index] = stream
    ids[index] = stream.ids
    headEnds[index] = stream.headEnd
    prefixes[index] = stream.prefix
    read += stream.keys.count
    return stream
  }

  /// The next place `text` is, after the last one found; nil when it is not within the window.
  mutating func find(_ text: String, short: Bool) -> Anchor? {
    if let found = find(keys: XHTMLTextStream.keys(of: text), short: short) { return found }
    // An ordered list item is read with its number, which the document's list does not write.
    guard let number = text.prefixMatch(of: /\s*\d{1,4}[.)]\s+/) else { return nil }
    return find(keys: XHTMLTextStream.keys(of: String(text[number.range.upperBound...])), short: short)
  }

  private mutating func find(keys wanted: [UInt32], short: Bool) -> Anchor? {
    guard !wanted.isEmpty else { return nil }
    var budget = short || wanted.count < 12 ? Self.shortWindow : Self.sentenceWindow
    if passed > 1_000_000 + 16 * read { budget = 64 }
    let target = XHTMLTextStream.hash(wanted)
    var power: UInt64 = 1
    for _ in wanted { power = power &* XHTMLTextStream.hashBase }
    var (document, key) = (self.document, self.key)
    while document < count, budget > 0 {
      guard let stream = stream(document) else {
        (document, key) = (document + 1, 0)
        continue
      }
      let keys = stream.keys
      let last = min(keys.count - wanted.count, key + budget)
      if last >= key {
        for at in key...last
        where stream.hash(at..<(at + wanted.count), power: power) == target
          && keys[at..<(at + wanted.count)].elementsEqual(wanted)
          && stream.isWordBoundary(beforeKey: at) && stream.isWordBoundary(beforeKey: at + wanted.count)
        {
          passed += at - key
          self.document = document
          self.key = at + wanted.count
          return anchor(stream, document, at, at + wanted.count - 1)
        }
      }
      passed += max(0, keys.count - key)
      budget -= max(0, keys.count - key)
      (document, key) = (document + 1, 0)
    }
    return nil
  }

  /// The bytes a span around keys `first...last` of `document` goes around.
  private mutating func anchor(_ stream: XHTMLTextStream, _ document: Int, _ first: Int, _ last: Int) -> Anchor {
    let taken = self.taken[document] ?? 0
    var lower = stream.keyScalar(first)
    var upper = stream.keyScalar(last)
    // Punctuation that clings to the piece (an opening quote, a full stop) goes with it.
    while lower > 0, stream.node(lower - 1) == stream.node(lower), Self.clings(stream.scalars[lower - 1]),
      stream.rawStart(lower - 1) >= taken
    {
      lower -= 1
    }
    while upper + 1 < stream.scalars.count, stream.node(upper + 1) == stream.node(upper),
      Self.clings(stream.scalars[upper + 1])
    {
      upper += 1
    }
    var start = stream.rawStart(lower)
    var end = stream.rawEnd(upper)
    var (low, high) = (stream.nodeParent[stream.node(lower)], stream.nodeParent[stream.node(upper)])
    while low != high || !stream.holdsOnlyPhrasing(start..<end) {
      // A span cannot hold a block, a figure, or a ruby's `rt` without its `ruby`.
      if low == high {
        (start, end) = Self.firstText(of: stream, from: lower)
        break
      }
      let (a, b) = (stream.elements[low], stream.elements[high])
      if a.depth >= b.depth, a.isInline, a.firstKey == first, a.start >= taken, let parent = a.parent {
        start = a.start
        low = parent
      } else if b.depth >= a.depth, b.isInline, b.lastKey == last, let parent = b.parent {
        end = b.end
        high = parent
      } else {
        // Cannot be held whole: its first piece of text only.
        (start, end) = Self.firstText(of: stream, from: lower)
        break
      }
    }
    self.taken[document] = end
    return Anchor(document: document, start: start, end: end)
  }

  /// The bytes from character `lower` to the end of its text node.
  private static func firstText(of stream: XHTMLTextStream, from lower: Int) -> (Int, Int) {
    let node = stream.node(lower)
    var index = lower
    while index + 1 < stream.scalars.count, stream.node(index + 1) == node { index += 1 }
    return (stream.rawStart(lower), stream.rawEnd(index))
  }

  /// Whether `scalar` is punctuation that belongs to the word beside it.
  private static func clings(_ scalar: Unicode.Scalar) -> Bool {
    !scalar.properties.isWhitespace && XHTMLTextStream.key(scalar) == nil && scalar != "\u{A0}"
  }
}
