import Foundation
import AudiobookCore

/// Finds the words espeak-ng would spell out letter by letter ("FBI" → "eff bee eye", or just
/// their first letters, "Zbigniew" → "zed bigniew"): names and acronyms a lexicon entry should
/// fix. Runs espeak-ng's text-to-phoneme pass in this process; nothing is synthesized.
public enum SpelledWords {
  /// espeak-ng, initialized once for the life of the process (it cannot be initialized twice).
  private static let engine: Result<EngineInfo, SpeechError> = Result { () throws(SpeechError) in
    try EspeakEngine.initialize()
  }

  /// espeak-ng's state is global: one caller at a time.
  private static let lock = NSLock()

  /// The words of `words` that espeak-ng, with `settings`' voice, spells out in whole or in part.
  ///
  /// - Throws: `SpeechError` when espeak-ng cannot start or lacks the voice.
  public static func find(in words: [String], settings: EngineSettings) throws(SpeechError) -> Set<String> {
    lock.lock()
    defer { lock.unlock() }
    _ = try engine.get()
    try EspeakEngine.select(voice: settings.voice, variant: settings.variant)
    var letterNames: [Character: String] = [:]
    func name(_ letter: Character) -> String {
      if let known = letterNames[letter] { return known }
      let spoken = sounds(EspeakEngine.phonemes(of: String(letter).uppercased()))
      letterNames[letter] = spoken
      return spoken
    }
    var spelled: Set<String> = []
    for word in words where word.count >= 2 && word.allSatisfy(\.isLetter) {
      guard let first = word.first else { continue }
      let whole = sounds(EspeakEngine.phonemes(of: word))
      let letters = word.map(name).joined()
      // Wholly spelled, or its first letter named and the rest read as a word.
      if whole == letters
        || whole == name(first) + sounds(EspeakEngine.phonemes(of: String(word.dropFirst())))
          && word.count > 2
      {
        spelled.insert(word)
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
