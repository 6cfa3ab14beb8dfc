import AudiobookKit
import Foundation

extension FuzzTarget {
  /// Text as `say` and every reader hand it to speech: paragraphs, the sentence splitter,
  /// spoken forms (numbers, abbreviations), speech pieces for espeak-ng, chapter titles.
  static let sentences = FuzzTarget(name: "sentences") { input in
    let text = String(decoding: input, as: UTF8.self)
    let splitter = SentenceSplitter()
    for (paragraph, line) in Paragraphs.of(lines: Paragraphs.lines(of: text)) {
      _ = try? SpeechScript.paragraph(paragraph, splitter: splitter, lexicon: sampleLexicon, file: "say", line: line)
      _ = SentenceSplitter.pieces(of: paragraph, limit: 1 + input.count % 64)
    }
    _ = SpeechText.spokenTitle(text, lexicon: sampleLexicon)
  }

  /// A few entries of each kind, so the splitter's output meets the lexicon too.
  private static let sampleLexicon: Lexicon = {
    let yaml = """
      Dr: doctor
      Okafor: oh KAH for
      lamp: "[[l'amp]]"
      No: number
      """
    return (try? Lexicon.load(ScratchFolder.write(Data(yaml.utf8), to: "sentences.lexicon.yaml"))) ?? .empty
  }()
}
