import Testing

@testable import AudiobookCore
@testable import AudiobookBook

/// Cutting a book where a chapter list says, and leaving chapters out.
@Suite struct BookChaptersTests {
  /// Lines 1-2 the title; 4 a heading; 6 text; 8 a heading the reader takes for text (no
  /// number); 10 text; 12 a heading; 14-15 a wrapped paragraph.
  static let text = """
    The Harbour Book
    by Anne Tester

    CHAPTER 1. Departure.

    The boat left before dawn.

    THE SECOND VOYAGE.

    Painters never get the ropes right.

    CHAPTER 3. Nets.

    The nets came up empty twice, and the third
    time they were full.
    """

  func book() throws -> Book {
    try PlainTextParser.parse(
      .init(file: "harbour.txt", format: .plainText, lines: Self.text.components(separatedBy: "\n")))
  }

  func list(_ text: String) throws -> ChapterList { try ChapterList(parsing: text, file: "harbour.chapters") }

  /// Without a list, the second heading is read as a sentence: what a list corrects.
  @Test func theHeadingReadAsASentenceBecomesAChapterWhereTheListSays() throws {
    let read = try book()
    #expect(read.chapters.map(\.sourceLine) == [4, 12])
    let cut = try read.cut(at: try list("4\n8\n12\n"))
    #expect(
      cut.chapters.map(\.title) == [
        "Chapter 1: Departure",
        "The Second Voyage",
        "Chapter 3: Nets",
      ])
    #expect(cut.chapters.map(\.number) == [1, 2, 3])
    #expect(cut.chapters.map(\.sourceLine) == [4, 8, 12])
    // The heading is not read as text as well.
    #expect(cut.chapters.map { $0.paragraphs.map(\.sourceLine) } == [[6], [10], [14]])
    #expect(cut.chapters.map { $0.paragraphs.map(\.number) } == [[1], [1], [1]])
  }

  @Test func titlesFromTheListWin() throws {
    let cut = try book().cut(at: try list("4\tAway\n8\tThe second voyage\n"))
    #expect(cut.chapters.map(\.title) == ["Away", "The second voyage"])
    // The paragraph saying the title is the heading; the heading left out (line 12) is not
    // read, and the text after it joins the chapter before.
    #expect(cut.chapters[1].paragraphs.map(\.sourceLine) == [10, 14])
  }

  /// A paragraph cut at with a title it does not say stays the chapter's first paragraph.
  @Test func aParagraphWithAnotherTitleIsRead() throws {
    let cut = try book().cut(at: try list("4\n10\tThe Painters\n"))
    #expect(cut.chapters.map(\.title) == ["Chapter 1: Departure", "The Painters"])
    #expect(cut.chapters[0].paragraphs.map(\.sourceLine) == [6, 8])
    #expect(cut.chapters[1].paragraphs.map(\.sourceLine) == [10, 14])
  }

  /// Text before the first line listed is an opening chapter named after the book.
  @Test func textBeforeTheFirstCutIsKept() throws {
    let cut = try book().cut(at: try list("12\n"))
    #expect(cut.chapters.map(\.title) == ["The Harbour Book", "Chapter 3: Nets"])
    #expect(cut.chapters[0].paragraphs.map(\.sourceLine) == [6, 8, 10])
  }

  @Test(arguments: [
    ("4\n15\n", 2, "line 15 is inside the paragraph on lines 14-15"),
    ("4\n5\n", 2, "line 5 is neither a heading nor the start of a paragraph"),
    ("4\n900\n", 2, "the nearest that is: line 14"),
  ])
  func aLineThatCannotStartAChapterIsNamed(text: String, listLine: Int, message: String) throws {
    let read = try book()
    let error = #expect(throws: AudiobookError.self) { try read.cut(at: try list(text)) }
    #expect(error?.kind == .badInput)
    #expect(error?.file == "harbour.chapters")
    #expect(error?.line == listLine)
    #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
  }

  @Test func aLongParagraphNeedsATitle() throws {
    var read = try book()
    read.chapters[1].paragraphs[0].text = String(repeating: "The nets were heavy. ", count: 10)
    let error = #expect(throws: AudiobookError.self) { try read.cut(at: try list("4\n14\n")) }
    #expect(error?.message.contains("too long for a heading") == true)
    #expect(try read.cut(at: try list("4\n14\tNets\n")).chapters[1].paragraphs.count == 1)
  }

  @Test func skippedChaptersLeaveTheOthersNumberedFromOne() throws {
    let cut = try book().cut(at: try list("4\n8\n12\n"))
    let kept = try cut.skipping([1, 3])
    #expect(kept.chapters.map(\.sourceLine) == [8])
    #expect(kept.chapters.map(\.number) == [1])
    let missing = #expect(throws: AudiobookError.self) { try cut.skipping([4]) }
    #expect(missing?.kind == .usage)
    #expect(missing?.message == "--skip 4: there is no chapter 4; the book has chapters 1 to 3")
    #expect(throws: AudiobookError.self) { try cut.skipping([1, 2, 3]) }
  }
}
