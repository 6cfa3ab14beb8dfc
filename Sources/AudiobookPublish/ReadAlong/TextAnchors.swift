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

  private var streams: [XHTMLTextStream]
  /// Where the search goes on: a document and a key in it.
  private var document = 0
  private var key = 0
  /// Per document, the last byte a span already holds.
  private var taken: [Int]

  init(_ streams: [XHTMLTextStream]) {
    self.streams = streams
    taken = Array(repeating: 0, count: streams.count)
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
    var (document, key) = (self.document, self.key)
    while document < streams.count, budget > 0 {
      let keys = streams[document].keys
      let last = min(keys.count - wanted.count, key + budget)
      if last >= key {
        var at = key
        while at <= last {
          if keys[at] == wanted[0] && keys[at..<(at + wanted.count)].elementsEqual(wanted) {
            self.document = document
            self.key = at + wanted.count
            return anchor(document, at, at + wanted.count - 1)
          }
          at += 1
        }
      }
      budget -= max(0, keys.count - key)
      document += 1
      key = 0
    }
    return nil
  }

  /// The bytes a span around keys `first...last` of `document` goes around.
  private mutating func anchor(_ document: Int, _ first: Int, _ last: Int) -> Anchor {
    let stream = streams[document]
    var lower = stream.keyScalar[first]
    var upper = stream.keyScalar[last]
    // Punctuation that clings to the piece (an opening quote, a full stop) goes with it.
    while lower > 0, stream.node[lower - 1] == stream.node[lower], Self.clings(stream.scalars[lower - 1]),
      stream.rawStart[lower - 1] >= taken[document]
    {
      lower -= 1
    }
    while upper + 1 < stream.scalars.count, stream.node[upper + 1] == stream.node[upper],
      Self.clings(stream.scalars[upper + 1])
    {
      upper += 1
    }
    var start = stream.rawStart[lower]
    var end = stream.rawEnd[upper]
    var (low, high) = (stream.nodeParent[stream.node[lower]], stream.nodeParent[stream.node[upper]])
    while low != high {
      let (a, b) = (stream.elements[low], stream.elements[high])
      if a.depth >= b.depth, a.isInline, a.firstKey == first, a.start >= taken[document], let parent = a.parent {
        start = a.start
        low = parent
      } else if b.depth >= a.depth, b.isInline, b.lastKey == last, let parent = b.parent {
        end = b.end
        high = parent
      } else {
        // Cannot be held whole: its first piece of text only.
        start = stream.rawStart[lower]
        let node = stream.node[lower]
        var index = lower
        while index + 1 < stream.scalars.count, stream.node[index + 1] == node { index += 1 }
        end = stream.rawEnd[index]
        break
      }
    }
    taken[document] = end
    return Anchor(document: document, start: start, end: end)
  }

  /// Whether `scalar` is punctuation that belongs to the word beside it.
  private static func clings(_ scalar: Unicode.Scalar) -> Bool {
    !scalar.properties.isWhitespace && XHTMLTextStream.key(scalar) == nil && scalar != "\u{A0}"
  }
}
