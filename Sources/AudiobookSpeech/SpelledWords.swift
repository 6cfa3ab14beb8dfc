/// Finds the words espeak-ng would spell out letter by letter ("FBI" → "eff bee eye", or just
/// their first letters, "Zbigniew" → "zed bigniew"): names and acronyms a lexicon entry should
/// fix. Asks a synthesis worker, whose child runs espeak-ng's text-to-phoneme pass; nothing is
/// synthesized, and book text reaches espeak-ng only in that child.
public enum SpelledWords {
  /// The words of `words` that espeak-ng, with `settings`' voice, spells out in whole or in part.
  ///
  /// - Parameter workerExecutable: the `audiobook` executable that serves as the worker.
  /// - Throws: `SpeechError` when espeak-ng cannot start or lacks the voice, or the worker fails.
  public static func find(
    in words: [String], settings: EngineSettings, workerExecutable: String = SynthesisWorker.defaultExecutable()
  ) throws(SpeechError) -> Set<String> {
    let synthesizer = try Synthesizer(settings: settings, workerExecutable: workerExecutable)
    defer { synthesizer.close() }
    return try synthesizer.spelledWords(words)
  }

  /// `find` where espeak-ng runs: in a synthesis worker's child, the voice selected.
  static func findWithEngine(in words: [String]) -> [String] {
    var letterNames: [Character: String] = [:]
    func name(_ letter: Character) -> String {
      if let known = letterNames[letter] { return known }
      let spoken = sounds(EspeakEngine.phonemes(of: String(letter).uppercased()))
      letterNames[letter] = spoken
      return spoken
    }
    var spelled: [String] = []
    for word in words where word.count >= 2 && word.allSatisfy(\.isLetter) {
      guard let first = word.first else { continue }
      let whole = sounds(EspeakEngine.phonemes(of: word))
      let letters = word.map(name).joined()
      // Wholly spelled, or its first letter named and the rest read as a word.
      if whole == letters
        || whole == name(first) + sounds(EspeakEngine.phonemes(of: String(word.dropFirst())))
          && word.count > 2
      {
        spelled.append(word)
      }
    }
    return spelled
  }

  /// Phonemes without stress marks, pauses and spaces: what is heard, for comparing.
  private static func sounds(_ phonemes: String) -> String {
    String(phonemes.filter { !"',;%=_: \n".contains($0) })
  }

  /// Whether `word` could be spelled out: it has a capital letter past the first or no vowel;
  /// the words worth asking espeak-ng about.
  public static func isCandidate(_ word: Substring) -> Bool {
    guard word.count >= 2, let first = word.first, let second = word.dropFirst().first else { return false }
    let vowels = "aeiouyAEIOUY"
    return word.dropFirst().contains(where: \.isUppercase) || !word.contains(where: vowels.contains)
      || first.isUppercase && !vowels.contains(second) && !vowels.contains(first)
  }
}
