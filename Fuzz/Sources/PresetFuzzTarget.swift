import AudiobookKit
import Foundation

extension FuzzTarget {
  /// A voice preset file (YAML: engine settings, pauses, a lexicon), read as `VoiceLibrary`
  /// reads one; then a small book planned with it.
  static let preset = FuzzTarget(name: "preset") { input in
    guard let text = String(data: input, encoding: .utf8),
      let preset = try? VoicePreset(yaml: text, name: "fuzz", file: "fuzz.yaml", source: .builtIn)
    else { return }
    BookPlanning.plan(SampleBook.book, preset: preset)
  }
}

/// A short book to plan with a fuzzed preset or lexicon: the words a lexicon is likely to name.
enum SampleBook {
  static let text = """
    Dr. Okafor met the Quartermaster at 4:30 p.m. on the 3rd of May; "Well," she said, "the \
    lighthouse's lamp—No. 7—burns 2.5 litres an hour." The keepers' logbook (vol. II) agreed.
    """

  static let book = Book(
    title: "Fuzz", author: nil,
    chapters: [
      Chapter(
        number: 1, title: "Chapter IV: The Lamp", sourceLine: 1,
        paragraphs: [Paragraph(number: 1, id: "p1", sourceLine: 2, text: text, lastLine: 2)])
    ],
    sourceFile: "book.txt")
}
