import Foundation
import Testing

/// `audiobook sentences [FILE]`: one sentence per line, as the renderer splits them.
@Suite struct SentencesCommandTests {
  private func sentences(_ text: String) throws -> [String] {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let result = try Audiobook.run(["sentences"], in: scratch.url, stdin: Data(text.utf8))
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(result.stderrText.isEmpty)
    return result.stdoutLines
  }

  @Test func quotedSpeechIsTwoSentences() throws {
    #expect(try sentences("“Hello,” she said. “Goodbye.”\n") == ["“Hello,” she said.", "“Goodbye.”"])
  }

  @Test func anAbbreviatedTitleDoesNotEndASentence() throws {
    #expect(try sentences("Mr. Smith went to Washington.\n") == ["Mr. Smith went to Washington."])
  }

  @Test func wrappedLinesAreJoinedAndParagraphsSeparated() throws {
    #expect(
      try sentences("First line of one\nsentence that wraps. Second one!\n\nA new paragraph? Yes.\n") == [
        "First line of one sentence that wraps.", "Second one!", "A new paragraph?", "Yes.",
      ])
  }

  @Test func inputWithoutAFinalNewlineStillEndsItsLine() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let result = try Audiobook.run(["sentences"], in: scratch.url, stdin: Data("It was late. We left.".utf8))
    #expect(result.stdoutText == "It was late.\nWe left.\n")
  }

  @Test func readsAFileArgument() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let file = try scratch.write("He paid $40 for it. It was 12.5 miles away.\n", to: "fare.txt")
    let result = try Audiobook.run(["sentences", file], in: scratch.url)
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(result.stdoutLines == ["He paid $40 for it.", "It was 12.5 miles away."])
  }

  /// A file is read as render reads it: the licence, the title page, the heading and the
  /// page marker are not sentences of the book; the Markdown's emphasis is read as its text.
  @Test(arguments: ["txt", "md"])
  func aFileIsReadAsTheRendererReadsIt(format: String) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let text =
      format == "txt"
      ? """
      The Project Gutenberg eBook of The Ferry

      Title: The Ferry

      Author: A. Writer

      *** START OF THE PROJECT GUTENBERG EBOOK THE FERRY ***

      THE FERRY

      CHAPTER I.

      The boat left at dawn. Mr. Hale waved [Pg 7] from the pier.

      *** END OF THE PROJECT GUTENBERG EBOOK THE FERRY ***

      This eBook is for the use of anyone anywhere.

      """
      : """
      ---
      title: The Ferry
      ---

      # Chapter 1

      The boat left at *dawn*. Mr. Hale waved from the [pier](https://example.com).

      """
    let file = try scratch.write(text, to: "ferry.\(format)")
    let result = try Audiobook.run(["sentences", file], in: scratch.url)
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(result.stdoutLines == ["The boat left at dawn.", "Mr. Hale waved from the pier."])
  }

  @Test func aMissingFileIsExit66NamingIt() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let missing = scratch.appending("nowhere.txt")
    let result = try Audiobook.run(["sentences", missing], in: scratch.url)
    #expect(result.status == 66)
    #expect(result.stderrLines.count == 1)
    #expect(result.stderrText.contains(missing))
    #expect(result.stdout.isEmpty)
  }
}
