import AudiobookAudio
import Foundation

/// What a read-along book's overlays play, in reading order: every spoken title and sentence
/// (or word) of the manifest with its stretch of the chapter's audio, in milliseconds.
///
/// The builders give each piece an element of the text; `verify` checks an EPUB's overlays
/// against the same list.
struct ReadAlongTimeline {
  /// A stretch of speech and where the text shows it.
  struct Piece: Equatable {
    enum Kind: Hashable {
      case title
      /// Paragraph and sentence, from 1 in the chapter.
      case sentence(paragraph: Int, sentence: Int)
      /// Paragraph, sentence and word, from 1.
      case word(paragraph: Int, sentence: Int, word: Int)
    }

    var kind: Kind
    /// As written (the chapter's title for a title).
    var text: String
    /// Milliseconds into `audio`.
    var begin: Int
    var end: Int
    /// The audio file's path inside the EPUB.
    var audio: String
  }

  /// Per chapter, in order.
  let chapters: [[Piece]]

  /// - Parameters:
  ///   - audio: per chapter, its audio (a book-folder file and the chapter's start in it).
  ///   - names: the path inside the EPUB of each book-folder audio file.
  init(
    _ manifest: Manifest, granularity: ReadAlongBook.Granularity, audio: [ReadAlongBook.Audio], names: [String: String]
  ) {
    chapters = zip(manifest.chapters, audio).map { chapter, audio in
      let path = names[audio.file] ?? audio.file
      func milliseconds(_ frame: Int) -> Int {
        Int(((audio.offset + Double(frame) / Double(manifest.sampleRate)) * 1000).rounded())
      }
      func piece(_ kind: Piece.Kind, _ text: String, _ start: Int, _ frames: Int) -> Piece {
        Piece(kind: kind, text: text, begin: milliseconds(start), end: milliseconds(start + frames), audio: path)
      }
      var pieces: [Piece] = []
      if chapter.heading.frames > 0 {
        pieces.append(piece(.title, chapter.title, chapter.heading.startFrame, chapter.heading.frames))
      }
      for (paragraphIndex, paragraph) in chapter.paragraphs.enumerated() {
        for (sentenceIndex, sentence) in paragraph.sentences.enumerated() {
          let (p, s) = (paragraphIndex + 1, sentenceIndex + 1)
          guard granularity == .words, let words = sentence.words, !words.isEmpty else {
            pieces.append(
              piece(.sentence(paragraph: p, sentence: s), sentence.text, sentence.startFrame, sentence.frames))
            continue
          }
          for (wordIndex, word) in words.enumerated() {
            pieces.append(
              piece(.word(paragraph: p, sentence: s, word: wordIndex + 1), word.text, word.startFrame, word.frames))
          }
        }
      }
      return pieces
    }
  }

  /// How long `pieces` last together, milliseconds (an overlay's `media:duration`).
  static func duration(_ pieces: some Sequence<Piece>) -> Int { pieces.reduce(0) { $0 + max(0, $1.end - $1.begin) } }
}
