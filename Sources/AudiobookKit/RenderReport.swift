import Foundation
import AudiobookCore
import AudiobookPublish

/// What `render --report FILE.json` writes: per chapter and in total, what was done and how
/// long it took. Apart from the timing fields (`synthesisSeconds`, `wallSeconds`, `speed`) the
/// same input gives the same report.
public struct RenderReport: Codable, Sendable {
  public var book: String
  public var folder: String
  public var chapters: [ChapterReport]
  public var totals: RenderSummary
  public var synthesisSeconds: Double
  public var wallSeconds: Double
  /// Seconds of audio per second of wall time.
  public var speed: Double

  public init(book: String, result: Renderer.Result, wallSeconds: Double) {
    self.book = book
    folder = result.folder
    chapters = result.chapters
    totals = result.summary
    totals.audioSeconds = ChapterReport.rounded(totals.audioSeconds)
    synthesisSeconds = ChapterReport.rounded(result.chapters.reduce(0) { $0 + $1.synthesisSeconds })
    self.wallSeconds = ChapterReport.rounded(wallSeconds)
    speed = (result.summary.audioSeconds / max(wallSeconds, 0.001)).rounded()
  }

  /// Pretty, key-sorted JSON with a final newline.
  public func encoded() throws -> [UInt8] {
    try StableJSON.encode(self)
  }
}

/// One chapter's line in the report.
public struct ChapterReport: Codable, Sendable, Equatable {
  public var number: Int
  public var file: String
  /// Seconds, to the millisecond.
  public var durationSeconds: Double
  public var paragraphs: Int
  /// Synthesis requests answered from the cache, and synthesized.
  public var cacheHits = 0
  public var cacheMisses = 0
  public var synthesisSeconds = 0.0
  /// False when the file was unchanged and left alone.
  public var written: Bool

  init(_ chapter: Manifest.Chapter, sampleRate: Int, written: Bool) {
    number = chapter.number
    file = chapter.file
    durationSeconds = Self.rounded(Double(chapter.frames) / Double(sampleRate))
    paragraphs = chapter.paragraphs.count
    self.written = written
  }

  /// To the millisecond, so the JSON has no float noise.
  static func rounded(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }
}
