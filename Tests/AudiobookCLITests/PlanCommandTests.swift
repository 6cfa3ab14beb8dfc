import Foundation
import Testing

/// `audiobook plan BOOK [--json]`: chapters, word counts and estimates without rendering.
@Suite struct PlanCommandTests {
  struct Plan: Decodable {
    struct Chapter: Decodable {
      var number: Int
      var title: String
      var sourceLine: Int
      var paragraphs: Int
      var words: Int
      var estimatedSeconds: Int
    }
    var title: String
    var author: String?
    var chapters: [Chapter]
  }

  private func plan(_ book: String, in scratch: ScratchDirectory) throws -> Plan {
    let result = try Audiobook.run(["plan", book, "--json"], in: scratch.url)
    try #require(result.status == 0, "\(result.stderrText)")
    #expect(result.stderrText.isEmpty)
    return try JSONDecoder().decode(Plan.self, from: result.stdout)
  }

  @Test func jsonDescribesTheExampleBook() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let plan = try plan(Fixtures.exampleBook, in: scratch)
    #expect(plan.title == "The Lighthouse Ledger")
    #expect(plan.author == "Ada Finch")
    #expect(plan.chapters.map(\.number) == [1, 2, 3])
    #expect(plan.chapters.map(\.title) == Fixtures.exampleChapterTitles)
    #expect(plan.chapters.map(\.sourceLine) == [4, 18, 33])
    #expect(plan.chapters.map(\.paragraphs) == [3, 4, 4])

    // Words: close to a whitespace count of each chapter's text (numbers and initials may count differently).
    let lines = try String(contentsOfFile: Fixtures.exampleBook, encoding: .utf8).components(separatedBy: "\n")
    let bounds = plan.chapters.map(\.sourceLine) + [lines.count + 1]
    for (index, chapter) in plan.chapters.enumerated() {
      let body = lines[bounds[index]..<(bounds[index + 1] - 1)].joined(separator: " ")
      let counted = body.split(whereSeparator: \.isWhitespace).count
      #expect(abs(chapter.words - counted) <= counted / 10, "chapter \(chapter.number): \(chapter.words) vs \(counted)")
      // At 80 to 450 words a minute, plus pauses of at most a few seconds a paragraph.
      #expect(chapter.estimatedSeconds >= chapter.words * 60 / 450)
      #expect(chapter.estimatedSeconds <= chapter.words * 60 / 80 + 10 * chapter.paragraphs)
    }
  }

  @Test func planAgreesWithWhatRenderProduces() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let plan = try plan(Fixtures.exampleBook, in: scratch)
    let rendered = try Audiobook.run(["render", Fixtures.exampleBook, "-o", scratch.appending("out")], in: scratch.url)
    try #require(rendered.status == 0, "\(rendered.stderrText)")
    let manifest = try ManifestFile.read(scratch.appending("out/the-lighthouse-ledger/manifest.json"))
    #expect(plan.chapters.map(\.number) == manifest.chapters.map(\.number))
    #expect(plan.chapters.map(\.title) == manifest.chapters.map(\.title))
    #expect(plan.chapters.map(\.paragraphs) == manifest.chapters.map { $0.paragraphs.count })
    for (planned, chapter) in zip(plan.chapters, manifest.chapters) {
      let seconds = Double(chapter.frames) / Double(manifest.sampleRate)
      let estimate = Double(planned.estimatedSeconds)
      #expect(
        estimate > seconds * 0.5 && estimate < seconds * 1.5,
        "chapter \(chapter.number): \(estimate) s planned, \(seconds) s rendered")
    }
  }

  @Test func markdownFrontMatterAndHeadings() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try scratch.write(
      """
      ---
      title: The Glass Harbour
      author: Mira Stone
      ---

      # Part One

      ## The Arrival

      She came on a *grey* morning. The **harbour** was quiet.

      Gulls circled the mast.

      ## The Departure

      He left with nothing but a coat.

      """, to: "glass.md")
    let plan = try plan(book, in: scratch)
    #expect(plan.title == "The Glass Harbour")
    #expect(plan.author == "Mira Stone")
    #expect(plan.chapters.map(\.title) == ["The Arrival", "The Departure"])
    #expect(plan.chapters.map(\.sourceLine) == [8, 14])
    #expect(plan.chapters.map(\.paragraphs) == [2, 1])
  }

  @Test func textTableListsEveryChapterAndATotal() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let result = try Audiobook.run(["plan", Fixtures.exampleBook], in: scratch.url)
    #expect(result.status == 0, "\(result.stderrText)")
    let lines = result.stdoutLines
    #expect(lines.first == "The Lighthouse Ledger by Ada Finch")
    for title in Fixtures.exampleChapterTitles {
      #expect(lines.contains { $0.contains(title) }, "no line for '\(title)'")
    }
    #expect(lines.last?.hasPrefix("3 chapters, ") == true)
  }
}
