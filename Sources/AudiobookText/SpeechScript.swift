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
    /// With a cast, who speaks which stretch of the sentence, in order (the narration and
    /// each quotation); empty without one.
    public var parts: [VoicedPart] = []

    public init(text: String, pieces: [String], parts: [VoicedPart] = []) {
      self.text = text
      self.pieces = pieces
      self.parts = parts
    }

    /// The voice of each piece: its part's, or nil without a cast.
    public var pieceVoices: [String?] {
      guard !parts.isEmpty else { return Array(repeating: nil, count: pieces.count) }
      return parts.flatMap { part in Array(repeating: Optional(part.voice), count: part.pieces) }
    }
  }

  /// A stretch of a sentence in one voice of the cast.
  public struct VoicedPart: Sendable, Equatable {
    /// As written in the book.
    public var text: String
    /// The cast's name for the voice: `narrator`, `dialogue`, or a character's name.
    public var voice: String
    /// How many of the sentence's pieces are this part's.
    public var pieces: Int

    public init(text: String, voice: String, pieces: Int) {
      self.text = text
      self.voice = voice
      self.pieces = pieces
    }
  }

  /// A stretch of a paragraph spoken in one voice of the cast: character offsets into the
  /// paragraph's text (a quotation, marks included).
  public struct VoiceSpan: Sendable, Equatable {
    public var range: Range<Int>
    public var voice: String

    public init(range: Range<Int>, voice: String) {
      self.range = range
      self.voice = voice
    }
  }

  /// One synthesis request: pieces in one voice (nil: the narrator's, without a cast).
  public struct Batch: Sendable, Equatable {
    public var pieces: [String]
    public var voice: String?
  }

  public var sentences: [Sentence]

  public init(sentences: [Sentence]) { self.sentences = sentences }

  /// Every piece in order.
  public var pieces: [String] { sentences.flatMap(\.pieces) }

  /// Pieces synthesized per request: about 5 minutes of audio at most, so even a paragraph
  /// of a megabyte never has to sit in memory whole.
  public static let batchSize = 8

  /// The synthesis requests, in order: the pieces in batches of at most `batchSize`, a new
  /// batch wherever the voice changes. The one place batches are decided: the plan keys the
  /// clip cache by them, and the chapter assembler asks for their clips by index.
  public var batches: [Batch] {
    var batches: [Batch] = []
    for sentence in sentences {
      for (piece, voice) in zip(sentence.pieces, sentence.pieceVoices) {
        if let last = batches.last, last.voice == voice, last.pieces.count < Self.batchSize {
          batches[batches.count - 1].pieces.append(piece)
        } else {
          batches.append(Batch(pieces: [piece], voice: voice))
        }
      }
    }
    return batches
  }

  /// The script of a paragraph: split into sentences, each made speakable. With `voices`
  /// (a cast), each sentence is cut into parts where a quotation starts or ends: the spans
  /// in `voices` in their voice, the rest in `narrator`.
  ///
  /// - Throws: nothing any more: a run too long for a word, once refused as `.badInput` naming
  ///   `file` and `line`, is now read in pieces (`RunBreaker`). The signature stays until the
  ///   callers drop their `try`.
  public static func paragraph(
    _ text: String, splitter: SentenceSplitter, lexicon: Lexicon = .empty, file: String, line: Int,
    voices: [VoiceSpan]? = nil
  ) throws(AudiobookError) -> SpeechScript {
    guard let voices else {
      return SpeechScript(
        sentences: splitter.sentences(in: text).map { sentence in
          Sentence(
            text: sentence, pieces: SpeechText.pieces(of: sentence, lexicon: lexicon, language: splitter.language))
        })
    }
    let characters = Array(text)
    return SpeechScript(
      sentences: splitter.sentenceRanges(in: characters).map { range in
        var sentence = Sentence(text: String(characters[range]), pieces: [])
        for (stretch, voice) in VoiceSpan.stretches(of: range, in: characters, voices: voices) {
          let written = String(characters[stretch])
          let pieces = SpeechText.pieces(of: written, lexicon: lexicon, language: splitter.language).filter {
            !$0.isEmpty
          }
          guard !pieces.isEmpty else { continue }
          sentence.pieces += pieces
          sentence.parts.append(VoicedPart(text: written, voice: voice, pieces: pieces.count))
        }
        if sentence.parts.isEmpty {
          sentence.pieces = SpeechText.pieces(of: sentence.text, lexicon: lexicon, language: splitter.language)
          sentence.parts = [VoicedPart(text: sentence.text, voice: narrator, pieces: sentence.pieces.count)]
        }
        return sentence
      })
  }

  /// The cast's name for the narrator's voice.
  public static let narrator = "narrator"

  /// The script of a chapter title: one "sentence" whose pieces are its spoken phrases, with
  /// the lexicon applied as in the paragraphs.
  public static func title(
    of chapter: Chapter, lexicon: Lexicon = .empty, cast: Bool = false, language: String? = nil
  ) -> SpeechScript {
    let pieces = SpeechText.spokenTitle(of: chapter, lexicon: lexicon, language: language)
    return SpeechScript(
      sentences: [
        Sentence(
          text: chapter.title, pieces: pieces,
          parts: cast ? [VoicedPart(text: chapter.title, voice: narrator, pieces: pieces.count)] : [])
      ])
  }
}
