import AudiobookAudio
import AudiobookCore
import SystemPackage

/// Chapter marks inside a whole-book FLAC, Ogg or MP3 file, where players and ffprobe look for
/// them: in FLAC, Ogg Vorbis and Opus (`OggChapters`), Vorbis comments `CHAPTER001=00:00:00.000` and `CHAPTER001NAME=Title` (the
/// chapter extension of Vorbis comments); in MP3, an ID3v2.4 tag with a `CTOC` frame and a
/// `CHAP` frame per chapter, beside the book's text frames in UTF-8.
///
/// libsndfile writes neither, so the finished file is written again once: a new head (its
/// metadata with the chapters) and the audio after the old head, byte for byte.
enum EmbeddedChapters {
  struct Mark: Equatable {
    var milliseconds: Int
    var title: String
  }

  /// The most chapters Vorbis comments number (`CHAPTER001` to `CHAPTER999`).
  static let maximumVorbisChapters = 999

  /// Adds `marks` to the FLAC or MP3 file at `path` (other formats are left as they are).
  ///
  /// - Parameters:
  ///   - total: the book's length in milliseconds, where the last chapter ends.
  ///   - reportedPath: the file as messages name it.
  /// - Throws: `.io` when the file cannot be read or is not the format it should be;
  ///   `.cannotCreate` or `.io` when the new file cannot be written.
  static func add(
    _ marks: [Mark], total: Int, tags: AudioTags, to path: String, format: AudioFormat, reportedPath: String
  ) throws(AudiobookError) {
    guard !marks.isEmpty, [.flac, .mp3, .ogg, .opus].contains(format) else { return }
    let input: FileDescriptor
    do {
      input = try FileDescriptor.opening(path, .readOnly, options: [.closeOnExec])
    } catch {
      throw AudiobookError(.io, "cannot read the book file back", errno: error, file: reportedPath)
    }
    defer { try? input.close() }
    if format == .ogg || format == .opus {
      try AtomicOutput.withScratch(beside: path) { scratch throws(AudiobookError) in
        let output = try create(scratch, reportedPath: reportedPath)
        defer { try? output.close() }
        try OggChapters.copy(input, to: output, adding: chapterComments(marks), reportedPath: reportedPath)
        try AtomicOutput.commit(scratch, to: path)
      }
      return
    }
    let (head, audioStart) =
      format == .flac
      ? try flacHead(input, marks: marks, reportedPath: reportedPath)
      : (id3Tag(marks, total: total, tags: tags), try id3End(input, reportedPath: reportedPath))
    try AtomicOutput.withScratch(beside: path) { scratch throws(AudiobookError) in
      try copy(head: head, then: input, from: audioStart, to: scratch, reportedPath: reportedPath)
      try AtomicOutput.commit(scratch, to: path)
    }
  }

  // MARK: - FLAC

