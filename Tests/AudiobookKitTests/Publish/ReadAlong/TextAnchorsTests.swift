import Foundation
import Testing

@testable import AudiobookPublish

/// Spans around the spoken pieces of a document: whole elements only, in reading order.
struct TextAnchorsTests {
  /// The document with a span around each of `pieces` found, as the read-along book writes it.
  static func marked(_ body: String, _ pieces: [String], short: Bool = false) -> String {
    let bytes = Array("<html><body>\(body)</body></html>".utf8)
    var anchors = TextAnchors([XHTMLTextStream(bytes)])
    var edits: [(offset: Int, order: Int, text: String)] = []
    for piece in pieces {
      guard let anchor = anchors.find(piece, short: short) else { continue }
      edits += [(anchor.start, 1, "<s>"), (anchor.end, 0, "</s>")]
    }
    let result = String(decoding: ReadAlongCarried.applying(edits, to: bytes), as: UTF8.self)
    return String(result.dropFirst("<html><body>".count).dropLast("</body></html>".count))
  }

  @Test func punctuationGoesWithItsSentence() {
    #expect(
      Self.marked(
        "<p>\u{201C}Who sent it?\u{201D} she asked. He did.</p>",
        ["\u{201C}Who sent it?\u{201D} she asked.", "He did."])
        == "<p><s>\u{201C}Who sent it?\u{201D} she asked.</s> <s>He did.</s></p>")
  }

  /// A sentence that starts or ends with an inline element holds all of it; markup inside a
  /// sentence stays inside its span.
  @Test func inlineElementsAreHeldWhole() {
    #expect(
      Self.marked(
        "<p><em>Stop.</em> Then <b>go</b> on. <i>All of it, <b>bold</b></i>.</p>",
        ["Stop.", "Then go on.", "All of it, bold."])
        == "<p><em><s>Stop.</s></em> <s>Then <b>go</b> on.</s> <i><s>All of it, <b>bold</b></s></i>.</p>")
  }

  /// A sentence that ends inside an element going on past it is marked up to that element.
  @Test func aSentenceThatCannotBeHeldWholeIsMarkedInPart() {
    #expect(
      Self.marked("<p><em>Nobody knew. Not</em> even he.</p>", ["Nobody knew.", "Not even he."])
        == "<p><em><s>Nobody knew.</s> <s>Not</s></em> even he.</p>")
  }

  /// Sentences in two blocks (a title split over two headings) are marked in the first.
  @Test func blocksAreNeverCrossed() {
    #expect(
      Self.marked("<h1>Chapter 1</h1><h2>The Letter</h2>", ["Chapter 1: The Letter"])
        == "<h1><s>Chapter 1</s></h1><h2>The Letter</h2>")
  }

  /// An ordered list's number is the renderer's, not the document's; a piece not there at all
  /// does not carry the search away from the pieces after it.
  @Test func listNumbersAndMissingPiecesAreNoObstacle() {
    #expect(
      Self.marked(
        "<ol><li>Pack the lamp.</li></ol><p>It was late.</p>", ["1. Pack the lamp.", "Nowhere in it.", "It was late."])
        == "<ol><li><s>Pack the lamp.</s></li></ol><p><s>It was late.</s></p>")
  }

  @Test func wordsAreMarkedOneByOne() {
    #expect(
      Self.marked("<p>The <em>sea,</em> grey.</p>", ["The", "sea,", "grey."], short: true)
        == "<p><s>The</s> <em><s>sea,</s></em> <s>grey.</s></p>")
  }

  /// A piece is a run of whole words: a title "I" is not the i of "Epilogue".
  @Test func piecesAreWholeWords() {
    #expect(
      Self.marked("<h1>Epilogue</h1><p>Epilogue text.</p>", ["I", "Epilogue", "Epilogue text."])
        == "<h1><s>Epilogue</s></h1><p><s>Epilogue text.</s></p>")
    #expect(Self.marked("<p>end</p><p>Start here.</p>", ["Start here."]) == "<p>end</p><p><s>Start here.</s></p>")
  }

  /// A span holds no block, figure or lone `rt`; what the renderer does not read (a note
  /// reference, a page break) is not looked for.
  @Test func spansHoldOnlyWhatASpanMayHold() {
    #expect(
      Self.marked(#"<div>It was lit <figure><img src="a.png"/></figure> at dusk.</div>"#, ["It was lit at dusk."])
        == #"<div><s>It was lit </s><figure><img src="a.png"/></figure> at dusk.</div>"#)
    #expect(
      Self.marked(##"<p>He wrote<a epub:type="noteref" href="#n">1</a> it down.</p>"##, ["He wrote it down."])
        == ##"<p><s>He wrote<a epub:type="noteref" href="#n">1</a> it down.</s></p>"##)
    #expect(
      Self.marked("<p><ruby>Lamp<rt>a</rt> lit<rt>b</rt></ruby> at dusk.</p>", ["Lamp lit at dusk."])
        == "<p><s><ruby>Lamp<rt>a</rt> lit<rt>b</rt></ruby> at dusk.</s></p>")
  }
}
