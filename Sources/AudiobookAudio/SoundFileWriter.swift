internal import CSndFile
import AudiobookCore

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
    info.format = encoding.format.rawValue
    guard let handle = sf_open(path, Int32(SFM_WRITE), &info) else {
      // libsndfile writes the header at once: a full disk fails here, and says so (`isDiskFull`).
      throw SoundFileError(.create, handle: nil, path: reportedPath ?? path).audiobookError
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
        throw SoundFileError(
          .setMP3BitRate(kilobitsPerSecond: kbps, sampleRate: sampleRate), handle: handle, path: reportedPath
        ).audiobookError
      }
    }
    let strings: [(Int32, String?)] = [
      (Int32(SF_STR_TITLE), tags.title), (Int32(SF_STR_ARTIST), tags.artist), (Int32(SF_STR_ALBUM), tags.album),
      (Int32(SF_STR_TRACKNUMBER), tags.trackNumber), (Int32(SF_STR_COMMENT), tags.comment),
      (Int32(SF_STR_DATE), tags.date), (Int32(SF_STR_GENRE), tags.genre),
    ]
    for case (let type, let value?) in strings where !value.isEmpty {
      // LAME writes ID3 text as Latin-1: UTF-8 bytes would show as "CafÃ©".
      let bytes = encoding.isMP3 ? AudioTags.latin1(value) : Array(value.utf8)
      let text = bytes.map { CChar(bitPattern: $0) } + [0]
      try SoundFileError.check(sf_set_string(handle, type, text), .setTag, handle, path: reportedPath)
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
    // The chunk the points are in, as libsndfile lays markers out: "data", a little-endian FourCC.
    let data = Int32(bitPattern: Array("data".utf8).reversed().reduce(0) { $0 << 8 | UInt32($1) })
    for (index, marker) in markers.enumerated() {
      var point = SF_CUE_POINT()
      point.indx = Int32(index + 1)
      point.position = UInt32(clamping: marker.frame)
      point.fcc_chunk = data
      point.sample_offset = UInt32(clamping: marker.frame)
      (buffer + MemoryLayout<UInt32>.size + index * stride).copyMemory(from: &point, byteCount: stride)
    }
    guard sf_command(handle, Int32(SFC_SET_CUE), buffer, Int32(size)) == 1 else {
      throw SoundFileError(.setCueMarkers, handle: handle, path: reportedPath).audiobookError
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
    try SoundFileError.check(status, .setMarkerLabels, handle, path: reportedPath)
  }

  private static func littleEndian(_ value: UInt32) -> [UInt8] {
    [UInt8(value & 0xff), UInt8(value >> 8 & 0xff), UInt8(value >> 16 & 0xff), UInt8(value >> 24)]
  }

  /// Appends samples (`sf_write_short`).
  public func write(_ samples: [Int16]) throws(AudiobookError) {
    guard let handle, !samples.isEmpty else { return }
    let written = samples.withUnsafeBufferPointer { sf_write_short(handle, $0.baseAddress, sf_count_t($0.count)) }
    guard written == samples.count else {
      throw SoundFileError(.write, handle: handle, path: reportedPath).audiobookError
    }
    frames += samples.count
  }

  /// Appends samples in [-1, 1] (`sf_write_float`).
  public func writeFloats(_ samples: [Float]) throws(AudiobookError) {
    guard let handle, !samples.isEmpty else { return }
    let written = samples.withUnsafeBufferPointer { sf_write_float(handle, $0.baseAddress, sf_count_t($0.count)) }
    guard written == samples.count else {
      throw SoundFileError(.write, handle: handle, path: reportedPath).audiobookError
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
    guard sf_close(handle) == 0 else { throw SoundFileError.closing(path: reportedPath).audiobookError }
    if encoding.isOgg { try OggSerialNumbers.fix(path, reportedPath: reportedPath) }
  }

  // Quietly: a writer dropped without `close()` is on an error path, which has that error to report.
  deinit { if let handle { sf_close(handle) } }
}
