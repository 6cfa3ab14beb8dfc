import Testing

@testable import AudiobookCore
@testable import AudiobookBook

@Suite struct ChapterListTests {
  @Test func linesWithAndWithoutTitlesInManuscriptOrder() throws {
    let list = try ChapterList(
      parsing: "# my chapters\n\n40\tThe Harbour\r\n12\n  77  \tNets  and   Ropes\n", file: "book.chapters")
    #expect(list.entries.map(\.line) == [12, 40, 77])
    #expect(list.entries.map(\.title) == [nil, "The Harbour", "Nets and Ropes"])
    #expect(list.entries.map(\.listLine) == [4, 3, 5])
  }

  @Test(arguments: [
    ("12\nforty\tThe Harbour\n", 2, "is not LINE or LINE<TAB>TITLE"),
    ("12\n0\n", 2, "is not LINE or LINE<TAB>TITLE"),
    ("12 The Harbour\n", 1, "is not LINE or LINE<TAB>TITLE"),
    ("12\n40\n12\tAgain\n", 3, "line 12 is listed twice (here and on line 1)"),
  ])
  func aBadLineIsNamed(text: String, listLine: Int, message: String) {
    let error = #expect(throws: AudiobookError.self) { try ChapterList(parsing: text, file: "book.chapters") }
    #expect(error?.kind == .badInput)
    #expect(error?.file == "book.chapters")
    #expect(error?.line == listLine)
    #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
  }

  @Test func aListWithNoChapterIsRefused() {
    let error = #expect(throws: AudiobookError.self) {
      try ChapterList(parsing: "# nothing\n\n", file: "book.chapters")
    }
    #expect(error?.message.contains("names no chapter") == true)
  }

  /// What `plan --chapters-out` writes reads back as the same chapters.
  @Test func theWrittenListReadsBack() throws {
    let book = Book(
      title: "Harbour", author: nil,
      chapters: [
        Chapter(number: 1, title: "Fog", sourceLine: 3, paragraphs: []),
        Chapter(number: 2, title: "Clear Skies", sourceLine: 10, paragraphs: []),
      ],
      sourceFile: "harbour.txt")
    let text = ChapterList.text(of: book)
    #expect(text.hasPrefix("# Chapters of harbour.txt"))
    let list = try ChapterList(parsing: text, file: "out.chapters")
    #expect(list.entries.map(\.line) == [3, 10])
    #expect(list.entries.map(\.title) == ["Fog", "Clear Skies"])
  }
}
