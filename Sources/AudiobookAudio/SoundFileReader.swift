internal import CSndFile
import AudiobookCore

#if canImport(Glibc)
  import Glibc
#endif

/// Reads a sound file through libsndfile (`sf_open` in `SFM_READ`): its format, tags and
/// markers when opened, then its samples, whole or block by block, so a long file never
/// sits in memory whole.
///
/// The reader owns the open file: `close()` says whether libsndfile closed it cleanly, and
/// the reader closes it quietly when released without.
public final class SoundFileReader {
  public let path: String
  public let frames: Int
  public let sampleRate: Int
  public let channels: Int
  /// The container, encoding and byte order libsndfile found.
  public let format: SoundFileFormat
  /// The tags libsndfile reads (`sf_get_string`).
  public let tags: AudioTags
  /// Cue markers (`SFC_GET_CUE`), with the labels libsndfile reads for them.
  public let markers: [AudioMarker]
  /// Whether an MP3 file is constant bit rate (`SFC_GET_BITRATE_MODE`); nil for other formats.
  public let isConstantBitRate: Bool?
  private var handle: OpaquePointer?
  /// Whether samples were read: `samples()` then goes back to the start.
  private var hasRead = false

  /// Opens `path` and reads its header.
  ///
  /// - Throws: `.missingInput` with libsndfile's message.
  public convenience init(path: String) throws(AudiobookError) {
    do {
      try self.init(opening: path)
    } catch {
      throw error.audiobookError
    }
  }

  /// Opens `path` and reads its header.
  ///
  /// - Throws: libsndfile's failure (`SoundFileError.Operation.open`).
  package init(opening path: String) throws(SoundFileError) {
    var info = SF_INFO()
    guard let handle = sf_open(path, Int32(SFM_READ), &info) else {
      throw SoundFileError(.open, handle: nil, path: path)
    }
    self.handle = handle
    self.path = path
    frames = Int(info.frames)
    sampleRate = Int(info.samplerate)
    channels = Int(info.channels)
    format = SoundFileFormat(rawValue: info.format)
    tags = Self.tags(handle)
    markers = Self.markers(handle)
    if format.container == .mpeg {
      isConstantBitRate = sf_command(handle, Int32(SFC_GET_BITRATE_MODE), nil, 0) == Int32(SF_BITRATE_MODE_CONSTANT)
    } else {
      isConstantBitRate = nil
    }
  }

  /// Opens `path` to read a mono stream block by block.
  ///
  /// - Throws: `.missingInput` with libsndfile's message; `.badInput` when the file has more
  ///   than one channel.
  package convenience init(monoPath path: String) throws(AudiobookError) {
    try self.init(path: path)
    guard channels == 1 else {
      throw AudiobookError(.badInput, "expected mono audio, found \(channels) channels", file: path)
    }
  }

  /// UTF-8, except ID3 text, which is Latin-1: its bytes are the first 256 code points.
  private static func tags(_ handle: OpaquePointer) -> AudioTags {
    func string(_ type: Int32) -> String? {
      guard let pointer = sf_get_string(handle, type) else { return nil }
      if let text = String(validatingCString: pointer) { return text }
      var latin1 = String.UnicodeScalarView()
      var cursor = pointer
      while cursor.pointee != 0 {
        latin1.append(Unicode.Scalar(UInt8(bitPattern: cursor.pointee)))
        cursor += 1
      }
      return String(latin1)
    }
    return AudioTags(
      title: string(Int32(SF_STR_TITLE)), artist: string(Int32(SF_STR_ARTIST)), album: string(Int32(SF_STR_ALBUM)),
      trackNumber: string(Int32(SF_STR_TRACKNUMBER)), comment: string(Int32(SF_STR_COMMENT)))
  }

  /// The cue points (`SFC_GET_CUE_COUNT`, `SFC_GET_CUE`); none when the file has none.
  private static func markers(_ handle: OpaquePointer) -> [AudioMarker] {
    var count: UInt32 = 0
    guard sf_command(handle, Int32(SFC_GET_CUE_COUNT), &count, Int32(MemoryLayout<UInt32>.size)) == 1, count > 0
    else { return [] }
    let stride = MemoryLayout<SF_CUE_POINT>.stride
    let size = MemoryLayout<UInt32>.size + Int(count) * stride
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<SF_CUE_POINT>.alignment)
    defer { buffer.deallocate() }
    buffer.storeBytes(of: count, as: UInt32.self)
    guard sf_command(handle, Int32(SFC_GET_CUE), buffer, Int32(size)) == 1 else { return [] }
    var markers: [AudioMarker] = []
    for index in 0..<Int(buffer.load(as: UInt32.self)) {
      var point = SF_CUE_POINT()
      withUnsafeMutableBytes(of: &point) {
        $0.copyMemory(from: UnsafeRawBufferPointer(start: buffer + 4 + index * stride, count: stride))
      }
      let label = withUnsafeBytes(of: point.name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      markers.append(AudioMarker(frame: Int(point.sample_offset), label: label))
    }
    return markers
  }

