/// How libsndfile encodes a file it writes: container, sample format and encoder settings.
public enum SoundFileEncoding: Sendable, Equatable {
  /// 16-bit PCM WAV.
  case wav
  /// 16-bit PCM RF64: a WAV whose sizes do not stop at 4 GiB.
  case rf64
  /// 32-bit float Sony Wave64: lossless scratch files of any size.
  case w64Float
  /// 16-bit PCM Sony Wave64: lossless scratch files of any size.
  case w64
  /// 16-bit FLAC.
  case flac
  /// Ogg Vorbis at libsndfile's default quality.
  case vorbis
  /// Ogg Opus at libsndfile's default bit rate.
  case opus
  /// MPEG-1/2 Layer III (LAME), constant bit rate.
  case mp3(kilobitsPerSecond: Int)

  /// The container and sample encoding libsndfile writes.
  package var format: SoundFileFormat {
    switch self {
    case .wav: SoundFileFormat(container: .wav, encoding: .pcm16)
    case .rf64: SoundFileFormat(container: .rf64, encoding: .pcm16)
    case .w64Float: SoundFileFormat(container: .w64, encoding: .float)
    case .w64: SoundFileFormat(container: .w64, encoding: .pcm16)
    case .flac: SoundFileFormat(container: .flac, encoding: .pcm16)
    case .vorbis: SoundFileFormat(container: .ogg, encoding: .vorbis)
    case .opus: SoundFileFormat(container: .ogg, encoding: .opus)
    case .mp3: SoundFileFormat(container: .mpeg, encoding: .mpegLayerIII)
    }
  }

  /// Whether the container carries a `cue ` chunk with labelled markers: WAV only;
  /// libsndfile's RF64 writer has none.
  var carriesMarkers: Bool { self == .wav }

  var isMP3: Bool {
    if case .mp3 = self { return true }
    return false
  }

  /// Whether the container is Ogg, whose stream serial numbers libsndfile draws at random.
  var isOgg: Bool { self == .vorbis || self == .opus }

  /// The MP3 bit rates LAME offers at `sampleRate`: MPEG-1 (32 kHz and up) 32–320 kbps,
  /// MPEG-2 (16–24 kHz) 8–160, MPEG-2.5 (below 16 kHz) 8–64.
  static func mp3BitRateRange(sampleRate: Int) -> ClosedRange<Int> {
    if sampleRate >= 32_000 { return 32...320 }
    if sampleRate >= 16_000 { return 8...160 }
    return 8...64
  }

  /// The `SFC_SET_COMPRESSION_LEVEL` value that makes libsndfile ask LAME for `kbps`:
  /// libsndfile maps the level linearly onto the version's bit-rate range and truncates.
  static func mp3CompressionLevel(kilobitsPerSecond kbps: Int, sampleRate: Int) -> Double {
    let range = mp3BitRateRange(sampleRate: sampleRate)
    let top = Double(range.upperBound)
    let bottom = Double(range.lowerBound)
    return min(1, max(0, (top - (Double(kbps) + 0.5)) / (top - bottom)))
  }
}
