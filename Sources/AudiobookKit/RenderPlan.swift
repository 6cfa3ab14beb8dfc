import Crypto
import Foundation
import AudiobookCore
import AudiobookBook
import AudiobookText
import AudiobookSpeech
import AudiobookAudio
import AudiobookPublish

/// Everything a render will speak, worked out before any audio is made: each chapter's
/// scripts, the synthesis requests (batches of speech pieces) with their cache keys, and a
/// hash of everything that decides the chapter file's bytes.
///
/// Building the plan checks all the text first, so a book with unspeakable text fails before
/// a single file is written.
struct RenderPlan {
  /// One synthesis request: a batch of its script's pieces (`SpeechScript.batches`).
  struct Batch: Sendable {
    var pieces: [String]
    /// The voice it is spoken in: the preset's, or a cast member's.
    var voice: EngineSettings
    var key: ClipKey
    /// Position among all the book's batches, in reading order.
    var order: Int

    /// The spoken text's length, the measure of the work of synthesizing it.
    var characters: Int { pieces.reduce(0) { $0 + $1.count } }
  }

  /// The chapter title or a paragraph, with its requests.
  struct Part {
    var script: SpeechScript
    /// The script's batches, keyed; `batches[i]` is the assembler's batch `i`.
    var batches: [Batch]
    /// Nil for the chapter title.
    var paragraph: Paragraph?

    /// The spoken text's length (`Batch.characters`).
    var characters: Int { batches.reduce(0) { $0 + $1.characters } }

    /// `script` with its batches keyed for `settings` (or, with a cast, each batch's voice)
    /// on `engine`, numbered from `order` on (which is advanced past them).
    init(
      _ script: SpeechScript, paragraph: Paragraph?, settings: EngineSettings, cast: CastVoices? = nil,
      engine: EngineInfo, order: inout Int
    ) {
      self.script = script
      self.paragraph = paragraph
      var batches: [Batch] = []
      for batch in script.batches {
        let voice = cast?.settings(batch.voice) ?? settings
        batches.append(
          Batch(
            pieces: batch.pieces, voice: voice, key: ClipKey(pieces: batch.pieces, settings: voice, engine: engine),
            order: order))
        order += 1
      }
      self.batches = batches
    }

    /// Numbers the batches from `order` on (which is advanced past them).
    mutating func renumber(from order: inout Int) {
      for index in batches.indices {
        batches[index].order = order
        order += 1
      }
    }
  }

  struct ChapterPlan {
    var chapter: Chapter
    var file: String
    var title: Part
    var paragraphs: [Part]
    /// Changes whenever the chapter file's bytes would.
    var contentHash: String

    var batches: [Batch] { title.batches + paragraphs.flatMap(\.batches) }
  }

  var chapters: [ChapterPlan]

  /// Plans `book` for `preset` on `engine`, its chapters several at once (one per core);
  /// batches are numbered in reading order whatever the number of cores.
  ///
  /// - Throws: nothing today: every text is spoken, a run espeak-ng cannot take whole in pieces
  ///   (`RunBreaker`); `SpeechScript.paragraph` keeps its `throws` for the speech steps to come.
  ///   Were one to fail, the first chapter's failure would be the one thrown.
  init(
    book: Book, preset: VoicePreset, cast: CastVoices? = nil, engine: EngineInfo, fileExtension: String = "wav"
  ) throws(AudiobookError) {
    let lexicon = preset.lexicon(forBookIn: book.language).merging(book.lexicon)
    let planned = ParallelLanes.map(book.chapters.count, lanes: ProcessInfo.processInfo.activeProcessorCount) {
      index -> Result<ChapterPlan, AudiobookError> in
      do throws(AudiobookError) {
        return .success(
          try Self.plan(
            book.chapters[index], of: book, lexicon: lexicon, preset: preset, cast: cast, engine: engine,
            fileExtension: fileExtension))
      } catch {
        return .failure(error)
      }
    }
    var order = 0
    var chapters: [ChapterPlan] = []
    for result in planned {
      var chapter = try result.get()
      chapter.title.renumber(from: &order)
      for index in chapter.paragraphs.indices { chapter.paragraphs[index].renumber(from: &order) }
      chapters.append(chapter)
    }
    self.chapters = chapters
  }

  /// One chapter's plan, its batches numbered from 0.
  private static func plan(
    _ chapter: Chapter, of book: Book, lexicon: Lexicon, preset: VoicePreset, cast: CastVoices?, engine: EngineInfo,
    fileExtension: String
  ) throws(AudiobookError) -> ChapterPlan {
    let splitter = SentenceSplitter(language: book.language)
    var order = 0
    func part(_ script: SpeechScript, paragraph: Paragraph?) -> Part {
      Part(script, paragraph: paragraph, settings: preset.engine, cast: cast, engine: engine, order: &order)
    }
    let file = BookSlug.chapterFileName(
      number: chapter.number, of: book.chapters.count, title: chapter.title, extension: fileExtension)
    let title = part(
      SpeechScript.title(of: chapter, lexicon: lexicon, cast: cast != nil, language: book.language), paragraph: nil)
    let dialogue = cast.map { ChapterDialogue(chapter, cast: $0) }
    var paragraphs: [Part] = []
    for (index, paragraph) in chapter.paragraphs.enumerated() {
      let script = try SpeechScript.paragraph(
        paragraph.text, splitter: splitter, lexicon: lexicon, file: book.sourceFile, line: paragraph.sourceLine,
        voices: dialogue?.spans[index])
      paragraphs.append(part(script, paragraph: paragraph))
    }
    let hash = contentHash(file: file, title: title, paragraphs: paragraphs, preset: preset, engine: engine)
    return ChapterPlan(chapter: chapter, file: file, title: title, paragraphs: paragraphs, contentHash: hash)
  }

  /// The clips (by key), how they are grouped into sentences, the pauses and the sample rate:
  /// what the assembler turns into bytes.
  private static func contentHash(
    file: String, title: Part, paragraphs: [Part], preset: VoicePreset, engine: EngineInfo
  ) -> String {
    var hasher = SHA256()
    func add(_ text: String) {
      hasher.update(data: Array(text.utf8))
      hasher.update(data: [0])
    }
    add("audiobook-chapter-1")
    add(file)
    add(String(engine.sampleRate))
    // Only the pauses that occur in this chapter: a book-wide change to the paragraph pause
    // leaves a one-paragraph chapter's file alone.
    let pauses = preset.pauses
    let parts = [title] + paragraphs
    let hasSentencePause = parts.contains { $0.script.sentences.count > 1 || $0.script.pieces.count > 1 }
    add(hasSentencePause ? String(pauses.sentence) : "-")
    add(paragraphs.count > 1 ? String(pauses.paragraph) : "-")
    for value in [pauses.afterTitle, pauses.head, pauses.tail] { add(String(value)) }
    for part in parts {
      add("part")
      part.script.sentences.forEach { add(String($0.pieces.count)) }
      part.batches.forEach { add($0.key.hex) }
      // With a cast, who speaks each stretch: the manifest names them, and the part pause falls between them.
      for sentence in part.script.sentences where !sentence.parts.isEmpty {
        add("voices")
        sentence.parts.forEach {
          add($0.voice)
          add(String($0.pieces))
        }
      }
    }
    return Hex.string(hasher.finalize())
  }
}
