internal import CSndFile

/// A sound file's format as libsndfile gives it (`SF_INFO.format`): the container, how the
/// samples are encoded and their byte order, as far as this code tells them apart.
public struct SoundFileFormat: Sendable, Equatable {
  /// The container (`SF_FORMAT_TYPEMASK`).
  public enum Container: Sendable, Equatable, CaseIterable {
    /// RIFF WAVE (`SF_FORMAT_WAV`).
    case wav
    /// RIFF WAVE with `WAVE_FORMAT_EXTENSIBLE` (`SF_FORMAT_WAVEX`).
    case wavex
    /// RF64, a WAV with 64-bit sizes (`SF_FORMAT_RF64`).
    case rf64
    /// Sony Wave64 (`SF_FORMAT_W64`).
    case w64
    /// FLAC (`SF_FORMAT_FLAC`).
    case flac
    /// Ogg (`SF_FORMAT_OGG`).
    case ogg
    /// An MPEG-1/2 audio stream (`SF_FORMAT_MPEG`).
    case mpeg
    /// Any other container libsndfile reads.
    case other
  }

  /// How the samples are encoded (`SF_FORMAT_SUBMASK`).
  public enum Encoding: Sendable, Equatable, CaseIterable {
    /// Signed 16-bit PCM (`SF_FORMAT_PCM_16`).
    case pcm16
    /// 32-bit float (`SF_FORMAT_FLOAT`).
    case float
    /// Vorbis (`SF_FORMAT_VORBIS`).
    case vorbis
    /// Opus (`SF_FORMAT_OPUS`).
    case opus
    /// MPEG Layer III (`SF_FORMAT_MPEG_LAYER_III`).
    case mpegLayerIII
    /// Any other encoding libsndfile reads.
    case other
  }

  /// The byte order (`SF_FORMAT_ENDMASK`): the container's own unless the file says
  /// otherwise, as a big-endian WAV (RIFX) does.
  public enum ByteOrder: Sendable, Equatable, CaseIterable {
    case file, little, big, cpu
  }

  public var container: Container
  public var encoding: Encoding
  public var byteOrder: ByteOrder

  public init(container: Container, encoding: Encoding, byteOrder: ByteOrder = .file) {
    self.container = container
    self.encoding = encoding
    self.byteOrder = byteOrder
  }

  /// Splits libsndfile's `SF_FORMAT_*` bits; a part it has no case for is `.other`.
  init(rawValue: Int32) {
    func part<Part>(_ table: [(Part, Int32)], mask: Int32, other: Part) -> Part {
      table.first { $0.1 == rawValue & mask }?.0 ?? other
    }
    container = part(Self.containers, mask: Int32(SF_FORMAT_TYPEMASK), other: .other)
    encoding = part(Self.encodings, mask: Int32(SF_FORMAT_SUBMASK), other: .other)
    byteOrder = part(Self.byteOrders, mask: Int32(SF_FORMAT_ENDMASK), other: .file)
  }

  /// libsndfile's `SF_FORMAT_*` bits; an `.other` part has none.
  var rawValue: Int32 {
    func bits<Part: Equatable>(_ table: [(Part, Int32)], _ value: Part) -> Int32 {
      table.first { $0.0 == value }?.1 ?? 0
    }
    return bits(Self.containers, container) | bits(Self.encodings, encoding) | bits(Self.byteOrders, byteOrder)
  }

  private static let containers: [(Container, Int32)] = [
    (.wav, Int32(SF_FORMAT_WAV)), (.wavex, Int32(SF_FORMAT_WAVEX)), (.rf64, Int32(SF_FORMAT_RF64)),
    (.w64, Int32(SF_FORMAT_W64)), (.flac, Int32(SF_FORMAT_FLAC)), (.ogg, Int32(SF_FORMAT_OGG)),
    (.mpeg, Int32(SF_FORMAT_MPEG)),
  ]
  private static let encodings: [(Encoding, Int32)] = [
    (.pcm16, Int32(SF_FORMAT_PCM_16)), (.float, Int32(SF_FORMAT_FLOAT)), (.vorbis, Int32(SF_FORMAT_VORBIS)),
    (.opus, Int32(SF_FORMAT_OPUS)), (.mpegLayerIII, Int32(SF_FORMAT_MPEG_LAYER_III)),
  ]
  private static let byteOrders: [(ByteOrder, Int32)] = [
    (.file, Int32(SF_ENDIAN_FILE)), (.little, Int32(SF_ENDIAN_LITTLE)), (.big, Int32(SF_ENDIAN_BIG)),
    (.cpu, Int32(SF_ENDIAN_CPU)),
  ]

  /// The container as `check` and the manifest name it: `wav` (WAVEX too), `rf64`, `w64`,
  /// `flac`, `ogg`, `opus` (Ogg Opus), `mpeg` or `other`.
  public var name: String {
    switch container {
    case .wav, .wavex: "wav"
    case .rf64: "rf64"
    case .w64: "w64"
    case .flac: "flac"
    case .ogg: encoding == .opus ? "opus" : "ogg"
    case .mpeg: "mpeg"
    case .other: "other"
    }
  }
}
