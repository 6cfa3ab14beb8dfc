internal import CSndFile
import AudiobookCore
import AudiobookSpeech

#if canImport(Glibc)
  import Glibc
#endif

/// The one place libsndfile status codes become `AudiobookError`s, with libsndfile's own
/// message (`sf_strerror`) and the file we were working on.
enum SoundFileStatus {
  package static func check(_ status: Int32, _ handle: OpaquePointer?, doing action: String, path: String)
    throws(AudiobookError)
  {
    guard status != 0 else { return }
    throw failure(handle, doing: action, path: path)
  }

  /// The error for libsndfile's last failure on `handle`: a system error that is a full disk
  /// says so (`AudiobookError.output`), anything else carries libsndfile's message.
  package static func failure(_ handle: OpaquePointer?, doing action: String, path: String) -> AudiobookError {
    let code = errno
    if sf_error(handle) == Int32(SF_ERR_SYSTEM), code == ENOSPC || code == EDQUOT {
      return .output(errno: code, "\(action) failed", file: path)
    }
    return AudiobookError(.io, "\(action) failed: \(String(cString: sf_strerror(handle)))", file: path)
  }
}

/// Writes a mono sound file through libsndfile (`sf_open` in `SFM_WRITE`), frame by frame:
/// 16-bit WAV unless another encoding is asked for.
public final class SoundFileWriter {
  public let path: String
  /// The name errors give: the final name of a file written under a temporary one.
  public let reportedPath: String
  public let sampleRate: Int
  public let encoding: SoundFileEncoding
  /// Frames written so far.
  public private(set) var frames = 0
  private var handle: OpaquePointer?

  /// Creates (or truncates) `path` as a 16-bit WAV file.
  ///
  /// - Throws: `.cannotCreate` with libsndfile's message when the file cannot be created.
  public convenience init(path: String, sampleRate: Int, reportedPath: String? = nil) throws(AudiobookError) {
    try self.init(path: path, sampleRate: sampleRate, encoding: .wav, reportedPath: reportedPath)
  }

  /// Creates (or truncates) `path` with `encoding`; tags and markers are written before any
  /// audio, as FLAC, Ogg and MP3 require (`sf_set_string`, `SFC_SET_CUE`, `sf_set_chunk`).
  ///
  /// - Throws: `.cannotCreate` with libsndfile's message when the file cannot be created or
  ///   the encoder refuses the settings (an Opus rate other than 8, 12, 16, 24 or 48 kHz).
  public init(
    path: String, sampleRate: Int, encoding: SoundFileEncoding, tags: AudioTags = AudioTags(),
    markers: [AudioMarker] = [], reportedPath: String? = nil
  ) throws(AudiobookError) {
    self.path = path
    self.reportedPath = reportedPath ?? path
    self.sampleRate = sampleRate
    self.encoding = encoding
    var info = SF_INFO()
    info.samplerate = Int32(sampleRate)
    info.channels = 1
    info.format = encoding.format
    guard let handle = sf_open(path, Int32(SFM_WRITE), &info) else {
      let code = errno
      // A full disk is the disk's fault, not the location's (libsndfile writes the header at once).
      if code == ENOSPC || code == EDQUOT {
        throw .output(errno: code, "cannot create the audio file", file: reportedPath ?? path)
      }
      throw AudiobookError(
        .cannotCreate, "cannot create the audio file: \(String(cString: sf_strerror(nil)))",
        file: reportedPath ?? path)
    }
    self.handle = handle
    do {
      try configure(handle, tags: tags, markers: markers)
    } catch {
      sf_close(handle)
      self.handle = nil
      throw error
    }
  }

