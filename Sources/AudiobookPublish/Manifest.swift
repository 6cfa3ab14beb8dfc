import Foundation
import AudiobookCore
import AudiobookSpeech
import AudiobookAudio

/// `manifest.json`: what was rendered, where every sentence sits in its chapter file.
///
/// Frames are sample frames of the chapter file they belong to (DESIGN.md contracts). The
/// manifest holds no timestamps or machine paths, so the same input gives the same bytes.
public struct Manifest: Codable, Sendable, Equatable {
  public var title: String
  public var author: String?
  /// The book's language, publisher and publication date, when the manuscript gives them (EPUB metadata).
  public var language: String?
  public var publisher: String?
  public var date: String?
  /// The rest of the book's metadata, as the published files carry it.
  public var subtitle: String?
  /// The narrator as tagged: the book's, else a line naming the voice.
  public var narrator: String?
  public var series: String?
  public var seriesPosition: String?
  public var description: String?
  public var genre: String?
  public var identifier: String?
  /// The cover image beside the audio files (`cover.jpg` or `cover.png`), when the book has one.
  public var cover: String?
  /// The cover file's SHA-256, which `verify` checks.
  public var coverSHA256: String?
  /// Other files the render wrote beside the audio (a library's `desc.txt` and `reader.txt`).
  public var sidecars: [String]?
  public var sampleRate: Int
  public var voice: Voice
  public var engine: Engine
  /// The subtitle formats written beside each chapter file (`vtt`, `srt`, `words`), if any.
  public var subtitles: [Subtitles.Format]?
  /// How the files were published, when the render did more than write 16-bit WAVs at the
  /// voice's rate; `sampleRate` and every frame are then the published files'.
  public var publishing: Publishing?
  /// The whole-book file, when the layout has one.
  public var book: BookFile?
  /// The other formats the render published, when `--format` named several.
  public var editions: [Edition]?
  /// The read-along EPUB, when `--format` named `epub`.
  public var readAlong: ReadAlong?
  public var chapters: [Chapter]

  public struct Voice: Codable, Sendable, Equatable {
    public var name: String
    public var settings: EngineSettings
    public var pauses: Pauses

    package init(name: String, settings: EngineSettings, pauses: Pauses) {
      self.name = name
      self.settings = settings
      self.pauses = pauses
    }
  }

  public struct Engine: Codable, Sendable, Equatable {
    public var name: String
    public var version: String

    package init(name: String, version: String) {
      self.name = name
      self.version = version
    }
  }

  public struct Chapter: Codable, Sendable, Equatable {
    public var number: Int
    public var title: String
    public var file: String
    public var frames: Int
    /// SHA-256 of the chapter file, as `sha256sum` prints it; `verify` checks it.
    public var sha256: String
    public var sourceLine: Int
    /// A hash of everything that decides the file's bytes; a re-render leaves the file alone
    /// while it is unchanged.
    public var contentHash: String
    /// Where the spoken title sits.
    public var heading: Span
    public var paragraphs: [Paragraph]
    /// The part (`Part One`, `BOOK II`) the chapter belongs to, when the book has parts.
    public var part: String? = nil
    /// Where the chapter starts in `file` when that is the whole-book file (`--layout book`);
    /// the chapter's own frames then count from there.
    public var startFrame: Int?
    /// The published audio's levels, and the one gain that brought it there (dB).
    public var levels: AudioLevels?
    public var gain: Double?

    package init(
      number: Int, title: String, file: String, frames: Int, sha256: String, sourceLine: Int, contentHash: String,
      heading: Span, paragraphs: [Paragraph], part: String? = nil, startFrame: Int? = nil, levels: AudioLevels? = nil,
      gain: Double? = nil
    ) {
      self.number = number
      self.title = title
      self.file = file
      self.frames = frames
      self.sha256 = sha256
      self.sourceLine = sourceLine
      self.contentHash = contentHash
      self.heading = heading
      self.paragraphs = paragraphs
      self.part = part
      self.startFrame = startFrame
      self.levels = levels
      self.gain = gain
    }
  }

