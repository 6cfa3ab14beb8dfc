import AudiobookBook
import AudiobookCore
import AudiobookSpeech
import AudiobookText
import Foundation

/// What `plan --cast-report` shows: the cast's voices, and per chapter each quotation's first
/// words, its paragraph's source line and the voice chosen, with why (a speech tag, a pronoun,
/// the paragraph's other quotation, a continued quotation, alternation, a correction, or none:
/// the default `dialogue`), so that an author can check it and correct it with `at: LINE`.
public struct CastReport: Codable, Sendable, Equatable {
  public struct Voice: Codable, Sendable, Equatable {
    public var name: String
    /// espeak-ng's voice name, variant included (`en-gb+f2`).
    public var espeakVoice: String
    public var rate: Int
    public var pitch: Int
  }

  public struct Quotation: Codable, Sendable, Equatable {
    public var line: Int
    public var paragraph: Int
    public var opening: String
    public var voice: String
    /// `tag`, `pronoun`, `paragraph`, `continued`, `alternation`, `correction` or `unattributed`.
    public var reason: String
    /// The name a speech tag gave that is nobody in the cast.
    public var taggedName: String?
  }

  public struct Chapter: Codable, Sendable, Equatable {
    public var number: Int
    public var title: String
    public var quotations: [Quotation]
  }

  public var voices: [Voice]
  public var chapters: [Chapter]

  /// The report of `book` read by `cast`.
  public init(book: Book, cast: CastVoices) {
    voices = ([Cast.narrator] + cast.cast.members.map(\.name).filter { $0 != Cast.narrator }).map { name in
      let settings = cast.settings(name)
      return Voice(name: name, espeakVoice: settings.espeakVoiceName, rate: settings.rate, pitch: settings.pitch)
    }
    chapters = ParallelLanes.map(book.chapters.count, lanes: ProcessInfo.processInfo.activeProcessorCount) { index in
      let chapter = book.chapters[index]
      let dialogue = ChapterDialogue(chapter, cast: cast)
      return Chapter(
        number: chapter.number, title: chapter.title,
        quotations: dialogue.lines.map { line in
          Quotation(
            line: line.sourceLine, paragraph: line.paragraph + 1, opening: line.opening, voice: line.voice,
            reason: line.reason.rawValue, taggedName: line.taggedName)
        })
    }
  }

  /// As JSON: sorted keys, so the same book gives the same bytes.
  public func encoded() throws -> [UInt8] {
    try StableJSON.encode(self)
  }
}
