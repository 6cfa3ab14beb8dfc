import AudiobookCore
#if canImport(Glibc)
  import Glibc
#endif

/// A 16-bit mono WAV that `SoundFileWriter` finished with more audio than a WAV's 32-bit sizes
/// hold, made whole: libsndfile writes such a file to the end, but the RIFF and `data` sizes in
/// its header wrap around (4.8 GB of audio claims 0.5 GB), so a reader would stop early.
///
/// Either the file is written again as RF64, whose sizes are 64-bit (libsndfile and ffmpeg read
/// it; aplay does not, and would play its header as noise), or its header gives both sizes as
/// unknown (`0xFFFFFFFF`), as a WAV streamed down a pipe has them: aplay takes a `data` size of
/// `0x7FFFFFFE` or more as "until the end of the file", and so do ffmpeg and sox (which warns of
/// a premature end); libsndfile reads such a file as far as 4 GiB (measured on a 4.3 GB one).
///
/// Neither trusts the wrapped sizes: the frames come from the writer, and the audio is found by
/// walking the header's other chunks (`fmt `, `LIST`), whose sizes are right.
package enum OversizeWAV {
  /// The size a header gives when the length is not known (a stream's WAV).
  static let unknownSize: UInt32 = 0xFFFF_FFFF

  /// Copies the `frames` frames of the WAV at `wav` into a new RF64 file at `rf64` with `tags`.
  ///
  /// - Throws: `.io` naming `reportedPath` when the WAV cannot be read or the RF64 written.
  package static func copyAsRF64(
    from wav: String, to rf64: String, frames: Int, sampleRate: Int, tags: AudioTags, reportedPath: String
  ) throws(AudiobookError) {
    let file = try open(wav, flags: O_RDONLY, reportedPath: reportedPath)
    defer { close(file) }
    var offset = try dataOffset(of: file, reportedPath: reportedPath)
    let writer = try SoundFileWriter(
      path: rf64, sampleRate: sampleRate, encoding: .rf64, tags: tags, reportedPath: reportedPath)
    var remaining = frames
    var block = [Int16](repeating: 0, count: 1 << 16)
    while remaining > 0 {
      let count = min(remaining, block.count)
      let wanted = count * MemoryLayout<Int16>.size
      let read = block.withUnsafeMutableBytes { pread(file, $0.baseAddress, wanted, off_t(offset)) }
      guard read == wanted else {
        throw read < 0
          ? AudiobookError(.io, "reading back the audio failed", errno: errno, file: reportedPath)
          : AudiobookError(.io, "reading back the audio failed: the file ended early", file: reportedPath)
      }
      // WAV samples are little-endian, as this machine's are; `littleEndian` keeps it so elsewhere.
      try writer.write(block[..<count].map { Int16(littleEndian: $0) })
      offset += wanted
      remaining -= count
    }
    try writer.close()
  }

  /// Sets the RIFF and `data` sizes of the WAV at `path` to `unknownSize`, in place.
  ///
  /// - Throws: `.io` naming `reportedPath` when the header cannot be read or written.
  package static func markLengthUnknown(_ path: String, reportedPath: String) throws(AudiobookError) {
    let file = try open(path, flags: O_RDWR, reportedPath: reportedPath)
    defer { close(file) }
    let dataSize = try dataOffset(of: file, reportedPath: reportedPath) - 4
    let unknown = withUnsafeBytes(of: unknownSize.littleEndian) { Array($0) }
    for position in [4, dataSize] {
      guard pwrite(file, unknown, unknown.count, off_t(position)) == unknown.count else {
        throw AudiobookError(
          .io, "writing the header failed", errno: errno, file: reportedPath)
      }
    }
  }

  /// Where the samples start: just past the `data` chunk's header, found by walking the chunks
  /// after `RIFF....WAVE`.
  static func dataOffset(of file: Int32, reportedPath: String) throws(AudiobookError) -> Int {
    func bytes(_ count: Int, at position: Int) -> [UInt8]? {
      var buffer = [UInt8](repeating: 0, count: count)
      let read = buffer.withUnsafeMutableBytes { pread(file, $0.baseAddress, count, off_t(position)) }
      return read == count ? buffer : nil
    }
    guard let riff = bytes(12, at: 0), riff[0..<4].elementsEqual("RIFF".utf8), riff[8..<12].elementsEqual("WAVE".utf8)
    else { throw AudiobookError(.io, "the audio written is not a WAV file", file: reportedPath) }
    var position = 12
    // The header chunks come before the audio; 64 of them is far more than libsndfile writes.
    for _ in 0..<64 {
      guard let chunk = bytes(8, at: position) else { break }
      if chunk[0..<4].elementsEqual("data".utf8) { return position + 8 }
      let size = chunk[4..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
      position += 8 + size + size % 2
    }
    throw AudiobookError(.io, "the audio written has no data chunk", file: reportedPath)
  }

  private static func open(_ path: String, flags: Int32, reportedPath: String) throws(AudiobookError) -> Int32 {
    let file = Glibc.open(path, flags | O_CLOEXEC)
    guard file >= 0 else {
      throw AudiobookError(
        .io, "cannot open the audio written", errno: errno, file: reportedPath)
    }
    return file
  }
}
