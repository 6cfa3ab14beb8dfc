import AudiobookCore

/// Checks that a sentence's audio is plausibly long for its text, so a render fails loudly
/// instead of shipping silence or a clip cut short (a bad cache entry from another machine,
/// an espeak-ng fault that returns early, a hang that babbles).
///
/// The bounds are generous on purpose: numbers, abbreviations and spelled-out letters make
/// speech longer than the word count suggests, so only the clearly wrong is caught.
public enum ContentGuard {
  /// Why `frames` of speech cannot be `text` spoken at `wordsPerMinute`, or nil when it can.
  public static func problem(text: String, frames: Int, sampleRate: Int, wordsPerMinute: Int) -> String? {
    let words = text.split(whereSeparator: \.isWhitespace).filter { $0.contains { $0.isLetter || $0.isNumber } }
    guard !words.isEmpty else { return nil }  // punctuation alone may rightly be silent
    let seconds = Double(frames) / Double(sampleRate)
    guard frames > 0 else { return "no audio at all" }
    let expected = Double(words.count) * 60 / Double(wordsPerMinute)
    let shortest = expected * 0.3
    // Every letter or digit spelled out one by one, at about half a second each, is the most
    // any text can take.
    let characters = words.reduce(0) { $0 + $1.filter { $0.isLetter || $0.isNumber }.count }
    let longest = Double(characters) * 0.6 + 2
    if seconds < shortest {
      return "only \(format(seconds)) s of audio for \(words.count) words (expected about \(format(expected)) s)"
    }
    if seconds > longest {
      return "\(format(seconds)) s of audio for \(words.count) words (expected about \(format(expected)) s)"
    }
    return nil
  }

  private static func format(_ seconds: Double) -> String {
    String((seconds * 100).rounded() / 100)
  }
}