  /// The publishing step's settings.
  public struct Publishing: Codable, Sendable, Equatable {
    public var format: AudioFormat
    public var layout: PublishOptions.Layout
    /// The voice's rate, at which the chapters were assembled.
    public var sourceSampleRate: Int
    /// MP3's constant bit rate, kbps.
    public var bitRate: Int?
    /// The integrated loudness target, LUFS.
    public var loudness: Double?
    public var master: PublishOptions.Master?

    package init(
      format: AudioFormat, layout: PublishOptions.Layout, sourceSampleRate: Int, bitRate: Int? = nil,
      loudness: Double? = nil, master: PublishOptions.Master? = nil
    ) {
      self.format = format
      self.layout = layout
      self.sourceSampleRate = sourceSampleRate
      self.bitRate = bitRate
      self.loudness = loudness
      self.master = master
    }
  }

  /// The whole-book file: all chapters in one, chapter starts in frames.
  public struct BookFile: Codable, Sendable, Equatable {
    public var file: String
    public var frames: Int
    public var sha256: String
    /// Changes whenever the file's bytes would.
    public var contentHash: String
    public var chapterStarts: [Int]

    package init(file: String, frames: Int, sha256: String, contentHash: String, chapterStarts: [Int]) {
      self.file = file
      self.frames = frames
      self.sha256 = sha256
      self.contentHash = contentHash
      self.chapterStarts = chapterStarts
    }
  }

  public struct Paragraph: Codable, Sendable, Equatable {
    public var id: String
    public var number: Int
    public var sourceLine: Int
    public var startFrame: Int
    public var frames: Int
    public var sentences: [Span]

    package init(id: String, number: Int, sourceLine: Int, startFrame: Int, frames: Int, sentences: [Span]) {
      self.id = id
      self.number = number
      self.sourceLine = sourceLine
      self.startFrame = startFrame
      self.frames = frames
      self.sentences = sentences
    }
  }

  /// A stretch of speech: a sentence (as written) or the spoken chapter title.
  public typealias Span = TimedSpan
  /// A word of a sentence.
  public typealias Word = TimedWord

  package init(
    title: String, author: String? = nil, language: String? = nil, publisher: String? = nil, date: String? = nil,
    sampleRate: Int, voice: Voice, engine: Engine, subtitles: [Subtitles.Format]? = nil, publishing: Publishing? = nil,
    book: BookFile? = nil, chapters: [Chapter]
  ) {
    self.title = title
    self.author = author
    self.language = language
    self.publisher = publisher
    self.date = date
    self.sampleRate = sampleRate
    self.voice = voice
    self.engine = engine
    self.subtitles = subtitles
    self.publishing = publishing
    self.book = book
    self.chapters = chapters
  }
}

extension Manifest {
  /// Pretty, key-sorted JSON with a final newline: stable bytes for the same manifest.
  public func encoded() throws -> [UInt8] {
    try StableJSON.encode(self)
  }
}

extension Manifest {
  /// Chapter files and the subtitle files beside them, in chapter order.
  public var publishedFiles: [String] {
    let formats = (subtitles ?? []).filter { $0 != .words }
    let chapterFiles = chapters.filter { $0.startFrame == nil }.flatMap { chapter in
      [chapter.file] + formats.map { Subtitles.fileName(for: chapter.file, format: $0) }
    }
    return chapterFiles + (book.map { [$0.file] } ?? []) + (editions ?? []).flatMap(\.files)
      + (readAlong.map { [$0.file] } ?? []) + besideFiles
  }

  /// The cover and the sidecar files: written with the audio, named by no chapter.
  public var besideFiles: [String] { (cover.map { [$0] } ?? []) + (sidecars ?? []) }
}
