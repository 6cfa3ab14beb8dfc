/// The state machine behind `Quotations.find`: a stack of the marks open at the current character.
///
/// The first mark pushed opens an outermost quotation and the pop that empties the stack closes it; marks of
/// either kind in between are nested quotations and belong to it.
struct QuotationScanner {
  /// One open mark: its kind and the character that opened it (which decides what may close it).
  struct Open {
    var mark: QuoteMark
    var opener: Character
  }

  /// Nesting deeper than this is noise (a paragraph of nothing but marks); further openers are ignored.
  static let maximumDepth = 8

  let text: [Character]
  /// The index of the first non-space character: where a continued quotation must open.
  let firstVisible: Int
  /// The index of the last character that could close a single quotation (see `SingleMarks`), or -1.
  let lastSingleCloser: Int
  /// Under fiction's convention the opening mark of a continued speech comes first in its paragraph, even when
  /// its first word looks like an elision ('Twas).
  let continuedSingle: Bool
  var stack: [Open] = []
  var start = 0
  var found: [Quotation] = []

  init(_ text: [Character], openBefore: QuoteMark?) {
    self.text = text
    firstVisible = text.firstIndex { !$0.isWhitespace } ?? text.count
    lastSingleCloser = SingleMarks.lastCloser(in: text)
    continuedSingle = openBefore == .single
  }

  /// Reads every character once.
  mutating func run() {
    var index = 0
    while index < text.count {
      guard Self.mayBeMark(text[index]) else {
        index += 1
        continue
      }
      switch text[index] {
      case "\u{201C}": leftDouble(at: index)
      case "\u{201D}": rightDouble(at: index)
      case "\u{201E}": push(.double, at: index)
      case "«", "»": guillemet(at: index)
      case "\"": straightDouble(at: index)
      case "\u{2018}", "\u{201A}": index = leftSingle(at: index)
      case "\u{2019}", "'": index = rightOrStraightSingle(at: index)
      default: break
      }
      index += 1
    }
  }

  /// Whether `character` may be a quote mark, by its first UTF-8 byte: ", ', or the lead byte of « » (C2) and of
  /// the curly marks (E2). Comparing Characters is slow, and most characters are no marks.
  static func mayBeMark(_ character: Character) -> Bool {
    let byte = character.utf8.first
    return byte == 0x22 || byte == 0x27 || byte == 0xE2 || byte == 0xC2
  }

  /// Records a quotation left open at the paragraph's end and returns its mark (nil when none is open).
  func finish(into found: inout [Quotation]) -> QuoteMark? {
    guard let outer = stack.first else { return nil }
    found.append(Quotation(range: start..<text.count, mark: outer.mark, isOpenAtEnd: true))
    return outer.mark
  }

  // MARK: - Double marks

  /// “ opens, but closes a German „…“ and stands for ” where only a closing mark fits.
  mutating func leftDouble(at index: Int) {
    let context = MarkContext(text, index)
    if let top = stack.last, top.mark == .double, top.opener == "\u{201E}" || context.isClosingOnly {
      close(through: stack.count - 1, at: index)
    } else if stack.count == 1, stack[0].mark == .double {
      restart(at: index)
    } else {
      push(.double, at: index)
    }
  }

  /// ” closes the innermost open double quotation (and any single marks left open inside it); with nothing open
  /// it opens (the Scandinavian ”…”) only where an opening mark fits.
  mutating func rightDouble(at index: Int) {
    if let open = stack.lastIndex(where: { $0.mark == .double }) {
      close(through: open, at: index)
    } else if MarkContext(text, index).isOpeningOnly {
      push(.double, at: index)
    }
  }

  /// « and » open and close each other in either order (French «…», German »…«).
  mutating func guillemet(at index: Int) {
    let mark = text[index]
    let partner: Character = mark == "«" ? "»" : "«"
    if let open = stack.lastIndex(where: { $0.opener == partner }) {
      close(through: open, at: index)
    } else if mark == "«" || MarkContext(text, index).isOpeningOnly {
      push(.double, at: index)
    }
  }