  private func configure(_ handle: OpaquePointer, tags: AudioTags, markers: [AudioMarker]) throws(AudiobookError) {
    if case .mp3(let kbps) = encoding {
      // The level first: setting the mode re-reads it, and fails while it is unset.
      var level = SoundFileEncoding.mp3CompressionLevel(kilobitsPerSecond: kbps, sampleRate: sampleRate)
      var mode = Int32(SF_BITRATE_MODE_CONSTANT)
      guard sf_command(handle, Int32(SFC_SET_COMPRESSION_LEVEL), &level, Int32(MemoryLayout<Double>.size)) == 1,
        sf_command(handle, Int32(SFC_SET_BITRATE_MODE), &mode, Int32(MemoryLayout<Int32>.size)) == 1
      else {
        throw AudiobookError(.cannotCreate, "LAME refused \(kbps) kbps CBR at \(sampleRate) Hz", file: reportedPath)
      }
    }
    let strings: [(Int32, String?)] = [
      (Int32(SF_STR_TITLE), tags.title), (Int32(SF_STR_ARTIST), tags.artist), (Int32(SF_STR_ALBUM), tags.album),
      (Int32(SF_STR_TRACKNUMBER), tags.trackNumber), (Int32(SF_STR_COMMENT), tags.comment),
    ]
    for case (let type, let value?) in strings where !value.isEmpty {
      // LAME writes ID3 text as Latin-1: UTF-8 bytes would show as "CafÃ©".
      let bytes = encoding.isMP3 ? AudioTags.latin1(value) : Array(value.utf8)
      let text = bytes.map { CChar(bitPattern: $0) } + [0]
      try SoundFileStatus.check(sf_set_string(handle, type, text), handle, doing: "setting a tag", path: reportedPath)
    }
    guard !markers.isEmpty, encoding.carriesMarkers else { return }
    try setMarkers(markers, handle)
  }

  /// A `cue ` chunk (`SFC_SET_CUE`, any number of points) and the `LIST adtl` chunk with a
  /// `labl` per point (`sf_set_chunk`), which libsndfile does not write itself.
  private func setMarkers(_ markers: [AudioMarker], _ handle: OpaquePointer) throws(AudiobookError) {
    let stride = MemoryLayout<SF_CUE_POINT>.stride
    let size = MemoryLayout<UInt32>.size + markers.count * stride
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<SF_CUE_POINT>.alignment)
    defer { buffer.deallocate() }
    buffer.storeBytes(of: UInt32(markers.count), as: UInt32.self)
    let data = Int32(bitPattern: 0x6174_6164)  // "data", as libsndfile lays markers out
    for (index, marker) in markers.enumerated() {
      var point = SF_CUE_POINT()
      point.indx = Int32(index + 1)
      point.position = UInt32(clamping: marker.frame)
      point.fcc_chunk = data
      point.sample_offset = UInt32(clamping: marker.frame)
      (buffer + MemoryLayout<UInt32>.size + index * stride).copyMemory(from: &point, byteCount: stride)
    }
    guard sf_command(handle, Int32(SFC_SET_CUE), buffer, Int32(size)) == 1 else {
      throw AudiobookError(
        .io, "setting the cue markers failed: \(String(cString: sf_strerror(handle)))", file: reportedPath)
    }
    var list = Array("adtl".utf8)
    for (index, marker) in markers.enumerated() {
      // Each label as RIFF has it: the text and one NUL, then a pad byte to an even length
      // that its size leaves out (ffmpeg reads to the NUL and skips only that pad byte).
      // The last one takes NULs up to a multiple of 4 bytes for the whole list, inside its
      // size: libsndfile stores a chunk's length rounded up to 4 (`sf_set_chunk`), and its
      // own reader loses its place in padding it did not expect.
      var text = Array(marker.label.utf8) + [0]
      if index == markers.count - 1 {
        while (list.count + 12 + text.count) % 4 != 0 { text.append(0) }
      }
      list += Array("labl".utf8) + Self.littleEndian(UInt32(4 + text.count)) + Self.littleEndian(UInt32(index + 1))
      list += text
      if text.count % 2 != 0 { list.append(0) }
    }
    var info = SF_CHUNK_INFO()
    withUnsafeMutableBytes(of: &info.id) { id in
      for (offset, byte) in "LIST".utf8.enumerated() { id[offset] = byte }
    }
    info.id_size = 4
    info.datalen = UInt32(list.count)
    let status = list.withUnsafeMutableBytes { bytes in
      info.data = bytes.baseAddress
      return sf_set_chunk(handle, &info)
    }
    try SoundFileStatus.check(status, handle, doing: "writing the marker labels", path: reportedPath)
  }

  private static func littleEndian(_ value: UInt32) -> [UInt8] {
    [UInt8(value & 0xff), UInt8(value >> 8 & 0xff), UInt8(value >> 16 & 0xff), UInt8(value >> 24)]
  }

  /// Appends samples (`sf_write_short`).
  public func write(_ samples: [Int16]) throws(AudiobookError) {
    guard let handle, !samples.isEmpty else { return }
    let written = samples.withUnsafeBufferPointer { sf_write_short(handle, $0.baseAddress, sf_count_t($0.count)) }
    guard written == samples.count else {
      throw SoundFileStatus.failure(handle, doing: "writing audio", path: reportedPath)
    }
    frames += samples.count
  }

  /// Appends samples in [-1, 1] (`sf_write_float`).
  public func writeFloats(_ samples: [Float]) throws(AudiobookError) {
    guard let handle, !samples.isEmpty else { return }
    let written = samples.withUnsafeBufferPointer { sf_write_float(handle, $0.baseAddress, sf_count_t($0.count)) }
    guard written == samples.count else {
      throw SoundFileStatus.failure(handle, doing: "writing audio", path: reportedPath)
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
    if encoding.isOgg { try OggSerialNumbers.fix(path, reportedPath: reportedPath) }
  }

  deinit { if let handle { sf_close(handle) } }
}

