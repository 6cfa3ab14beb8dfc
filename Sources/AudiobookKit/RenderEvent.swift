/// What a render reports as it goes, for progress displays and machines.
public enum RenderEvent: Sendable, Equatable {
  /// Planning is done: how much there is, and how much must be synthesized. `characters`
  /// counts the spoken text of the chapters to write (titles included), and
  /// `charactersToSynthesize` the part of it missing from the cache: the measure of the work
  /// ahead, from which a progress display estimates the time left.
  case started(
    chapters: Int, paragraphs: Int, paragraphsToSynthesize: Int, chaptersUnchanged: Int, characters: Int,
    charactersToSynthesize: Int)
  /// A paragraph (0 for the chapter title) is in its chapter file; `cached` when no part of
  /// it had to be synthesized; `characters` of spoken text.
  case paragraph(chapter: Int, paragraph: Int, cached: Bool, frames: Int, characters: Int)
  /// A chapter file is finished; `written` is false when it was unchanged and left alone.
  case chapter(number: Int, file: String, frames: Int, written: Bool)
  /// A cache entry failed its check and is being synthesized again.
  case damagedCacheEntry(key: String, reason: String)
  /// The render is complete.
  case finished(RenderSummary)
}

/// The totals of a finished render.
public struct RenderSummary: Sendable, Equatable, Codable {
  public var chapters: Int
  public var chaptersWritten: Int
  public var paragraphs: Int
  /// Paragraphs (and titles) at least part of which was synthesized in this render.
  public var paragraphsSynthesized: Int
  /// Synthesis requests answered from the cache.
  public var cacheHits: Int
  /// Synthesis requests that had to be synthesized.
  public var cacheMisses: Int
  public var audioSeconds: Double
  /// Bytes of audio files this render wrote (chapter files and the whole-book file; files
  /// kept from the previous render are not counted).
  public var bytesWritten = 0
}
