import AudiobookCore

/// The audio of one paragraph: one spoken piece per text sent (a sentence, or a chapter
/// title), each trimmed of espeak-ng's own leading and trailing silence, so the pauses
/// between them are exactly the preset's.
public struct Clip: Sendable, Equatable {
  public var pieces: [SpokenPiece]

  public init(pieces: [SpokenPiece]) { self.pieces = pieces }

  /// Frames of speech, without pauses.
  public var frames: Int { pieces.reduce(0) { $0 + $1.samples.count } }
}

/// One sentence's audio with the word positions espeak-ng reported while speaking it.
public struct SpokenPiece: Sendable, Equatable {
  /// 16-bit mono samples at the engine's sample rate.
  public var samples: [Int16]
  public var words: [WordTiming]

  public init(samples: [Int16], words: [WordTiming]) {
    self.samples = samples
    self.words = words
  }
}

/// Where a word starts in the spoken text and in the piece's audio.
public struct WordTiming: Sendable, Equatable {
  /// 0-based index of the word's first Unicode scalar in the text sent to espeak-ng.
  public var textOffset: Int
  /// Length in Unicode scalars.
  public var length: Int
  /// Frame offset from the start of the piece's samples.
  public var startFrame: Int

  public init(textOffset: Int, length: Int, startFrame: Int) {
    self.textOffset = textOffset
    self.length = length
    self.startFrame = startFrame
  }
}

extension Clip {
  /// The clip as bytes (for the worker pipe and the cache): count, then per piece its
  /// samples and word timings.
  package var encoded: [UInt8] {
    var writer = ByteWriter()
    writer.reserve(4 + pieces.reduce(0) { $0 + 8 + $1.words.count * 12 + $1.samples.count * 2 })
    writer.append(UInt32(pieces.count))
    for piece in pieces {
      writer.append(UInt32(piece.words.count))
      for word in piece.words {
        writer.append(UInt32(word.textOffset))
        writer.append(UInt32(word.length))
        writer.append(UInt32(word.startFrame))
      }
      writer.append(samples: piece.samples)
    }
    return writer.bytes
  }

  /// Reads `encoded` back; nil when the bytes are truncated or malformed.
  package init?(encoded bytes: ArraySlice<UInt8>) {
    var reader = ByteReader(bytes)
    guard let count = reader.uint32() else { return nil }
    var pieces: [SpokenPiece] = []
    for _ in 0..<count {
      guard let wordCount = reader.uint32() else { return nil }
      var words: [WordTiming] = []
      for _ in 0..<wordCount {
        guard let offset = reader.uint32(), let length = reader.uint32(), let start = reader.uint32() else {
          return nil
        }
        words.append(WordTiming(textOffset: Int(offset), length: Int(length), startFrame: Int(start)))
      }
      guard let samples = reader.samples() else { return nil }
      pieces.append(SpokenPiece(samples: samples, words: words))
    }
    guard reader.isAtEnd else { return nil }
    self.init(pieces: pieces)
  }

  package init?(encoded bytes: [UInt8]) { self.init(encoded: bytes[...]) }
}
