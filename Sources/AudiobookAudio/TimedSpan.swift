/// A stretch of speech placed in a chapter's audio, in sample frames of the chapter file:
/// a sentence (as written) or the spoken chapter title. The manifest calls it `TimedSpan`.
public struct TimedSpan: Codable, Sendable, Equatable {
  public var text: String
  public var startFrame: Int
  public var frames: Int
  /// The sentence's words as espeak-ng timed them, when word timings were asked for.
  public var words: [TimedWord]?

  public init(text: String, startFrame: Int, frames: Int, words: [TimedWord]? = nil) {
    self.text = text
    self.startFrame = startFrame
    self.frames = frames
    self.words = words
  }
}

/// A word: from espeak-ng's word event to the next word's (or the end of its piece of speech).
public struct TimedWord: Codable, Sendable, Equatable {
  public var text: String
  public var startFrame: Int
  public var frames: Int

  public init(text: String, startFrame: Int, frames: Int) {
    self.text = text
    self.startFrame = startFrame
    self.frames = frames
  }
}
