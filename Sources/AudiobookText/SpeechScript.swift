import AudiobookBook
import AudiobookCore

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

  /// Every piece in order.
  public var pieces: [String] { sentences.flatMap(\.pieces) }

  /// Pieces synthesized per request: about 5 minutes of audio at most, so even a paragraph
  /// of a megabyte never has to sit in memory whole.
  public static let batchSize = 8

  /// The synthesis requests, in order: the pieces in batches of at most `batchSize`. The
  /// one place batches are decided: the plan keys the clip cache by them, and the chapter
  /// assembler asks for their clips by index.
  public var batches: [[String]] {
    let pieces = self.pieces
    return stride(from: 0, to: pieces.count, by: Self.batchSize).map {
      Array(pieces[$0..<min($0 + Self.batchSize, pieces.count)])
    }
  }

  /// The script of a paragraph: split into sentences, each made speakable.
  ///
  /// - Throws: nothing any more: a run too long for a word, once refused as `.badInput` naming
  ///   `file` and `line`, is now read in pieces (`RunBreaker`). The signature stays until the
  ///   callers drop their `try`.
  public static func paragraph(
    _ text: String, splitter: SentenceSplitter, lexicon: Lexicon = .empty, file: String, line: Int
  ) throws(AudiobookError) -> SpeechScript {
    SpeechScript(
      sentences: splitter.sentences(in: text).map { sentence in
        Sentence(text: sentence, pieces: SpeechText.pieces(of: sentence, lexicon: lexicon))
      })
  }

  /// The script of a chapter title: one "sentence" whose pieces are its spoken phrases, with
  /// the lexicon applied as in the paragraphs.
  public static func title(of chapter: Chapter, lexicon: Lexicon = .empty) -> SpeechScript {
    SpeechScript(
      sentences: [Sentence(text: chapter.title, pieces: SpeechText.spokenTitle(of: chapter, lexicon: lexicon))])
  }
}
