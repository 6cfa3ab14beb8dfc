import Foundation
import Testing

@testable import AudiobookPublish

/// The readable text of a document, character by character, with the bytes it was written as.
struct XHTMLTextStreamTests {
  static let document = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE html>
    <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Not Read</title><style>p { x: y }</style></head>
    <body><!-- a <comment> --><p id="first">Tea &amp; <em>Toast</em>&#160;&#x2014; caf\u{E9}!</p>
    <script>var no = "read";</script><p>Two</p></body></html>
    """

  @Test func readsTheTextAndNothingElse() {
    let stream = XHTMLTextStream(Array(Self.document.utf8))
    let text = String(String.UnicodeScalarView(stream.scalars))
    #expect(
      text.split(whereSeparator: \.isNewline) == ["Tea & Toast\u{A0}\u{2014} caf\u{E9}!", "Two"],
      "\(text.debugDescription)")
    #expect(stream.keys == XHTMLTextStream.keys(of: "teatoastcaféTwo"))
    #expect(stream.ids == ["first"])
    #expect(stream.headEnd == Array(Self.document.utf8).firstRange(of: Array("</head>".utf8))?.lowerBound)
  }

  /// Each character knows its bytes: an entity is all of its reference, é its two bytes.
  @Test func eachCharacterKnowsItsBytes() {
    let bytes = Array(Self.document.utf8)
    let stream = XHTMLTextStream(bytes)
    let ampersand = stream.scalars.firstIndex(of: "&")!
    #expect(String(decoding: bytes[stream.rawStart(ampersand)..<stream.rawEnd(ampersand)], as: UTF8.self) == "&amp;")
    let accented = stream.scalars.firstIndex(of: "\u{E9}")!
    #expect(stream.rawEnd(accented) - stream.rawStart(accented) == 2)
    let em = stream.elements.first { $0.name == "em" }!
    #expect(em.isInline)
    #expect(String(decoding: bytes[em.start..<em.end], as: UTF8.self) == "<em>Toast</em>")
    #expect(em.firstKey == 3 && em.lastKey == 7)
  }
}
