import AudiobookCore

/// The silences a narrator leaves, in milliseconds, all set by the voice preset.
public struct Pauses: Codable, Sendable, Equatable, Hashable {
  /// Between two sentences of a paragraph.
  public var sentence: Int
  /// Between two paragraphs.
  public var paragraph: Int
  /// After the chapter title is spoken, before the first paragraph.
  public var afterTitle: Int
  /// Room tone at the head of every chapter file.
  public var head: Int
  /// Room tone at the tail of every chapter file (at least; the tail is padded to a whole cue frame).
  public var tail: Int

  /// Audiobook practice: about 0.75 s of room tone at the head, 2 s at the tail.
  public init(sentence: Int = 400, paragraph: Int = 900, afterTitle: Int = 1500, head: Int = 750, tail: Int = 2000) {
    self.sentence = sentence
    self.paragraph = paragraph
    self.afterTitle = afterTitle
    self.head = head
    self.tail = tail
  }

  /// Between two voices in one sentence (a quotation and its speech tag): a clause's pause,
  /// half the sentence pause, after a comma, colon, semicolon, dash or a quotation's own
  /// stop; an eighth of it where the words run on (`He called it "nonsense" and left`).
  public func betweenParts(after text: String) -> Int {
    let marks: Set<Character> = [",", ";", ":", "—", "–", "!", "?", "…", "."]
    let closing: Set<Character> = ["\"", "'", "”", "’", "»", "“", "«", ")", " "]
    let last = text.reversed().first { !closing.contains($0) }
    return last.map { marks.contains($0) } == true ? sentence / 2 : sentence / 8
  }
}
