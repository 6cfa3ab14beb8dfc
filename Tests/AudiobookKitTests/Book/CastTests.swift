import Testing
import Yams

@testable import AudiobookBook
@testable import AudiobookCore

@Suite struct CastTests {
  func cast(_ yaml: String) throws -> Cast {
    let node = try #require(try Yams.compose(yaml: yaml))
    return try Cast.parse(node, file: "book.md", firstLine: 2)
  }

  @Test func membersArePresetNamesOrPresetKeys() throws {
    let cast = try cast(
      """
      dialogue: narrator-us
      Elizabeth: { voice: en-gb, variant: f2, pitch: 60, at: [120, 344] }
      Mr. Darcy:
        preset: draft
        rate: 150
      narrator: { at: 77 }
      """)
    #expect(cast.members.map(\.name) == ["dialogue", "Elizabeth", "Mr. Darcy", "narrator"])
    #expect(cast["dialogue"]?.preset == "narrator-us")
    let elizabeth = try #require(cast["Elizabeth"])
    #expect(elizabeth.voice == "en-gb" && elizabeth.variant == "f2" && elizabeth.pitch == 60 && elizabeth.rate == nil)
    #expect(elizabeth.lines == [120, 344])
    #expect(elizabeth.line == 3)
    #expect(cast["Mr. Darcy"]?.preset == "draft" && cast["Mr. Darcy"]?.rate == 150)
    #expect(cast["narrator"]?.lines == [77] && cast["narrator"]?.setsVoice == false)
    #expect(cast.characters.map(\.name) == ["Elizabeth", "Mr. Darcy"])
  }

  @Test(arguments: [
    ("[a, b]", 2, "cast must be a mapping"),
    ("Jane: { pitch: 101 }", 2, "pitch must be a whole number from 0 to 100"),
    ("Jane: { rate: fast }", 2, "rate must be a whole number from 80 to 450"),
    ("Jane: { at: [0] }", 2, "at must be a line number"),
    ("Jane: { mood: calm }", 2, "unknown key 'mood'"),
    ("Jane: [1, 2]", 2, "must be a preset's name or a mapping"),
    ("Jane: ../../etc/passwd", 2, "names no preset"),
  ])
  func aBadMemberNamesItsLine(yaml: String, line: Int, message: String) {
    #expect {
      try cast(yaml)
    } throws: { error in
      guard let error = error as? AudiobookError else { return false }
      return error.kind == .badInput && error.line == line && error.message.contains(message)
    }
  }

  /// A later member's voice replaces an earlier one's; corrections alone keep it and add up.
  @Test func mergingLaysMembersOverByName() throws {
    let preset = try cast("Jane: { variant: f2 }\nTom: { variant: m3 }")
    let book = try cast("Jane: { at: [9] }\nTom: { variant: m1 }\nAnn: { pitch: 70 }")
    let merged = preset.merging(book)
    #expect(merged.members.map(\.name) == ["Jane", "Tom", "Ann"])
    #expect(merged["Jane"]?.variant == "f2" && merged["Jane"]?.lines == [9])
    #expect(merged["Tom"]?.variant == "m1")
  }

  /// A Markdown manuscript's front matter takes `cast:`, and `<!-- speaker: NAME -->` before a
  /// paragraph is a correction at that paragraph's line.
  @Test func markdownFrontMatterAndSpeakerMarks() throws {
    let markdown = """
      ---
      cast:
        Jane: { variant: f2 }
      ---

      # One

      <!-- speaker: Jane -->
      “Good morning,” said the miller.

      <!-- a plain comment -->
      “And to you.”
      """
    let book = try MarkdownParser.parse(
      .init(file: "book.md", format: .markdown, lines: markdown.components(separatedBy: "\n")))
    #expect(book.cast["Jane"]?.variant == "f2")
    #expect(book.cast["Jane"]?.lines == [9])
    #expect(CommonMark.speakerMark("<!--speaker:   Mr.  Darcy -->\n") == "Mr. Darcy")
    #expect(CommonMark.speakerMark("<!-- speakers: Jane -->") == nil)
  }
}
