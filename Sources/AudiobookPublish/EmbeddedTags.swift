import AudiobookAudio
import AudiobookCore
import AudiobookBook
import SystemPackage

/// The tags libsndfile cannot write, and chapter marks, added to a published FLAC, Ogg, Opus or
/// MP3 file where players, ffprobe and library servers look for them:
/// - FLAC: Vorbis comments (`VorbisComments.extraComments`), chapters as `CHAPTER001=00:00:00.000`
///   and `CHAPTER001NAME=Title` (the chapter extension of Vorbis comments), the cover as a
///   `PICTURE` block;
/// - Ogg Vorbis and Opus (`OggChapters`): the same comments, the cover as `METADATA_BLOCK_PICTURE`;
/// - MP3: an ID3v2.4 tag (`ID3Tag`) in place of LAME's.
///
/// The finished file is written again once: a new head (its metadata) and the audio after the
/// old head, byte for byte.
enum EmbeddedTags {
  struct Mark: Equatable {
    var milliseconds: Int
    var title: String
  }

  /// Adds `tags` beyond libsndfile's and `marks` to the file at `path` (WAV and M4B files are
  /// left as they are: libsndfile and ffmpeg write theirs).
  ///
  /// - Parameters:
  ///   - total: the book's length in milliseconds, where the last chapter ends.
  ///   - reportedPath: the file as messages name it.
  /// - Throws: `.io` when the file cannot be read or is not the format it should be;
  ///   `.cannotCreate` or `.io` when the new file cannot be written.
  static func add(
    _ marks: [Mark], total: Int, tags: AudioTags, to path: String, format: AudioFormat, reportedPath: String
  ) throws(AudiobookError) {
    guard [.flac, .mp3, .ogg, .opus].contains(format) else { return }
    let input: FileDescriptor
    do {
      input = try FileDescriptor.opening(path, .readOnly, options: [.closeOnExec])
    } catch {
      throw AudiobookError(.io, "cannot read the file back", errno: error, file: reportedPath)
    }
    defer { try? input.close() }
    var comments = VorbisComments.extraComments(tags) + VorbisComments.chapterComments(marks)
    if format == .ogg || format == .opus {
      if let cover = tags.cover { comments.append(VorbisComments.pictureComment(cover)) }
      try AtomicOutput.withScratch(beside: path) { scratch throws(AudiobookError) in
        let output = try create(scratch, reportedPath: reportedPath)
        defer { try? output.close() }
        try OggChapters.copy(input, to: output, adding: comments, reportedPath: reportedPath)
        try AtomicOutput.commit(scratch, to: path)
      }
      return
    }
    let (head, audioStart) =
      format == .flac
      ? try flacHead(input, comments: comments, cover: tags.cover, reportedPath: reportedPath)
      : (ID3Tag.bytes(marks, total: total, tags: tags), try id3End(input, reportedPath: reportedPath))
    try AtomicOutput.withScratch(beside: path) { scratch throws(AudiobookError) in
      try copy(head: head, then: input, from: audioStart, to: scratch, reportedPath: reportedPath)
      try AtomicOutput.commit(scratch, to: path)
    }
  }

  // MARK: - FLAC

  /// The FLAC file's metadata with `comments` in its Vorbis comment block (one added after
  /// STREAMINFO when it has none) and the cover in a `PICTURE` block after it, and where its
  /// audio frames start.
  private static func flacHead(
    _ input: FileDescriptor, comments: [String], cover: CoverImage?, reportedPath: String
  ) throws(AudiobookError) -> ([UInt8], Int) {
    guard try read(input, 4, reportedPath) == Array("fLaC".utf8) else {
      throw AudiobookError(.io, "the FLAC file does not start as FLAC", file: reportedPath)
    }
    var blocks: [(type: UInt8, body: [UInt8])] = []
    var offset = 4
    while true {
      let header = try read(input, 4, reportedPath)
      let length = Int(header[1]) << 16 | Int(header[2]) << 8 | Int(header[3])
      blocks.append((header[0] & 0x7F, try read(input, length, reportedPath)))
      offset += 4 + length
      if header[0] & 0x80 != 0 { break }
    }
    if let index = blocks.firstIndex(where: { $0.type == 4 }) {
      blocks[index].body = try VorbisComments.appending(
        comments, to: blocks[index].body, listAt: 0, reportedPath: reportedPath)
    } else {
      blocks.insert((4, VorbisComments.list(vendor: "audiobook", comments)), at: 1)
    }
    if let cover {
      let after = (blocks.firstIndex { $0.type == 4 } ?? 0) + 1
      blocks.insert((6, VorbisComments.picture(cover)), at: after)
    }
    var head = Array("fLaC".utf8)
    for (index, block) in blocks.enumerated() {
      let last: UInt8 = index == blocks.count - 1 ? 0x80 : 0
      let length = block.body.count
      head += [last | block.type, UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
      head += block.body
    }
    return (head, offset)
  }

  // MARK: - MP3

  /// Where the MP3 file's audio starts: after its ID3v2 tag, if it has one (it is replaced).
  private static func id3End(_ input: FileDescriptor, reportedPath: String) throws(AudiobookError) -> Int {
    let header = try read(input, 10, reportedPath)
    guard header.starts(with: Array("ID3".utf8)) else { return 0 }
    let size = header[6..<10].reduce(0) { $0 << 7 | Int($1 & 0x7F) }
    let footer = header[5] & 0x10 != 0 ? 10 : 0
    return 10 + size + footer
  }

  // MARK: - Files

  private static func read(_ input: FileDescriptor, _ count: Int, _ reportedPath: String) throws(AudiobookError)
    -> [UInt8]
  {
    let bytes: [UInt8]?
    do {
      bytes = try input.read(exactly: count)
    } catch {
      throw AudiobookError(.io, "cannot read the file back", errno: error, file: reportedPath)
    }
    guard let bytes else { throw AudiobookError(.io, "the file ends too soon", file: reportedPath) }
    return bytes
  }

  private static func create(_ path: String, reportedPath: String) throws(AudiobookError) -> FileDescriptor {
    do {
      return try FileDescriptor.opening(
        path, .writeOnly, options: [.create, .truncate, .closeOnExec],
        permissions: [.ownerReadWrite, .groupRead, .otherRead])
    } catch {
      throw AudiobookError.output(error, "cannot write the file", file: reportedPath)
    }
  }

  /// Writes `head`, then `input` from `offset` to its end, into a new file at `path`.
  private static func copy(
    head: [UInt8], then input: FileDescriptor, from offset: Int, to path: String, reportedPath: String
  ) throws(AudiobookError) {
    let output = try create(path, reportedPath: reportedPath)
    defer { try? output.close() }
    do {
      try output.writeWhole(head)
      _ = try Errno.typed { try input.seek(offset: Int64(offset), from: .start) }
      var block = [UInt8](repeating: 0, count: 1 << 20)
      while true {
        let count = try Errno.typed { try block.withUnsafeMutableBytes { try input.read(into: $0) } }
        if count == 0 { break }
        try output.writeWhole(block[..<count])
      }
    } catch {
      throw AudiobookError.output(error, "cannot write the file", file: reportedPath)
    }
  }
}
