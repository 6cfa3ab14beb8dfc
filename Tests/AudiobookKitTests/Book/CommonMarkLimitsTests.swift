import Testing

@testable import AudiobookCore
@testable import AudiobookBook

@Suite struct CommonMarkLimitsTests {
  @Test func nestingPastTheLimitIsRefusedNamingTheLine() throws {
    // The document, 998 quotes and a paragraph: 1,000 levels.
    let atLimit = "Top.\n\n" + String(repeating: ">", count: CommonMark.maximumDepth - 2) + " Deep.\n"
    let blocks = try CommonMark.blocks(of: atLimit, firstLine: 10, file: "book.md")
    #expect(blocks.count == 2)
    let deeper = "Top.\n\n" + String(repeating: ">", count: CommonMark.maximumDepth - 1) + " Deep.\n"
    let error = #expect(throws: AudiobookError.self) {
      try CommonMark.blocks(of: deeper, firstLine: 10, file: "book.md")
    }
    #expect(error?.kind == .badInput)
    #expect(error?.file == "book.md")
    #expect(error?.line == 12)
  }
}
