import Testing

@testable import AudiobookCore
@testable import AudiobookBook

@Suite struct BookAddressTests {
  /// Two chapters: paragraphs on lines 3, 5–7 (hard-wrapped) and 12.
  let book = Book(
    title: "Harbour Lights", author: nil,
    chapters: [
      Chapter(
        number: 1, title: "Fog", sourceLine: 1,
        paragraphs: [
          Paragraph(number: 1, id: "a", sourceLine: 3, text: "The fog came in."),
          Paragraph(number: 2, id: "b", sourceLine: 5, text: "It stayed all night.", lastLine: 7),
        ]),
      Chapter(
        number: 2, title: "Clear", sourceLine: 10,
        paragraphs: [Paragraph(number: 1, id: "c", sourceLine: 12, text: "By morning the sea was glass.")]),
    ],
    sourceFile: "harbour.txt")

  @Test func chapterColonParagraphIsParsed() {
    #expect(BookAddress(paragraph: "2:1") == .paragraph(chapter: 2, paragraph: 1))
    #expect(BookAddress(paragraph: "12:340") == .paragraph(chapter: 12, paragraph: 340))
    for text in ["2", "2:", ":1", "2:1:3", "a:1", "2:b", "", "2.1"] {
      #expect(BookAddress(paragraph: text) == nil, "\(text)")
    }
  }

  @Test func aParagraphOrAChapterIsSelectedByNumber() throws {
    #expect(
      try BookAddress.paragraph(chapter: 1, paragraph: 2).select(in: book)
        == .paragraph(book.chapters[0], book.chapters[0].paragraphs[1]))
    #expect(try BookAddress.chapter(2).select(in: book) == .chapter(book.chapters[1]))
  }

  /// Any line of a hard-wrapped paragraph finds it, its first and last included.
  @Test func aLineFindsTheParagraphHoldingIt() throws {
    let second = BookAddress.Selection.paragraph(book.chapters[0], book.chapters[0].paragraphs[1])
    for line in 5...7 { #expect(try BookAddress.line(line).select(in: book) == second) }
    #expect(
      try BookAddress.line(12).select(in: book) == .paragraph(book.chapters[1], book.chapters[1].paragraphs[0]))
  }

  @Test func aMissingChapterOrParagraphNamesTheValidRange() {
    let chapter = #expect(throws: AudiobookError.self) { try BookAddress.chapter(3).select(in: book) }
    #expect(chapter?.kind == .usage)
    #expect(chapter?.file == "harbour.txt")
    #expect(chapter?.message == "there is no chapter 3: the book has chapters 1 to 2")
    let paragraph = #expect(throws: AudiobookError.self) {
      try BookAddress.paragraph(chapter: 1, paragraph: 3).select(in: book)
    }
    #expect(paragraph?.kind == .usage)
    #expect(paragraph?.message == "there is no paragraph 1:3: chapter 1 has paragraphs 1 to 2")
    let inMissingChapter = #expect(throws: AudiobookError.self) {
      try BookAddress.paragraph(chapter: 0, paragraph: 1).select(in: book)
    }
    #expect(inMissingChapter?.message == "there is no chapter 0: the book has chapters 1 to 2")
  }

  /// A line between paragraphs (a blank line, a heading) names the nearest paragraph's start.
  @Test func aLineOutsideEveryParagraphNamesTheNearestOne() {
    let between = #expect(throws: AudiobookError.self) { try BookAddress.line(9).select(in: book) }
    #expect(between?.kind == .usage)
    #expect(
      between?.message
        == "line 9 is not inside a paragraph: paragraphs run from line 3 to line 12; "
        + "the nearest paragraph starts on line 12")
    let before = #expect(throws: AudiobookError.self) { try BookAddress.line(1).select(in: book) }
    #expect(before?.message.hasSuffix("; the nearest paragraph starts on line 3") == true)
    let empty = Book(title: "Empty", author: nil, chapters: [], sourceFile: "empty.txt")
    let none = #expect(throws: AudiobookError.self) { try BookAddress.line(4).select(in: empty) }
    #expect(none?.message == "line 4 is not inside a paragraph")
  }
}
