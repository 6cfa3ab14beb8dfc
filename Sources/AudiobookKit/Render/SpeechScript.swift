/// What is spoken for one paragraph (or a chapter title): its sentences as written, each
/// with the speech pieces sent to espeak-ng.
public struct SpeechScript: Sendable, Equatable {
  public struct Sentence: Sendable, Equatable {
    /// The sentence as written in the book (the manifest's `text`).
    public var text: String
    /// What espeak-ng is given; usually one piece, more for an overlong sentence.
    public var pieces: [String]
  }

  public var sentences: [Sentence]

  /// Every piece in order, as one synthesis request.
  public var pieces: [String] { sentences.flatMap(\.pieces) }

  /// The script of a paragraph: split into sentences, each made speakable.
  public static func paragraph(
    _ text: String, splitter: SentenceSplitter, lexicon: Lexicon = .empty, file: String, line: Int
  ) throws(AudiobookError) -> SpeechScript {
    var sentences: [Sentence] = []
    for sentence in splitter.sentences(in: text) {
      sentences.append(
        Sentence(text: sentence, pieces: try SpeechText.pieces(of: sentence, lexicon: lexicon, file: file, line: line)))
    }
    return SpeechScript(sentences: sentences)
  }

  /// The script of a chapter title: one "sentence" whose pieces are its spoken phrases, with
  /// the lexicon applied as in the paragraphs.
  public static func title(of chapter: Chapter, lexicon: Lexicon = .empty) -> SpeechScript {
    SpeechScript(
      sentences: [Sentence(text: chapter.title, pieces: SpeechText.spokenTitle(of: chapter, lexicon: lexicon))])
  }
}
