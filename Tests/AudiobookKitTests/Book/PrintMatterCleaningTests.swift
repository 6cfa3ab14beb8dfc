import Testing

@testable import AudiobookCore
@testable import AudiobookBook
@testable import AudiobookPublish
@testable import AudiobookKit

/// Page numbers, transcriber's notes, ornaments and colophons: in the file, not in the book.
@Suite struct PrintMatterCleaningTests {
  func parse(_ text: String) throws -> Book {
    try PlainTextParser.parse(.init(file: "book.txt", format: .plainText, lines: text.components(separatedBy: "\n")))
  }

  @Test(
    arguments: [
      ("The boat left at 6 a.m. [Pg 12] It sank.", "The boat left at 6 a.m. It sank."),
      ("[Page 40] The boat", "The boat"),
      ("  {13} The boat", "  The boat"),
      ("the boat{212}sank", "the boat sank"),
      ("The boat sank. [pg 7]", "The boat sank."),
      ("The boat [Pg 7] [Pg 8] sank", "The boat sank"),
    ] as [(String, String)])
  func pageMarkersLeaveOneSpace(line: String, expected: String) {
    #expect(PrintMatter.withoutPageMarkers(line) == expected)
  }

  @Test func footnoteReferencesAreNotPageMarkers() {
    #expect(PrintMatter.withoutPageMarkers("The boat[12] sank {a note}.") == nil)
    // Letters in braces are a manuscript's own text, roman-looking or not.
    #expect(PrintMatter.withoutPageMarkers("The set {x} and {mix} and {civil} stay.") == nil)
  }

  /// Removing many markers from one line takes time in proportion to the line, not its square.
  @Test func manyMarkersOnOneLine() {
    let line = Array(repeating: "word {5}", count: 20_000).joined(separator: " ")
    let cleaned = PrintMatter.withoutPageMarkers(line)
    #expect(cleaned == Array(repeating: "word", count: 20_000).joined(separator: " "))
  }

  @Test func pageMarkersAloneOrInlineAreNotRead() throws {
    let book = try parse(
      """
      Chapter 1

      The tide came in at noon, [Pg 12] and the
      {13}
      harbour filled.

      [Page 14]

      Gulls followed.
      """)
    #expect(
      book.chapters[0].paragraphs.map(\.text) == [
        "The tide came in at noon, and the harbour filled.", "Gulls followed.",
      ])
    #expect(book.chapters[0].paragraphs.map(\.sourceLine) == [3, 9])
    #expect(book.chapters[0].paragraphs[0].lastLine == 5)
  }

  /// A bracketed note, a note on one line, and a headed note whose paragraphs run to the
  /// next gap of two blank lines; the text after the gap is read.
  @Test func transcribersNotesAreNotRead() throws {
    let book = try parse(
      """
      Chapter 1

      [Transcriber's Note: Spelling is as in the
      original edition, including [sic] marks.]

      The lamp was lit.

      TRANSCRIBER’S NOTE: Two misprints were corrected.

      Transcriber's Notes:

      Hyphenation has been made consistent.

      Page 12: "teh" changed to "the".


      The lamp went out.
      """)
    #expect(book.chapters[0].paragraphs.map(\.text) == ["The lamp was lit.", "The lamp went out."])
  }

  @Test func aTranscribersNoteAtTheEndRunsToTheEnd() throws {
    let book = try parse(
      """
      Chapter 1

      The lamp was lit.

      Transcriber's Notes

      Hyphenation has been made consistent.

      Page 12: "teh" changed to "the".
      """)
    #expect(book.chapters[0].paragraphs.map(\.text) == ["The lamp was lit."])
  }

  @Test func aTranscribersNoteHeadingBeforeAChapterTakesNoChapter() throws {
    let book = try parse("Transcriber's Note:\n\nChapter 1\n\nThe lamp was lit.")
    #expect(book.chapters.map(\.title) == ["Chapter 1"])
    #expect(book.chapters[0].paragraphs.map(\.text) == ["The lamp was lit."])
  }

  @Test func aChapterHeadingInsideAnIllustrationOnItsLineIsKept() throws {
    let book = try parse(
      """
      Lamps

      [Illustration: CHAPTER I.]

      The lamp was lit.

      [Illustration: CHAPTER II.

      A lamp on a table]

      The lamp went out. [Illustration: a lamp] It was dark.
      """)
    #expect(book.chapters.map(\.title) == ["Chapter I", "Chapter II"])
    #expect(book.chapters.map(\.sourceLine) == [3, 7])
    #expect(
      book.chapters.map { $0.paragraphs.map(\.text) } == [["The lamp was lit."], ["The lamp went out. It was dark."]])
  }

  @Test(arguments: ["* * *", "      *       *       *       *       *", "***", "----", "# # #", "  ⁂", "———"])
  func sceneBreaksAreParagraphBoundaries(ornament: String) throws {
    #expect(PrintMatter.isSceneBreak(ornament))
    let book = try parse("Chapter 1\n\nThe lamp was lit.\n\(ornament)\nMorning came.")
    #expect(book.chapters[0].paragraphs.map(\.text) == ["The lamp was lit.", "Morning came."])
  }

  @Test(arguments: ["* Note", "--", "-- he said", "*The* lamp", "A * B * C"])
  func proseWithOrnamentCharactersIsNotABreak(line: String) {
    #expect(!PrintMatter.isSceneBreak(line))
  }

  @Test func aPrintersColophonAtTheEndIsNotRead() throws {
    let book = try parse(
      """
      Chapter 1

      The lamp went out.

      THE END

                LAMPLIGHT PRESS:--A. BINDER AND SONS.
                     9 QUAY STREET, PORTSMOUTH.
      """)
    #expect(book.chapters[0].paragraphs.map(\.text) == ["The lamp went out.", "THE END"])
  }

  @Test func aParagraphInCapitalsThatIsNotAColophonIsRead() throws {
    let book = try parse("Chapter 1\n\nThe lamp went out.\n\nSHE PRESSED ON.")
    #expect(book.chapters[0].paragraphs.map(\.text) == ["The lamp went out.", "SHE PRESSED ON."])
  }
}
