import AudiobookBook
import AudiobookCore
import AudiobookSpeech
import AudiobookText

/// A book as the studio shows it and `GET /api/book` gives it: chapters and paragraphs numbered
/// as `plan` numbers them, each paragraph's sentences as written, the warnings where they
/// apply, and the words espeak-ng would spell out.
public struct StudioBook: Codable, Sendable, Equatable {
  public struct Chapter: Codable, Sendable, Equatable {
    public var number: Int
    public var title: String
    public var sourceLine: Int
    /// What `plan` warns of at this chapter's heading (a number missing, no text, ...).
    public var warnings: [String]
    public var paragraphs: [Paragraph]
  }

  public struct Paragraph: Codable, Sendable, Equatable {
    public var number: Int
    /// `C:P`, as `say --paragraph` takes it.
    public var address: String
    public var sourceLine: Int
    public var sentences: [String]
    /// What the paragraph sounds like: changes whenever its audio would (text, lexicon, voice).
    public var fingerprint: String
  }

  public var title: String
  public var author: String?
  public var language: String?
  public var voice: String
  public var sourceFile: String
  /// One more each time the book is read again and something changed.
  public var version: Int
  public var chapters: [Chapter]
  /// Warnings that belong to no chapter (the reader's guesses, a note on correcting chapters).
  public var warnings: [String]
  /// Words espeak-ng would spell out letter by letter, for the page to mark.
  public var spelled: [String]
  /// The lexicon file the page's respellings are saved to.
  public var lexiconFile: String
  /// The reason the book could not be read again, while the page still shows the last good one.
  public var problem: String?

  /// The paragraphs whose address is new or whose audio differs from `old`'s, as `C:P`.
  public func changedParagraphs(since old: StudioBook) -> [String] {
    var before: [String: String] = [:]
    for chapter in old.chapters {
      for paragraph in chapter.paragraphs { before[paragraph.address] = paragraph.fingerprint }
    }
    return chapters.flatMap(\.paragraphs).filter { before[$0.address] != $0.fingerprint }.map(\.address)
  }
}

extension StudioBook {
  /// Reads `book` as `render` would with `preset`: its plan gives each paragraph's sentences
  /// and fingerprint (the clip keys of its batches and the voice's pauses); `spelledOut` picks
  /// the words espeak-ng spells out from those worth asking about.
  init(
    book: AudiobookBook.Book, preset: VoicePreset, cast: CastVoices? = nil, engine: EngineInfo, lexiconFile: String,
    version: Int,
    spelledOut: (_ candidates: [String]) -> [String]
  ) throws(AudiobookError) {
    let plan = try RenderPlan(book: book, preset: preset, cast: cast, engine: engine)
    var candidates = Set<String>()
    for chapter in plan.chapters {
      for piece in chapter.batches.flatMap(\.pieces) {
        for word in LexiconReport.plainWords(of: piece) where SpelledWords.isCandidate(word) {
          candidates.insert(String(word))
        }
      }
    }
    let pauses = "\(preset.pauses)"
    var chapterWarnings: [Int: [String]] = [:]
    var general: [String] = []
    let headingLines = Set(book.chapters.map(\.sourceLine))
    for warning in book.warnings {
      if let line = Self.line(of: warning, in: book.sourceFile), headingLines.contains(line) {
        chapterWarnings[line, default: []].append(warning)
      } else {
        general.append(warning)
      }
    }
    chapters = plan.chapters.map { planned in
      Chapter(
        number: planned.chapter.number, title: planned.chapter.title, sourceLine: planned.chapter.sourceLine,
        warnings: chapterWarnings[planned.chapter.sourceLine] ?? [],
        paragraphs: planned.paragraphs.compactMap { part in
          guard let paragraph = part.paragraph else { return nil }
          return Paragraph(
            number: paragraph.number, address: "\(planned.chapter.number):\(paragraph.number)",
            sourceLine: paragraph.sourceLine, sentences: part.script.sentences.map(\.text),
            fingerprint: String(FieldHash.hex([pauses] + part.batches.map(\.key.hex)).prefix(16)))
        })
    }
    title = book.title
    author = book.author
    language = book.language
    voice = preset.name
    sourceFile = book.sourceFile
    self.version = version
    warnings = general
    spelled = spelledOut(candidates.sorted())
    self.lexiconFile = lexiconFile
  }

  /// The line of a `FILE:LINE: warning: ...` message about `file`.
  private static func line(of warning: String, in file: String) -> Int? {
    guard warning.hasPrefix(file + ":") else { return nil }
    return Int(warning.dropFirst(file.count + 1).prefix { $0.isNumber })
  }
}
