import Testing

@testable import AudiobookCore
@testable import AudiobookBook

@Suite struct BookBuilderTests {
  /// Titles, authors and chapter titles lose control characters whatever reader found them.
  @Test func metadataLosesControlCharacters() throws {
    var builder = BookBuilder(sourceFile: "book.md")
    builder.partHeading("Part\u{1B}[2J One", line: 1)
    builder.heading("Chapter\t\u{7}1\u{9B}", line: 2)
    builder.paragraph(lines: ["Hello."], line: 3)
    let book = try builder.build(title: "\u{0}abc", author: "Ann\u{1B}]0;x\u{7} Lee")
    #expect(book.title == "abc")
    #expect(book.author == "Ann]0;x Lee")
    #expect(book.chapters.map(\.title) == ["Chapter 1"])
    #expect(book.chapters.first?.part == "Part[2J One")
  }

  @Test func aTitleOfControlsAloneFallsBackToTheFileName() throws {
    var builder = BookBuilder(sourceFile: "/books/salt-road.md")
    builder.paragraph(lines: ["Hello."], line: 1)
    let book = try builder.build(title: "\u{0}\u{1B}", author: "\u{7}")
    #expect(book.title == "Salt Road")
    #expect(book.author == nil)
  }

  @Test func moreChaptersThanTheLimitAreRefusedNamingTheLine() throws {
    var builder = BookBuilder(sourceFile: "long.txt")
    for number in 1...BookBuilder.maximumChapters {
      builder.heading("C\(number)", line: number * 2)
      builder.paragraph(lines: ["Word."], line: number * 2 + 1)
    }
    #expect(try builder.build(title: "Long", author: nil).chapters.count == BookBuilder.maximumChapters)
    builder.heading("One too many", line: 99_999)
    builder.paragraph(lines: ["Word."], line: 100_000)
    let error = #expect(throws: AudiobookError.self) { try builder.build(title: "Long", author: nil) }
    #expect(error?.kind == .badInput)
    #expect(error?.file == "long.txt")
    #expect(error?.line == 99_999)
  }
}