  /// " decides by its neighbours; where they do not tell, it closes an open straight quotation or opens one.
  mutating func straightDouble(at index: Int) {
    let context = MarkContext(text, index)
    let open = stack.lastIndex { $0.opener == "\"" }
    if context.isMeasure { return }
    if context.isClosingOnly {
      if let open { close(through: open, at: index) }
    } else if context.isOpeningOnly {
      if stack.count == 1, open == 0 {
        restart(at: index)
      } else if stack.last?.opener == "\"" {
        close(through: stack.count - 1, at: index)
      } else {
        push(.double, at: index)
      }
    } else if let open {
      close(through: open, at: index)
    } else {
      push(.double, at: index)
    }
  }

  // MARK: - Single marks

  /// ‘ (and the German low ‚) opens a single quotation unless it is an apostrophe typed the wrong way round.
  /// Returns the index to go on from.
  mutating func leftSingle(at index: Int) -> Int {
    let context = MarkContext(text, index)
    if let top = stack.last, top.opener == "\u{201A}", text[index] == "\u{2018}" {
      close(through: stack.count - 1, at: index)
      return index
    }
    if context.isInsideWord { return index }
    if let skip = elision(at: index) { return skip }
    push(.single, at: index)
    return index
  }

  /// ’ and ' are apostrophes unless their neighbours make them quote marks. Returns the index to go on from.
  mutating func rightOrStraightSingle(at index: Int) -> Int {
    let context = MarkContext(text, index)
    if context.isInsideWord || context.isMeasure { return index }
    if let skip = elision(at: index) { return skip }
    let innermostSingle = stack.last?.mark == .single
    if context.isClosingOnly {
      if innermostSingle, !SingleMarks.isApostrophe(in: text, at: index, laterCloser: lastSingleCloser > index) {
        close(through: stack.count - 1, at: index)
      }
    } else if context.isOpeningOnly {
      if text[index] == "'" { push(.single, at: index) }
    } else if innermostSingle {
      close(through: stack.count - 1, at: index)
    }
    return index
  }

  /// When the mark at `index` begins an elision ('tis, ’em, 'n'), the index of its last mark; otherwise nil.
  /// A capitalised elision ('Twas) may instead open a quotation when a closing mark follows later.
  func elision(at index: Int) -> Int? {
    guard let length = SingleMarks.elisionLength(in: text, at: index, leftMark: text[index] == "\u{2018}") else {
      return nil
    }
    let capital = text[index + 1].isUppercase
    if capital, text[index] != "\u{2019}", lastSingleCloser > index || (continuedSingle && index == firstVisible) {
      return nil
    }
    let end = index + length
    if end + 1 < text.count, SingleMarks.isSingle(text[end + 1]), length == 1 { return end + 1 }
    return index
  }

  // MARK: - The stack

  /// Opens a mark; the first opens an outermost quotation.
  mutating func push(_ mark: QuoteMark, at index: Int) {
    guard stack.count < Self.maximumDepth else { return }
    if stack.isEmpty { start = index }
    stack.append(Open(mark: mark, opener: text[index]))
  }

  /// Closes the open mark at `level` and every mark opened after it; emptying the stack ends a quotation.
  mutating func close(through level: Int, at index: Int) {
    let outer = stack[0].mark
    stack.removeSubrange(level...)
    if stack.isEmpty {
      found.append(Quotation(range: start..<(index + 1), mark: outer))
    }
  }

  /// An opening mark where the same kind is already open at the outermost level: the earlier quotation was never
  /// closed, so it ends here and a new one begins (better than swallowing the paragraph).
  mutating func restart(at index: Int) {
    let outer = stack[0].mark
    if start < index { found.append(Quotation(range: start..<index, mark: outer)) }
    stack.removeAll()
    push(outer, at: index)
  }
}
