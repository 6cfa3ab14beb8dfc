import AudiobookCore
import AudiobookBook

/// Turns text as written into the text espeak-ng is given: whitespace collapsed, chapter
/// numbers read as numbers, runs espeak-ng cannot take whole broken up (`RunBreaker`),
/// overlong sentences cut where espeak-ng would break them anyway.
public enum SpeechText {
  /// espeak-ng caps a clause near 800 bytes and breaks a long run near 727 characters on its own
  /// (DESIGN.md fact 8); cutting first puts the break at a comma or a space instead.
  public static let pieceLimit = 600

  /// The speech pieces of one sentence, each at most `pieceLimit` characters.
  ///
  /// A run without a space too long for a word (a web address) or a chain that espeak-ng
  /// aborts on is read in pieces (`RunBreaker`); `RunBreaker.notice` says so for a warning.
  public static func pieces(of sentence: String, lexicon: Lexicon = .empty, language: String? = nil) -> [String] {
    let said = spoken(
      sentence.split(whereSeparator: \.isWhitespace).joined(separator: " "), lexicon: lexicon, language: language
    ).text
    // After the lexicon, so that a respelling is held to the same limits as the book's own words.
    var collapsed = RunBreaker.broken(said)
    if collapsed != said { collapsed = collapsed.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
    return collapsed.count <= pieceLimit ? [collapsed] : SentenceSplitter.pieces(of: collapsed, limit: pieceLimit)
  }

  /// A sentence (whitespace collapsed) as espeak-ng is to read it: the spoken forms, then the
  /// lexicon's words; with the replacements the lexicon made. Private-use marks in the book's
  /// text are dropped, so only a lexicon entry can carry phonemes. The spoken forms are the
  /// language's (`SpokenForms.normalize(_:language:)`).
  public static func spoken(_ sentence: String, lexicon: Lexicon, language: String? = nil) -> (
    text: String, replacements: [Lexicon.Replacement]
  ) {
    var text = sentence
    if text.contains(Lexicon.phonemeStart) || text.contains(Lexicon.phonemeEnd) {
      text = String(text.filter { $0 != Lexicon.phonemeStart && $0 != Lexicon.phonemeEnd })
    }
    return lexicon.apply(to: SpokenForms.normalize(text, language: language))
  }

  /// A chapter title as a narrator reads it: `CHAPTER IV.` → `Chapter 4.`, `Chapter 3: The
  /// Gala` as two phrases, `Chapter 3.` and `The Gala.`, and a numeral alone (`IV. The Storm`)
  /// as `Chapter 4.` and `The Storm.` (espeak-ng alone says "chapter roman four"); in another
  /// language the label is its own (`Chapitre 4.`, `Kapitel 4.`), and a number written in words
  /// (`Chapitre premier`, `Erstes Kapitel`, `Глава восьмая`) is read as written, since the words
  /// carry the ordinal's form. The words of the title go through the spoken forms and the
  /// lexicon as a sentence does.
  public static func spokenTitle(_ title: String, lexicon: Lexicon = .empty, language: String? = nil) -> [String] {
    spokenTitleWithReplacements(title, lexicon: lexicon, language: language).phrases
  }

  /// The spoken title of a chapter: the part's title first when the chapter opens a part.
  public static func spokenTitle(of chapter: Chapter, lexicon: Lexicon = .empty, language: String? = nil) -> [String] {
    spokenTitleWithReplacements(of: chapter, lexicon: lexicon, language: language).phrases
  }

  /// The spoken title of a chapter, with the replacements the lexicon made in it.
  public static func spokenTitleWithReplacements(of chapter: Chapter, lexicon: Lexicon, language: String? = nil)
    -> (phrases: [String], replacements: [Lexicon.Replacement])
  {
    let title = spokenTitleWithReplacements(chapter.title, lexicon: lexicon, language: language)
    guard chapter.opensPart, let part = chapter.part else { return title }
    let partTitle = spokenTitleWithReplacements(part, lexicon: lexicon, language: language)
    return (partTitle.phrases + title.phrases, partTitle.replacements + title.replacements)
  }

  private static func spokenTitleWithReplacements(_ title: String, lexicon: Lexicon, language: String?)
    -> (phrases: [String], replacements: [Lexicon.Replacement])
  {
    func phrase(_ text: String) -> (String, [Lexicon.Replacement]) {
      let (spoken, replacements) = spoken(
        text.split(whereSeparator: \.isWhitespace).joined(separator: " "), lexicon: lexicon, language: language)
      return (withFinalStop(spoken), replacements)
    }
    // The label and number are already as they are to be said: "Chapter 1066." is not a year.
    if let heading = ChapterHeading.parse(title, bareNumeral: true), let number = heading.number {
      let head =
        BookLanguage.isEnglish(language) || heading.numberIsDigits
        ? "\(heading.label.map(capitalized) ?? ChapterWords.label(in: language)) \(number)."
        : withFinalStop(heading.head)
      guard let subtitle = heading.subtitle else { return ([head], []) }
      let (said, replacements) = phrase(subtitle)
      return ([head, said], replacements)
    }
    let (said, replacements) = phrase(title)
    return ([said], replacements)
  }

  private static func capitalized(_ word: String) -> String {
    word.prefix(1).uppercased() + word.dropFirst().lowercased()
  }

  /// A title ends with a full stop unless it already ends a sentence, so espeak-ng gives it
  /// a falling, final intonation.
  private static func withFinalStop(_ text: String) -> String {
    guard let last = text.last, !".!?…".contains(last) else { return text }
    return text + "."
  }
}
