internal import CSndFile

/// The one place libsndfile status codes become `AudiobookError`s, with libsndfile's own
/// message (`sf_strerror`) and the file we were working on.
enum SoundFileStatus {
  static func check(_ status: Int32, _ handle: OpaquePointer?, doing action: String, path: String)
    throws(AudiobookError)
  {
    guard status != 0 else { return }
    let message = String(cString: sf_strerror(handle))
    throw AudiobookError(.io, "\(action) failed: \(message)", file: path)
  }
}

/// Writes 16-bit PCM mono WAV through libsndfile (`sf_open` in `SFM_WRITE`), frame by frame.
public final class SoundFileWriter {
  public let path: String
  /// The name errors give: the final name of a file written under a temporary one.
  public let reportedPath: String
  public let sampleRate: Int
  /// Frames written so far.
  public private(set) var frames = 0
  private var handle: OpaquePointer?

  /// Creates (or truncates) `path` as a WAV file.
  ///
  /// - Throws: `.cannotCreate` with libsndfile's message when the file cannot be created.
  public init(path: String, sampleRate: Int, reportedPath: String? = nil) throws(AudiobookError) {
    self.path = path
    self.reportedPath = reportedPath ?? path
    self.sampleRate = sampleRate
    var info = SF_INFO()
    info.samplerate = Int32(sampleRate)
    info.channels = 1
    info.format = Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_16)
    guard let handle = sf_open(path, Int32(SFM_WRITE), &info) else {
      throw AudiobookError(
        .cannotCreate, "cannot create the audio file: \(String(cString: sf_strerror(nil)))",
        file: reportedPath ?? path)
    }
    self.handle = handle
  }

  /// Appends samples (`sf_write_short`).
  public func write(_ samples: [Int16]) throws(AudiobookError) {
    guard let handle, !samples.isEmpty else { return }
    let written = samples.withUnsafeBufferPointer { sf_write_short(handle, $0.baseAddress, sf_count_t($0.count)) }
    guard written == samples.count else {
      throw AudiobookError(.io, "writing audio failed: \(String(cString: sf_strerror(handle)))", file: reportedPath)
    }
    frames += samples.count
  }

  /// Appends `count` frames of digital silence.
  public func writeSilence(frames count: Int) throws(AudiobookError) {
    var remaining = count
    let block = [Int16](repeating: 0, count: 4096)
    while remaining > 0 {
      let n = min(remaining, block.count)
      try write(n == block.count ? block : Array(block[0..<n]))
      remaining -= n
    }
  }

  /// Finishes the header and closes the file (`sf_close`).
  public func close() throws(AudiobookError) {
    guard let handle else { return }
    self.handle = nil
    try SoundFileStatus.check(sf_close(handle), nil, doing: "closing the audio file", path: reportedPath)
  }

  deinit { if let handle { sf_close(handle) } }
}

/// Reads a sound file's format and 16-bit samples through libsndfile.
public struct SoundFileReader {
  public let path: String
  public let frames: Int
  public let sampleRate: Int
  public let channels: Int
  /// libsndfile's major format and subtype, e.g. `SF_FORMAT_WAV | SF_FORMAT_PCM_16`.
  public let format: Int

  /// Opens `path` to read its header.
  ///
  /// - Throws: `.missingInput` with libsndfile's message.
  public init(path: String) throws(AudiobookError) {
    var info = SF_INFO()
    guard let handle = sf_open(path, Int32(SFM_READ), &info) else {
      throw AudiobookError(
        .missingInput, "cannot open the audio file: \(String(cString: sf_strerror(nil)))", file: path)
    }
    sf_close(handle)
    self.path = path
    frames = Int(info.frames)
    sampleRate = Int(info.samplerate)
    channels = Int(info.channels)
    format = Int(info.format)
  }

  /// Whether the file is 16-bit PCM WAV.
  public var isPCM16WAV: Bool { format == Int(SF_FORMAT_WAV | SF_FORMAT_PCM_16) }

  /// All samples, interleaved (`sf_read_short`).
  public func samples() throws(AudiobookError) -> [Int16] {
    var info = SF_INFO()
    guard let handle = sf_open(path, Int32(SFM_READ), &info) else {
      throw AudiobookError(
        .missingInput, "cannot open the audio file: \(String(cString: sf_strerror(nil)))", file: path)
    }
    defer { sf_close(handle) }
    let count = Int(info.frames) * Int(info.channels)
    var samples = [Int16](repeating: 0, count: count)
    let read = samples.withUnsafeMutableBufferPointer { sf_read_short(handle, $0.baseAddress, sf_count_t(count)) }
    guard read == count else {
      throw AudiobookError(.io, "reading audio failed: read \(read) of \(count) samples", file: path)
    }
    return samples
  }
}