  /// The FLAC file's metadata with the chapters in its Vorbis comment block (one added after
  /// STREAMINFO when it has none), and where its audio frames start.
  private static func flacHead(
    _ input: FileDescriptor, marks: [Mark], reportedPath: String
  ) throws(AudiobookError) -> ([UInt8], Int) {
    guard try read(input, 4, reportedPath) == Array("fLaC".utf8) else {
      throw AudiobookError(.io, "the FLAC book file does not start as FLAC", file: reportedPath)
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
    let comments = chapterComments(marks)
    if let index = blocks.firstIndex(where: { $0.type == 4 }) {
      blocks[index].body = try withComments(blocks[index].body, adding: comments, reportedPath: reportedPath)
    } else {
      blocks.insert((4, vorbisComments(vendor: "audiobook", comments)), at: 1)
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

  /// `CHAPTER001=HH:MM:SS.mmm`, `CHAPTER001NAME=Title`, ... for the first 999 chapters.
  static func chapterComments(_ marks: [Mark]) -> [String] {
    marks.prefix(maximumVorbisChapters).enumerated().flatMap { index, mark in
      let number = String(index + 1)
      let key = "CHAPTER" + String(repeating: "0", count: 3 - number.count) + number
      return ["\(key)=\(Subtitles.timestamp(mark.milliseconds, separator: "."))", "\(key)NAME=\(mark.title)"]
    }
  }

  /// A Vorbis comment block's body with `comments` added after its own.
  private static func withComments(
    _ body: [UInt8], adding comments: [String], reportedPath: String
  ) throws(AudiobookError) -> [UInt8] {
    func number(at offset: Int) throws(AudiobookError) -> Int {
      guard offset + 4 <= body.count else {
        throw AudiobookError(.io, "the FLAC book file's comments are cut short", file: reportedPath)
      }
      return (0..<4).reduce(0) { $0 | Int(body[offset + $1]) << (8 * $1) }
    }
    let vendorLength = try number(at: 0)
    guard 4 + vendorLength <= body.count else {
      throw AudiobookError(.io, "the FLAC book file's comments are cut short", file: reportedPath)
    }
    let vendor = String(decoding: body[4..<(4 + vendorLength)], as: UTF8.self)
    let count = try number(at: 4 + vendorLength)
    var existing: [String] = []
    var offset = 8 + vendorLength
    for _ in 0..<count {
      let length = try number(at: offset)
      guard offset + 4 + length <= body.count else {
        throw AudiobookError(.io, "the FLAC book file's comments are cut short", file: reportedPath)
      }
      existing.append(String(decoding: body[(offset + 4)..<(offset + 4 + length)], as: UTF8.self))
      offset += 4 + length
    }
    return vorbisComments(vendor: vendor, existing + comments)
  }

  /// A 32-bit length or count as Vorbis comments write it.
  static func littleEndian(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(value >> (8 * $0) & 0xFF) } }

  private static func vorbisComments(vendor: String, _ comments: [String]) -> [UInt8] {
    var body = littleEndian(vendor.utf8.count) + Array(vendor.utf8) + littleEndian(comments.count)
    for comment in comments { body += littleEndian(comment.utf8.count) + Array(comment.utf8) }
    return body
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

  /// An ID3v2.4 tag: the book's text frames, a table of contents and a frame per chapter.
  static func id3Tag(_ marks: [Mark], total: Int, tags: AudioTags) -> [UInt8] {
    var frames: [UInt8] = []
    for (id, text) in [("TIT2", tags.title), ("TPE1", tags.artist), ("TALB", tags.album), ("TRCK", tags.trackNumber)] {
      if let text { frames += frame(id, [3] + Array(text.utf8)) }
    }
    if let comment = tags.comment { frames += frame("COMM", [3] + Array("und".utf8) + [0] + Array(comment.utf8)) }
    let ids = marks.indices.map { Array("chp\($0 + 1)".utf8) + [0] }
    // A table of contents holds at most 255 entries; past that the CHAP frames stand alone.
    if marks.count <= 255 {
      frames += frame("CTOC", Array("toc".utf8) + [0, 0x03, UInt8(marks.count)] + ids.flatMap { $0 })
    }
    for (index, mark) in marks.enumerated() {
      let end = index + 1 < marks.count ? marks[index + 1].milliseconds : total
      let body =
        ids[index] + bigEndian(mark.milliseconds) + bigEndian(end) + [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]
        + frame("TIT2", [3] + Array(mark.title.utf8))
      frames += frame("CHAP", body)
    }
    return Array("ID3".utf8) + [4, 0, 0] + synchsafe(frames.count) + frames
  }

  private static func frame(_ id: String, _ body: [UInt8]) -> [UInt8] {
    Array(id.utf8) + synchsafe(body.count) + [0, 0] + body
  }

  private static func synchsafe(_ value: Int) -> [UInt8] {
    [21, 14, 7, 0].map { UInt8(value >> $0 & 0x7F) }
  }

  private static func bigEndian(_ value: Int) -> [UInt8] {
    [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) }
  }

  // MARK: - Files

  private static func read(_ input: FileDescriptor, _ count: Int, _ reportedPath: String) throws(AudiobookError)
    -> [UInt8]
  {
    let bytes: [UInt8]?
    do {
      bytes = try input.read(exactly: count)
    } catch {
      throw AudiobookError(.io, "cannot read the book file back", errno: error, file: reportedPath)
    }
    guard let bytes else { throw AudiobookError(.io, "the book file ends too soon", file: reportedPath) }
    return bytes
  }

  private static func create(_ path: String, reportedPath: String) throws(AudiobookError) -> FileDescriptor {
    do {
      return try FileDescriptor.opening(
        path, .writeOnly, options: [.create, .truncate, .closeOnExec],
        permissions: [.ownerReadWrite, .groupRead, .otherRead])
    } catch {
      throw AudiobookError.output(error, "cannot write the book file", file: reportedPath)
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
      throw AudiobookError.output(error, "cannot write the book file", file: reportedPath)
    }
  }
}
