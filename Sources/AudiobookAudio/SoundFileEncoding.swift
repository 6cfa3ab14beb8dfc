internal import CSndFile

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

  /// libsndfile's `SF_FORMAT_*` container and subtype.
  package var format: Int32 {
    switch self {
    case .wav: Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_16)
    case .rf64: Int32(SF_FORMAT_RF64 | SF_FORMAT_PCM_16)
    case .w64Float: Int32(SF_FORMAT_W64 | SF_FORMAT_FLOAT)
    case .w64: Int32(SF_FORMAT_W64 | SF_FORMAT_PCM_16)
    case .flac: Int32(SF_FORMAT_FLAC | SF_FORMAT_PCM_16)
    case .vorbis: Int32(SF_FORMAT_OGG | SF_FORMAT_VORBIS)
    case .opus: Int32(SF_FORMAT_OGG | SF_FORMAT_OPUS)
    case .mp3: Int32(SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III)
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
