import AudiobookCore
import AudiobookAudio

/// What `render` publishes beyond its plain 16-bit WAVs at the voice's rate: another format
/// or rate, loudness normalization, the audiobook master, a whole-book file.
///
/// A render without these options (`Renderer.publishing == nil`) writes exactly what it always
/// did; with them, each chapter is assembled as before and then published from its PCM:
/// resampled (libsamplerate), given one gain (limited at a true-peak ceiling), room tone
/// added for the master, encoded (libsndfile; ffmpeg for M4B), and tagged.
public struct PublishOptions: Sendable, Equatable {
  /// Which files a render writes: one per chapter, one for the whole book, or both.
  public enum Layout: String, CaseIterable, Codable, Sendable {
    case chapters, book, both

    public var includesChapterFiles: Bool { self != .book }
    public var includesBookFile: Bool { self != .chapters }
  }

  /// A set of distributor requirements to master for.
  public enum Master: String, CaseIterable, Codable, Sendable {
    /// The common audiobook specification (ACX's numbers, reused by other distributors).
    case audiobook
  }

  public var format: AudioFormat
  /// The published rate; nil for the format's default (`AudioFormat.defaultSampleRate`).
  public var sampleRate: Int?
  /// Integrated loudness each chapter is brought to, LUFS.
  public var loudness: Double?
  public var master: Master?
  public var layout: Layout
  /// Set on the MP3 files a read-along EPUB is made from (`--format epub`): which unit of
  /// text its overlays light up.
  public var readAlong: ReadAlongBook.Granularity?

  public init(
    format: AudioFormat = .wav, sampleRate: Int? = nil, loudness: Double? = nil, master: Master? = nil,
    layout: Layout = .chapters
  ) {
    self.format = format
    self.sampleRate = sampleRate
    self.loudness = loudness
    self.master = master
    self.layout = layout
  }

  /// The true-peak ceiling `--loudness` holds, dBTP (EBU R128's −1).
  public static let loudnessPeakLimit = -1.0
  /// How far a chapter may be turned up past the plain gain to make up what the limiter
  /// took: beyond that the limiter would be compressing the speech, not catching peaks.
  static let makeUpLimit = 1.0

  /// The limiter's ceiling for `--loudness`, dBTP: lower for lossy formats, whose encoders
  /// add to the peaks.
  package var loudnessCeiling: Double { Self.loudnessPeakLimit - format.codecPeakHeadroom }

  /// The published rate for a voice that speaks at `source` Hz.
  public func outputRate(source: Int) -> Int {
    if master == .audiobook { return AudiobookSpec.sampleRate }
    return sampleRate ?? format.defaultSampleRate(source: source)
  }

  /// Whether chapters are brought to a level (and so measured first).
  package var adjustsLevel: Bool { loudness != nil || master != nil }

  /// What is wrong with this combination, as a sentence naming the flag; nil when it is fine.
  public var problem: String? {
    if let sampleRate {
      guard (8_000...192_000).contains(sampleRate) else {
        return "--sample-rate must be between 8000 and 192000 Hz; got \(sampleRate)."
      }
      if let allowed = format.allowedSampleRates, !allowed.contains(sampleRate) {
        return "--format \(format.rawValue) takes --sample-rate "
          + allowed.map(String.init).joined(separator: ", ") + "; got \(sampleRate)."
      }
    }
    if let loudness, !(-70.0...0.0).contains(loudness) {
      return "--loudness is a target in LUFS between -70 and 0, such as -18; got \(loudness)."
    }
    if master == .audiobook {
      if loudness != nil {
        return "--master audiobook sets the level itself (RMS -20 dBFS); leave out --loudness."
      }
      if let sampleRate, sampleRate != AudiobookSpec.sampleRate {
        return "--master audiobook publishes at 44100 Hz; leave out --sample-rate."
      }
      guard [.wav, .flac, .mp3].contains(format) else {
        return "--master audiobook publishes wav, flac or mp3 (the formats distributors take); got \(format.rawValue)."
      }
      guard layout.includesChapterFiles else {
        return "--master audiobook writes one file per chapter, as distributors ask; use --layout chapters or both."
      }
    }
    if format == .m4b && layout != .book {
      return "--format m4b writes one whole-book file; use --layout book (or leave --layout out)."
    }
    return nil
  }

  /// What decides a published chapter's bytes beyond its audio: mixed into the chapter's
  /// content hash, so a change of format, rate, level or tags rewrites the file.
  package func contentHash(_ audioHash: String, tags: AudioTags, outputRate: Int) -> String {
    FieldHash.hex(
      [
        "audiobook-published-1", audioHash, format.rawValue, String(outputRate), loudness.map { String($0) } ?? "-",
        master?.rawValue ?? "-",
      ] + tags.fields)
  }
}