  /// The container, as libsndfile names it: `wav`, `rf64`, `flac`, `ogg`, `mpeg`, ...
  public var container: String { format.name }

  /// Whether the samples are 16-bit PCM (WAV, RF64, FLAC).
  public var isPCM16: Bool { format.encoding == .pcm16 }

  /// Whether the file is 16-bit PCM WAV.
  public var isPCM16WAV: Bool { format == SoundFileFormat(container: .wav, encoding: .pcm16) }

  /// All samples, interleaved, from the start whatever was read before (`sf_read_short`,
  /// after `sf_seek` back to the start).
  ///
  /// - Throws: `.io` with libsndfile's message, or when the file holds fewer samples than
  ///   its header says.
  public func samples() throws(AudiobookError) -> [Int16] {
    let handle = try open()
    if hasRead, sf_seek(handle, 0, SEEK_SET) != 0 {
      throw SoundFileError(.read, handle: handle, path: path).audiobookError
    }
    hasRead = true
    let count = frames * channels
    var samples = [Int16](repeating: 0, count: count)
    let read = samples.withUnsafeMutableBufferPointer { sf_read_short(handle, $0.baseAddress, sf_count_t(count)) }
    guard read == count else {
      if let failure = SoundFileError.recorded(.read, on: handle, path: path) { throw failure.audiobookError }
      throw AudiobookError(.io, "reading audio failed: read \(read) of \(count) samples", file: path)
    }
    return samples
  }

  /// The next `count` samples at most, in [-1, 1) (`sf_read_float`); empty at the end of the
  /// file, or once it is closed. `count` is a whole number of frames.
  ///
  /// - Throws: `.io` with libsndfile's message.
  package func read(_ count: Int) throws(AudiobookError) -> [Float] {
    guard let handle else { return [] }
    hasRead = true
    var block = [Float](repeating: 0, count: count)
    let read = block.withUnsafeMutableBufferPointer { sf_read_float(handle, $0.baseAddress, sf_count_t(count)) }
    return try Self.trimmed(block, to: read, handle, path: path)
  }

  /// The next `count` 16-bit samples at most (`sf_read_short`); empty at the end of the file,
  /// or once it is closed. `count` is a whole number of frames.
  ///
  /// - Throws: `.io` with libsndfile's message.
  package func readShorts(_ count: Int) throws(AudiobookError) -> [Int16] {
    guard let handle else { return [] }
    hasRead = true
    var block = [Int16](repeating: 0, count: count)
    let read = block.withUnsafeMutableBufferPointer { sf_read_short(handle, $0.baseAddress, sf_count_t(count)) }
    return try Self.trimmed(block, to: read, handle, path: path)
  }

  /// `block` cut to the `read` samples libsndfile gave; a short read is the end of the file
  /// unless libsndfile recorded a failure.
  private static func trimmed<Sample>(_ block: [Sample], to read: sf_count_t, _ handle: OpaquePointer, path: String)
    throws(AudiobookError) -> [Sample]
  {
    guard read < block.count else { return block }
    if let failure = SoundFileError.recorded(.read, on: handle, path: path) { throw failure.audiobookError }
    return Array(block[0..<Int(max(0, read))])
  }

  private func open() throws(AudiobookError) -> OpaquePointer {
    guard let handle else {
      throw AudiobookError(.io, "reading audio failed: the file was closed", file: path)
    }
    return handle
  }

  /// Closes the file (`sf_close`); closing it again does nothing.
  ///
  /// - Throws: `.io` with the system's message when the file does not close cleanly.
  package func close() throws(AudiobookError) {
    guard let handle else { return }
    self.handle = nil
    guard sf_close(handle) == 0 else { throw SoundFileError.closing(path: path).audiobookError }
  }

  // Quietly: many readers are asked only for the header, and one dropped on an error path
  // has that error to report.
  deinit { if let handle { sf_close(handle) } }
}
