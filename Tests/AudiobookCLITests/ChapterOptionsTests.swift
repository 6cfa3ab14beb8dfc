import Foundation
import Testing

/// `plan --chapters-out`, `--chapters FILE` and `--skip N`: the user corrects the chapters.
@Suite struct ChapterOptionsTests {
  struct Plan: Decodable {
    struct Chapter: Decodable, Equatable {
      var number: Int
      var title: String
      var sourceLine: Int
      var paragraphs: Int
    }
    var chapters: [Chapter]
    var warnings: [String]
  }

  private func plan(_ arguments: [String], in scratch: ScratchDirectory) throws -> (Plan, String) {
    let result = try Audiobook.run(["plan", "--json"] + arguments, in: scratch.url)
    try #require(result.status == 0, "\(result.stderrText)")
    return (try JSONDecoder().decode(Plan.self, from: result.stdout), result.stderrText)
  }

  /// The list `plan` writes gives the same chapters back; one line added cuts there.
  @Test func theWrittenListGivesTheSameChaptersAndAnEditedOneCutsThere() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let list = scratch.appending("ledger.chapters")
    let (detected, _) = try plan([Fixtures.exampleBook, "--chapters-out", list], in: scratch)
    let written = try String(contentsOfFile: list, encoding: .utf8)
    #expect(written.hasSuffix("4\tChapter 1: The Letter\n18\tChapter 2: The Crossing\n33\tChapter 3: The Keeper\n"))
    let (again, _) = try plan([Fixtures.exampleBook, "--chapters", list], in: scratch)
    #expect(again.chapters == detected.chapters)

    // Line 14 opens the first chapter's third paragraph; chapter 3's heading is left out.
    let edited = try scratch.write("4\n14\tBack on Shore\n18\n", to: "edited.chapters")
    let (cut, _) = try plan([Fixtures.exampleBook, "--chapters", edited], in: scratch)
    #expect(cut.chapters.map(\.title) == ["Chapter 1: The Letter", "Back on Shore", "Chapter 2: The Crossing"])
    #expect(cut.chapters.map(\.sourceLine) == [4, 14, 18])
    #expect(cut.chapters.map(\.paragraphs) == [2, 1, 8])
  }

  /// `--chapters-out` naming the manuscript (or the list read) is refused before anything is written.
  @Test func theListIsNeverWrittenOverAnInput() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try scratch.write(try String(contentsOfFile: Fixtures.exampleBook, encoding: .utf8), to: "ledger.txt")
    let before = try Data(contentsOf: URL(fileURLWithPath: book))
    let result = try Audiobook.run(["plan", book, "--chapters-out", book], in: scratch.url)
    #expect(result.status == 64)
    #expect(result.stderrText.contains("--chapters-out names an input of this command"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: book)) == before)
    let list = try scratch.write("4\n18\n", to: "ledger.chapters")
    let again = try Audiobook.run(["plan", book, "--chapters", list, "--chapters-out", list], in: scratch.url)
    #expect(again.status == 64)
    #expect(try String(contentsOfFile: list, encoding: .utf8) == "4\n18\n")
    let report = try Audiobook.run(
      ["render", book, "--chapters", list, "--report", list, "-o", scratch.appending("out")], in: scratch.url)
    #expect(report.status == 64)
    #expect(try String(contentsOfFile: list, encoding: .utf8) == "4\n18\n")
  }

  @Test func aBadListLineIsNamedWithExitStatus65() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let list = try scratch.write("4\n7\n", to: "bad.chapters")
    let result = try Audiobook.run(["plan", Fixtures.exampleBook, "--chapters", list], in: scratch.url)
    #expect(result.status == 65)
    #expect(result.stdout.isEmpty)
    #expect(result.stderrText.hasPrefix("\(list):2: error: line 7 is inside the paragraph on lines 6-9"))
    #expect(result.stderrText.split(separator: "\n").count == 1)
  }

  /// A skipped chapter is in neither the manifest nor the cue sheet; the rest number from 1.
  @Test func aSkippedChapterIsLeftOutOfTheAudiobook() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let result = try Audiobook.run(
      ["render", Fixtures.exampleBook, "-o", scratch.appending("out"), "--skip", "2", "--progress", "none"],
      in: scratch.url)
    try #require(result.status == 0, "\(result.stderrText)")
    #expect(result.stderrText.contains("ledger.txt:18: note: chapter 2 (Chapter 2: The Crossing) left out (--skip 2)"))
    let folder = scratch.appending("out/the-lighthouse-ledger")
    let manifest = try ManifestFile.read(folder + "/manifest.json")
    #expect(manifest.chapters.map(\.title) == ["Chapter 1: The Letter", "Chapter 3: The Keeper"])
    #expect(manifest.chapters.map(\.number) == [1, 2])
    let cue = try String(contentsOfFile: folder + "/the-lighthouse-ledger.cue", encoding: .utf8)
    #expect(cue.components(separatedBy: "TRACK ").count - 1 == 2)
    #expect(!cue.contains("Crossing"))

    let missing = try Audiobook.run(["plan", Fixtures.exampleBook, "--skip", "4"], in: scratch.url)
    #expect(missing.status == 64)
    #expect(missing.stderrText.contains("--skip 4: there is no chapter 4; the book has chapters 1 to 3"))
  }

  /// Numbers missing and repeated are warned about on stderr and carried in `warnings[]`.
  @Test func numberingProblemsAreWarnedAbout() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try scratch.write(
      """
      Nets and Ropes

      Chapter 1

      The boat left early.

      Chapter 2

      The nets were mended.

      Chapter 2

      The nets were mended again.

      Chapter 5

      The boat came home.
      """, to: "nets.txt")
    let (plan, stderr) = try plan([book], in: scratch)
    #expect(plan.chapters.count == 4)
    #expect(
      plan.warnings.prefix(2) == [
        "\(book):11: warning: 'Chapter 2' repeats the number of 'Chapter 2' (line 7)",
        "\(book):15: warning: 'Chapter 5' comes after 'Chapter 2' (line 11): numbers 3 to 4 missing",
      ])
    for warning in plan.warnings { #expect(stderr.contains(warning)) }
  }
}