/// Reads a sound file's format, tags, markers and samples through libsndfile.
public struct SoundFileReader {
  public let path: String
  public let frames: Int
  public let sampleRate: Int
  public let channels: Int
  /// libsndfile's major format and subtype, e.g. `SF_FORMAT_WAV | SF_FORMAT_PCM_16`.
  public let format: Int
  /// The tags libsndfile reads (`sf_get_string`).
  public let tags: AudioTags
  /// Cue markers (`SFC_GET_CUE`), with the labels libsndfile reads for them.
  public let markers: [AudioMarker]
  /// Whether an MP3 file is constant bit rate (`SFC_GET_BITRATE_MODE`); nil for other formats.
  public let isConstantBitRate: Bool?

  /// Opens `path` to read its header.
  ///
  /// - Throws: `.missingInput` with libsndfile's message.
  public init(path: String) throws(AudiobookError) {
    var info = SF_INFO()
    guard let handle = sf_open(path, Int32(SFM_READ), &info) else {
      throw AudiobookError(
        .missingInput, "cannot open the audio file: \(String(cString: sf_strerror(nil)))", file: path)
    }
    defer { sf_close(handle) }
    self.path = path
    frames = Int(info.frames)
    sampleRate = Int(info.samplerate)
    channels = Int(info.channels)
    format = Int(info.format)
    // UTF-8, except ID3 text, which is Latin-1: its bytes are the first 256 code points.
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
    tags = AudioTags(
      title: string(Int32(SF_STR_TITLE)), artist: string(Int32(SF_STR_ARTIST)), album: string(Int32(SF_STR_ALBUM)),
      trackNumber: string(Int32(SF_STR_TRACKNUMBER)), comment: string(Int32(SF_STR_COMMENT)))
    var count: UInt32 = 0
    var markers: [AudioMarker] = []
    if sf_command(handle, Int32(SFC_GET_CUE_COUNT), &count, Int32(MemoryLayout<UInt32>.size)) == 1, count > 0 {
      let stride = MemoryLayout<SF_CUE_POINT>.stride
      let size = MemoryLayout<UInt32>.size + Int(count) * stride
      let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<SF_CUE_POINT>.alignment)
      defer { buffer.deallocate() }
      buffer.storeBytes(of: count, as: UInt32.self)
      if sf_command(handle, Int32(SFC_GET_CUE), buffer, Int32(size)) == 1 {
        for index in 0..<Int(buffer.load(as: UInt32.self)) {
          var point = SF_CUE_POINT()
          withUnsafeMutableBytes(of: &point) {
            $0.copyMemory(from: UnsafeRawBufferPointer(start: buffer + 4 + index * stride, count: stride))
          }
          let label = withUnsafeBytes(of: point.name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
          markers.append(AudioMarker(frame: Int(point.sample_offset), label: label))
        }
      }
    }
    self.markers = markers
    if format & Int(SF_FORMAT_TYPEMASK) == Int(SF_FORMAT_MPEG) {
      isConstantBitRate = sf_command(handle, Int32(SFC_GET_BITRATE_MODE), nil, 0) == Int32(SF_BITRATE_MODE_CONSTANT)
    } else {
      isConstantBitRate = nil
    }
  }

