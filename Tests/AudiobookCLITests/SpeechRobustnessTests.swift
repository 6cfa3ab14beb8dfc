import AudiobookKit
import Foundation
import Testing

/// Text espeak-ng cannot take whole (a run of `s'` it aborts on, a long web address) is read in
/// pieces with a warning naming its line, and does not sink the book.
@Suite struct SpeechRobustnessTests {
  static let address = "https://example.com/" + (0..<64).map { "section\($0)" }.joined(separator: "/")

  /// A book whose paragraph on line 5 is 5000 `s'` and whose line 7 holds a long address.
  static let book = """
    Chapter 1

    The keeper climbed the stairs.

    \(String(repeating: "s'", count: 5000))

    The address is \(address) and nothing more.

    Then he slept.

    """

  @Test func aBookWithRunsEspeakCannotTakeRendersWithAWarningPerLine() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try scratch.write(Self.book, to: "book.txt")
    let result = try Audiobook.run(["render", book, "-o", "out", "--progress", "none"], in: scratch.url)
    #expect(result.status == 0, "\(result.stderrText)")
    let runs = result.stderrLines.filter { $0.contains("without a space") }
    #expect(
      runs == [
        "\(book):5: warning: a run of 10000 characters without a space ('s's's's's's's's's's'...') is read in "
          + "pieces of at most 100 characters",
        "\(book):7: warning: a run of \(Self.address.count) characters without a space ('https://example.com/...') "
          + "is read in pieces of at most 100 characters",
      ])
    #expect(!result.stderrText.contains("error"))
    // Every paragraph is in the chapter, each with its audio.
    let manifest = try JSONDecoder().decode(
      ManifestFile.self, from: Data(contentsOf: URL(fileURLWithPath: scratch.appending("out/book/manifest.json"))))
    let paragraphs = manifest.chapters[0].paragraphs
    #expect(paragraphs.map(\.sourceLine) == [3, 5, 7, 9])
    #expect(paragraphs.allSatisfy { $0.frames > 22_050 / 2 })
  }

  /// A re-render that writes nothing new repeats no warning: one line says how many there were.
  @Test func anUnchangedReRenderCountsItsWarningsInsteadOfRepeatingThem() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try scratch.write(Self.book, to: "book.txt")
    let first = try Audiobook.run(["render", book, "-o", "out", "--progress", "none"], in: scratch.url)
    #expect(first.status == 0, "\(first.stderrText)")
    let warnings = first.stderrLines.filter { $0.contains(": warning: ") }
    #expect(warnings.count >= 2)
    let again = try Audiobook.run(["render", book, "-o", "out", "--progress", "none"], in: scratch.url)
    #expect(again.status == 0, "\(again.stderrText)")
    #expect(
      again.stderrLines == ["\(book): note: \(warnings.count) warnings in unchanged chapters, as last time"],
      "\(again.stderrText)")
  }

  @Test func sayReadsARunOfSuffixesWithOneWarning() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let result = try Audiobook.run(
      ["say", String(repeating: "s'", count: 5000), "-o", "run.wav"], in: scratch.url)
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(result.stderrLines.count == 1, "\(result.stderrText)")
    #expect(result.stderrText.hasPrefix("<text>:1: warning: a run of 10000 characters without a space"))
    #expect(try SoundFileReader(path: scratch.appending("run.wav")).frames > 22_050 * 60)
  }

  @Test func sayReadsAChainOfLettersWithStops() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    // 85 such letters in a row abort espeak-ng 1.51, spaced or not.
    let result = try Audiobook.run(
      ["say", "Spell " + String(repeating: "a . ", count: 100) + "now.", "-o", "chain.wav"],
      in: scratch.url)
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(result.stderrLines.count == 1, "\(result.stderrText)")
    #expect(
      result.stderrText.contains("<text>:1: warning: a run of 100 letters with stops ('a . a . a . a . a . ...')"))
  }

  @Test func sayOfAChapterWarnsWithTheBooksLine() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try scratch.write(Self.book, to: "book.txt")
    let result = try Audiobook.run(
      ["say", "--book", book, "--chapter", "1", "-o", "chapter.wav"], in: scratch.url)
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(result.stderrLines.count == 2, "\(result.stderrText)")
    #expect(result.stderrLines.first?.hasPrefix("\(book):5: warning: a run of 10000 characters") == true)
    #expect(result.stderrLines.last?.hasPrefix("\(book):7: warning: a run of") == true)
  }
}
