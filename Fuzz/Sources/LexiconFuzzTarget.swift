import AudiobookKit

extension FuzzTarget {
  /// A lexicon file (YAML mapping of words to respellings or `[[phonemes]]`), read as
  /// `--lexicon` and `book.lexicon.yaml` are; then applied to its own words and to a sample
  /// sentence, as the speech text does.
  static let lexicon = FuzzTarget(name: "lexicon") { input in
    guard let lexicon = try? Lexicon.load(ScratchFolder.write(input, to: "fuzz.lexicon.yaml")) else { return }
    let ownWords = lexicon.entries.map(\.word).joined(separator: " ")
    for text in [ownWords, ownWords.uppercased() + "'s.", SampleBook.text] {
      _ = lexicon.apply(to: text)
      _ = SpeechText.spoken(text, lexicon: lexicon)
      _ = SpeechText.pieces(of: text, lexicon: lexicon)
    }
    _ = Lexicon.empty.merging(lexicon).merging(lexicon)
  }
}
