import AudiobookAudio

/// A paragraph as the studio plays it: the WAV `say --paragraph` writes, and where its
/// sentences and words fall (`GET /api/paragraph/C/P.wav` and `.json`).
public struct ParagraphAudio: Sendable {
  /// Sample frames and where each sentence lies, for `GET /api/paragraph/C/P.json`.
  public struct Timings: Codable, Sendable, Equatable {
    public var sampleRate: Int
    public var frames: Int
    /// Each sentence as written, with its words (the same shape as the manifest's).
    public var sentences: [TimedSpan]
  }

  /// `C:P`.
  public var address: String
  public var wav: [UInt8]
  public var timings: Timings
}
