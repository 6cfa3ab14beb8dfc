import Foundation

/// A published file's format: what `render --format` names.
public enum AudioFormat: String, CaseIterable, Codable, Sendable {
  case wav, flac, ogg, opus, mp3, m4b

  public var fileExtension: String { rawValue }

  /// Whether `name` has an extension a render writes: audio, subtitles, a cue sheet. Only such
  /// files of a previous render are dropped when a render no longer has them; anything else in
  /// the book folder is carried over.
  package static func isRenderedFileName(_ name: String) -> Bool {
    let ext = (name as NSString).pathExtension.lowercased()
    return allCases.contains { $0.fileExtension == ext } || ["vtt", "srt", "cue", "epub"].contains(ext)
  }

  /// The rates the format's encoder accepts; nil when any rate will do.
  public var allowedSampleRates: [Int]? {
    switch self {
    case .opus: [8_000, 12_000, 16_000, 24_000, 48_000]
    case .mp3: [8_000, 11_025, 12_000, 16_000, 22_050, 24_000, 32_000, 44_100, 48_000]
    case .m4b: [8_000, 11_025, 12_000, 16_000, 22_050, 24_000, 32_000, 44_100, 48_000]
    case .wav, .flac, .ogg: nil
    }
  }

  /// The rate a render publishes at when `--sample-rate` is not given: the voice's own rate,
  /// except where the format needs another (Opus 48 kHz; MP3 and M4B 44.1 kHz, which MP3
  /// needs for 192 kbps).
  public func defaultSampleRate(source: Int) -> Int {
    switch self {
    case .opus: 48_000
    case .mp3, .m4b: 44_100
    case .wav, .flac, .ogg: source
    }
  }

  /// MP3's constant bit rate at `sampleRate`: 192 kbps for MPEG-1 (32 kHz and up), 96 and
  /// 48 kbps below, where MPEG-2 and 2.5 stop at 160 and 64. Nil for other formats.
  public func bitRate(sampleRate: Int) -> Int? {
    guard self == .mp3 else { return nil }
    if sampleRate >= 32_000 { return 192 }
    return sampleRate >= 16_000 ? 96 : 48
  }

  /// How libsndfile writes the format; nil for M4B, which ffmpeg writes. A WAV whose data
  /// would pass 4 GiB is RF64.
  package func encoding(sampleRate: Int, frames: Int) -> SoundFileEncoding? {
    switch self {
    case .wav: Self.needsRF64(frames: frames) ? .rf64 : .wav
    case .flac: .flac
    case .ogg: .vorbis
    case .opus: .opus
    case .mp3: .mp3(kilobitsPerSecond: bitRate(sampleRate: sampleRate) ?? 192)
    case .m4b: nil
    }
  }

  /// The most frames of 16-bit mono audio a plain WAV holds: its sizes are 32-bit, so the data
  /// must stay 64 KiB (room for the header and chunks) short of 4 GiB.
  package static let maximumWAVFrames = (Int(UInt32.max) - 65_536) / 2

  /// Whether 16-bit mono audio of `frames` frames is too big for a plain WAV.
  static func needsRF64(frames: Int) -> Bool { frames > maximumWAVFrames }

  /// Whether the format's encoder is lossy: its decoded peaks can pass the ones it was given.
  public var isLossy: Bool { codecPeakHeadroom > 0 }

  /// How far below a true-peak limit to hold the samples given to the encoder, dB, for what
  /// it adds to the peaks. Measured on espeak-ng speech limited at -1 dBTP: Vorbis and Opus
  /// add up to 0.7 dB, MP3 at 192 kbps less, AAC at 96 kbps 0.5 dB (at 64 kbps, 1.8).
  package var codecPeakHeadroom: Double {
    switch self {
    case .wav, .flac: 0
    case .ogg, .opus, .mp3: 1
    case .m4b: 1.5
    }
  }

  /// The cue sheet's FILE type: MP3 for MP3, WAVE for everything players decode themselves.
  package var cueFileType: String { self == .mp3 ? "MP3" : "WAVE" }
}
