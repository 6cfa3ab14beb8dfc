/// A stretch of speech placed in a chapter's audio, in sample frames of the chapter file:
/// a sentence (as written) or the spoken chapter title. The manifest calls it `TimedSpan`.
public struct TimedSpan: Codable, Sendable, Equatable {
  public var text: String
  public var startFrame: Int
  public var frames: Int
  /// The sentence's words as espeak-ng timed them, when word timings were asked for.
  public var words: [TimedWord]?
  /// With a cast, the voice of a sentence spoken in one voice (`narrator`, `dialogue`, a
  /// character's name).
  public var voice: String?
  /// With a cast, the stretches of a sentence spoken in more than one voice, in order.
  public var parts: [TimedPart]?

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

/// A stretch of a sentence in one voice of the cast: its text as written, the voice's name and
/// where it sits, in sample frames of the chapter file.
public struct TimedPart: Codable, Sendable, Equatable {
  public var text: String
  public var voice: String
  public var startFrame: Int
  public var frames: Int

  public init(text: String, voice: String, startFrame: Int, frames: Int) {
    self.text = text
    self.voice = voice
    self.startFrame = startFrame
    self.frames = frames
  }
}
