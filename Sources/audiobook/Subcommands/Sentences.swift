import ArgumentParser
import AudiobookKit
import Foundation

extension AudiobookCommand {
  struct Sentences: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the sentences of a text, one per line, as the renderer splits them.",
      discussion: "Paragraphs are separated by blank lines; lines within a paragraph are joined.")

    @Argument(help: "A text file; stdin when absent.")
    var file: String?

    func run() throws {
      try Diagnostics.run {
        let lines: [String]
        if let file {
          lines = try ManuscriptReader.read(file).lines
        } else {
          let data = FileHandle.standardInput.readDataToEndOfFile()
          guard let text = String(data: data, encoding: .utf8) else {
            throw AudiobookError(.badInput, "the text on stdin is not valid UTF-8", file: "<stdin>")
          }
          lines = Paragraphs.lines(of: text)
        }
        let splitter = SentenceSplitter()
        var output = ""
        for (paragraph, _) in Paragraphs.of(lines: lines) {
          for sentence in splitter.sentences(in: paragraph) {
            output += sentence.split(whereSeparator: \.isNewline).joined(separator: " ") + "\n"
          }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
      }
    }
  }
}
