import AudiobookBook
import AudiobookCore

extension VoicePreset {
  /// The preset's lexicon for a book in `language`: a voice's lexicon is written for the
  /// voice's language, so it applies to a book in that language (or one whose language is not
  /// known) and to no other. A book's own lexicon applies whatever its language.
  public func lexicon(forBookIn language: String?) -> Lexicon {
    guard let book = BookLanguage.primary(of: language) else { return lexicon }
    return VoiceLibrary.primaryLanguage(of: engine.voice) == book ? lexicon : .empty
  }
}
