import Testing

@testable import AudiobookBook

@Suite struct TextBlockTests {
  @Test func blankLinesSeparateBlocksAndCountLines() {
    let blocks = TextBlock.blocks(of: ["", "One", "two", "   ", "\t", "Three", ""])
    #expect(
      blocks == [
        TextBlock(lines: ["One", "two"], firstLine: 2),
        TextBlock(lines: ["Three"], firstLine: 6),
      ])
    #expect(blocks.map(\.lastLine) == [3, 6])
  }

  @Test func linesCountFromTheFirstLineGiven() {
    let blocks = TextBlock.blocks(of: ["Title", "", "Body"], firstLine: 40)
    #expect(blocks.map(\.firstLine) == [40, 42])
    #expect(blocks.map(\.lastLine) == [40, 42])
  }

  @Test func noTextIsNoBlocks() {
    #expect(TextBlock.blocks(of: [String]()).isEmpty)
    #expect(TextBlock.blocks(of: ["", "  ", "\t"]).isEmpty)
  }

  /// A line taken out (a page marker) neither ends the block around it nor starts one, and
  /// the block's last line still counts it.
  @Test func aLineTakenOutJoinsTheLinesAroundIt() {
    let lines: [String?] = ["The fog came", nil, "in at six.", "", nil, "Then it stayed."]
    let blocks = TextBlock.blocks(of: lines, firstLine: 10)
    #expect(blocks.map(\.lines) == [["The fog came", "in at six."], ["Then it stayed."]])
    #expect(blocks.map(\.firstLine) == [10, 15])
    #expect(blocks.map(\.lastLine) == [12, 15])
    // The line after the block's last kept line is not part of it.
    #expect(TextBlock.blocks(of: ["One", nil] as [String?])[0].lastLine == 1)
  }
}
