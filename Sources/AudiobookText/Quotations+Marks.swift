/// What the characters either side of a quote mark say about it: whether it can open or close a quotation, or
/// is no quote mark at all (an apostrophe inside a word, a prime after a number).
struct MarkContext {
  /// Characters after which a mark opens: besides spaces, brackets, dashes and opening marks (“‘ in ‘“…).
  static let opensAfter: Set<Character> = ["(", "[", "{", "—", "–", "-", "\u{201C}", "\u{2018}", "\u{201E}", "«"]
  /// Characters before which a mark closes: besides spaces, punctuation and closing marks (’” in ”’).
  static let closesBefore: Set<Character> = [
    ".", ",", ";", ":", "!", "?", ")", "]", "}", "—", "–", "-", "…", "\u{201D}", "\u{2019}", "»", "\"", "'",
  ]

  let before: Character?
  let after: Character?
  let afterNext: Character?

  init(_ text: [Character], _ index: Int) {
    before = index > 0 ? text[index - 1] : nil
    after = index + 1 < text.count ? text[index + 1] : nil
    afterNext = index + 2 < text.count ? text[index + 2] : nil
  }

  /// A space or start before and a visible character after: where an opening mark goes.
  var opens: Bool {
    let openBefore = before.map { $0.isWhitespace || Self.opensAfter.contains($0) } ?? true
    return openBefore && after.map { !$0.isWhitespace } ?? false
  }

  /// A visible character before and a space, punctuation or the end after: where a closing mark goes.
  var closes: Bool {
    let visibleBefore = before.map { !$0.isWhitespace } ?? false
    return visibleBefore && (after.map { $0.isWhitespace || Self.closesBefore.contains($0) } ?? true)
  }

  /// Only an opening mark fits here.
  var isOpeningOnly: Bool { opens && !closes }

  /// Only a closing mark fits here.
  var isClosingOnly: Bool { closes && !opens }

  /// Letters or digits before and a letter after: an apostrophe (don’t, o’clock, 1990's).
  var isInsideWord: Bool {
    guard let before, let after else { return false }
    return (before.isLetter || before.isNumber) && after.isLetter
  }

  /// A prime after a number (5' 10", 6' tall, 5'10"): feet and inches, not a quote mark. A mark after a number
  /// that is followed by punctuation or the end is still taken as a quote mark, since `"I counted to 10"` is
  /// the likelier reading there.
  var isMeasure: Bool {
    guard let before, before.isNumber, let after else { return false }
    if after.isLetter || after.isNumber { return true }
    guard after.isWhitespace, let afterNext else { return false }
    return afterNext.isNumber || afterNext.isLowercase
  }
}

/// Tells single quote marks from apostrophes, which use the same characters (’ and ').
enum SingleMarks {
  /// Words that drop their first letters after an apostrophe ('tis, ’em, rock 'n' roll): the mark before them is
  /// an apostrophe. Kept short, since each also hides a quotation beginning with that word.
  static let elisions: Set<String> = [
    "tis", "twas", "twere", "twould", "twill", "twixt", "em", "n", "cause", "cos", "bout", "til", "tween", "neath",
    "gainst", "nuff", "fore",
  ]
  /// The elisions trusted after a left mark ‘, which is far more often an opening quote mark.
  static let leftMarkElisions: Set<String> = ["tis", "twas", "twere", "twould", "twill", "twixt", "em", "n"]

  /// Whether `character` is a single mark that can open or close a quotation.
  static func isSingle(_ character: Character) -> Bool {
    character == "\u{2019}" || character == "'" || character == "\u{2018}"
  }

  /// When the mark at `index` starts an elision, the elided word's length (0 for a year: ’90s); otherwise nil.
  static func elisionLength(in text: [Character], at index: Int, leftMark: Bool) -> Int? {
    guard index + 1 < text.count else { return nil }
    if !leftMark, text[index + 1].isNumber { return 0 }
    var end = index + 1
    while end < text.count, end - index <= 7, text[end].isLetter { end += 1 }
    guard end > index + 1, end - index <= 7, end == text.count || !text[end].isLetter else { return nil }
    let word = String(text[(index + 1)..<end]).lowercased()
    return (leftMark ? leftMarkElisions : elisions).contains(word) ? end - index - 1 : nil
  }

  /// The last index where a ’ or ' could close a single quotation, or -1: a later closer lets an earlier
  /// ambiguous mark be read as an apostrophe. Reads backwards only as far as that mark.
  static func lastCloser(in text: [Character]) -> Int {
    var index = text.count - 1
    while index >= 0 {
      if QuotationScanner.mayBeMark(text[index]), text[index] == "\u{2019}" || text[index] == "'" {
        let context = MarkContext(text, index)
        if context.isClosingOnly, !context.isInsideWord { return index }
      }
      index -= 1
    }
    return -1
  }

  /// Whether a ’ or ' where a closing mark fits, inside an open single quotation, is rather an apostrophe: a
  /// plural possessive (the Bennets’ house) or a dropped g (goin’ home) followed by a lower-case word while a
  /// closing mark comes later, or a mark right before punctuation and another mark (nothin’.’).
  static func isApostrophe(in text: [Character], at index: Int, laterCloser: Bool) -> Bool {
    guard index > 0, text[index - 1].isLetter else { return false }
    let context = MarkContext(text, index)
    if let after = context.after, ".,;:!?".contains(after), let next = context.afterNext, isSingle(next) {
      return true
    }
    guard laterCloser, context.after?.isWhitespace == true, context.afterNext?.isLowercase == true else {
      return false
    }
    let pluralPossessive = text[index - 1] == "s"
    let droppedG = index > 1 && text[index - 1] == "n" && text[index - 2] == "i"
    return pluralPossessive || droppedG
  }
}