  /// The container, as libsndfile names it: `wav`, `rf64`, `flac`, `ogg`, `mpeg`, ...
  public var container: String {
    switch format & Int(SF_FORMAT_TYPEMASK) {
    case Int(SF_FORMAT_WAV), Int(SF_FORMAT_WAVEX): "wav"
    case Int(SF_FORMAT_RF64): "rf64"
    case Int(SF_FORMAT_W64): "w64"
    case Int(SF_FORMAT_FLAC): "flac"
    case Int(SF_FORMAT_OGG): format & Int(SF_FORMAT_SUBMASK) == Int(SF_FORMAT_OPUS) ? "opus" : "ogg"
    case Int(SF_FORMAT_MPEG): "mpeg"
    default: "other"
    }
  }

  /// Whether the samples are 16-bit PCM (WAV, RF64, FLAC).
  public var isPCM16: Bool { format & Int(SF_FORMAT_SUBMASK) == Int(SF_FORMAT_PCM_16) }

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

/// Reads a sound file from start to end in blocks (`sf_read_float`, `sf_read_short`), so a
/// long file never sits in memory whole.
package final class SoundFileInput {
  package let path: String
  package let frames: Int
  package let sampleRate: Int
  private var handle: OpaquePointer?

  /// - Throws: `.missingInput` with libsndfile's message.
  package init(path: String) throws(AudiobookError) {
    var info = SF_INFO()
    guard let handle = sf_open(path, Int32(SFM_READ), &info) else {
      throw AudiobookError(
        .missingInput, "cannot open the audio file: \(String(cString: sf_strerror(nil)))", file: path)
    }
    guard info.channels == 1 else {
      sf_close(handle)
      throw AudiobookError(.badInput, "expected mono audio, found \(info.channels) channels", file: path)
    }
    self.path = path
    self.handle = handle
    frames = Int(info.frames)
    sampleRate = Int(info.samplerate)
  }

  /// Up to `count` samples in [-1, 1); empty at the end of the file.
  package func read(_ count: Int) throws(AudiobookError) -> [Float] {
    guard let handle else { return [] }
    var block = [Float](repeating: 0, count: count)
    let read = block.withUnsafeMutableBufferPointer { sf_read_float(handle, $0.baseAddress, sf_count_t(count)) }
    guard read >= 0 else { throw AudiobookError(.io, "reading audio failed", file: path) }
    if read < count { block.removeSubrange(Int(read)...) }
    return block
  }

  /// Up to `count` 16-bit samples; empty at the end of the file.
  package func readShorts(_ count: Int) throws(AudiobookError) -> [Int16] {
    guard let handle else { return [] }
    var block = [Int16](repeating: 0, count: count)
    let read = block.withUnsafeMutableBufferPointer { sf_read_short(handle, $0.baseAddress, sf_count_t(count)) }
    guard read >= 0 else { throw AudiobookError(.io, "reading audio failed", file: path) }
    if read < count { block.removeSubrange(Int(read)...) }
    return block
  }

  package func close() {
    if let handle { sf_close(handle) }
    handle = nil
  }

  deinit { close() }
}
