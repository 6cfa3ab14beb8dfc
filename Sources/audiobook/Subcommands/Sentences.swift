import ArgumentParser
import AudiobookKit
import Foundation

extension AudiobookCommand {
  struct Sentences: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the sentences of a text, one per line, as the renderer splits them.",
      discussion: """
        A FILE is read as render reads a manuscript (plain text, Markdown or EPUB): a Project \
        Gutenberg licence, front matter, markup, page markers and the like are left out, and so \
        are the chapter titles (plan lists them). Text on stdin is split as it is: paragraphs \
        are separated by blank lines and lines within a paragraph are joined; at most 16 MiB is read. \
        The sentence rules are the language's: --language, else the book's, else the one the \
        text is written in, else English.
        """)

    @Argument(help: "A manuscript; stdin when absent.", completion: .manuscript)
    var file: String?

    @OptionGroup var manuscript: ManuscriptOptions

    /// The most text read from stdin: 16 MiB, five times the longest novels (War and Peace is
    /// about 3 MiB), split in seconds; an endless stream is refused after that much.
    static let standardInputLimit = 16 << 20

    func run() throws {
      try Diagnostics.run {
        let paragraphs: [String]
        let language: String?
        if let file {
          let book = try manuscript.read(file)
          (paragraphs, language) = (book.chapters.flatMap(\.paragraphs).map(\.text), book.language)
        } else {
          let text = try LimitedInput.text(limit: Self.standardInputLimit, reader: "sentences")
          paragraphs = Paragraphs.of(lines: Paragraphs.lines(of: text)).map(\.text)
          language = manuscript.language ?? LanguageDetector.detect(paragraphs)
        }
        let splitter = SentenceSplitter(language: language)
        var output = ""
        for paragraph in paragraphs {
          for sentence in splitter.sentences(in: paragraph) {
            // One line each, and nothing from the text that a terminal would act on.
            output += sentence.withoutControlCharacters.split(whereSeparator: \.isNewline).joined(separator: " ") + "\n"
          }
        }
        StandardOutput.write(Array(output.utf8))
      }
    }
  }
}
