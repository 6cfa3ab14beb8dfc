/// The kind of mark that opened a quotation: double (“ ” " „ « ») or single (‘ ’ ').
///
/// Dialogue is usually in one kind and quotations nested in it in the other, so the kind tells a
/// quotation continued in the next paragraph from an unrelated one.
public enum QuoteMark: Sendable, Equatable { case double, single }

/// A quotation in a paragraph, outermost only (a quotation nested inside another belongs to the outer one).
///
/// The unit the renderer reads in a speaker's voice; the text between quotations is narration.
public struct Quotation: Sendable, Equatable {
  /// Character offsets into the paragraph text (Array(text) indices), from the opening mark to the closing mark,
  /// both included; to the paragraph's end when it is left open.
  public var range: Range<Int>
  /// The kind of mark that opened it.
  public var mark: QuoteMark
  /// Whether it continues a quotation left open at the end of the previous paragraph (fiction's convention: a
  /// speech running over several paragraphs has no closing mark at the end of each paragraph but the last, and
  /// each new paragraph opens with a mark again).
  public var continues: Bool
  /// Whether it has no closing mark before the paragraph's end.
  public var isOpenAtEnd: Bool

  /// A quotation over `range`, so that callers and tests can build expected values.
  public init(range: Range<Int>, mark: QuoteMark, continues: Bool = false, isOpenAtEnd: Bool = false) {
    self.range = range
    self.mark = mark
    self.continues = continues
    self.isOpenAtEnd = isOpenAtEnd
  }
}

/// Finds the quotations in paragraphs of prose, telling quote marks from apostrophes, primes and elisions.
///
/// One left-to-right pass per paragraph with a small stack of open marks, so whole novels scan in linear time.
public enum Quotations {
  /// The outermost quotations of one paragraph. `openBefore`: the mark of a quotation the previous paragraph left
  /// open (nil when none); the result's `openAtEnd` is the same for the next paragraph.
  public static func find(
    in text: String, openBefore: QuoteMark? = nil
  ) -> (quotations: [Quotation], openAtEnd: QuoteMark?) {
    find(in: Array(text), openBefore: openBefore)
  }

  /// The same as `find(in:openBefore:)` on a paragraph already split into characters, for callers that keep the
  /// characters to read the narration between quotations.
  public static func find(
    in characters: [Character], openBefore: QuoteMark? = nil
  ) -> (quotations: [Quotation], openAtEnd: QuoteMark?) {
    var scanner = QuotationScanner(characters, openBefore: openBefore)
    scanner.run()
    var found = scanner.found
    let openAtEnd = scanner.finish(into: &found)
    if let openBefore, let first = found.first, first.mark == openBefore,
      first.range.lowerBound == scanner.firstVisible
    {
      found[0].continues = true
    }
    return (found, openAtEnd)
  }
}
