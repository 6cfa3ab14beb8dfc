import AudiobookAudio
import AudiobookCore
import SystemPackage

/// Chapter comments (`CHAPTER001=...`, as in FLAC) in an Ogg Vorbis or Ogg Opus file's
/// comment header, the second packet of its one logical stream.
///
/// The header packets are read from the first pages, the comment packet gets the chapters,
/// and the headers are laid out on pages again; the audio pages follow unchanged but for
/// their sequence numbers (and so their checksums) when the headers take more pages than
/// before.
enum OggChapters {
  struct Page {
    var header: [UInt8]
    var segments: [UInt8]
    var body: [UInt8]

    /// The page as read.
    var original: [UInt8] { header + segments + body }

    var sequence: UInt32 {
      get { (0..<4).reduce(0) { $0 | UInt32(header[18 + $1]) << (8 * UInt32($1)) } }
      set { for index in 0..<4 { header[18 + index] = UInt8(newValue >> (8 * UInt32(index)) & 0xFF) } }
    }

    /// The page's bytes with its checksum computed again.
    var bytes: [UInt8] {
      var header = self.header
      for index in 22..<26 { header[index] = 0 }
      let crc = OggSerialNumbers.checksum(
        body, OggSerialNumbers.checksum(segments, OggSerialNumbers.checksum(header, 0)))
      for index in 0..<4 { header[22 + index] = UInt8(crc >> (8 * UInt32(index)) & 0xFF) }
      return header + segments + body
    }
  }

  /// Copies the Ogg file on `input` to `output` with `comments` added to its comment header,
  /// a page at a time.
  ///
  /// - Throws: `.io` naming `reportedPath` when the input is not an Ogg Vorbis or Opus stream
  ///   or cannot be read; `output`'s failures as `AudiobookError.output`.
  static func copy(
    _ input: FileDescriptor, to output: FileDescriptor, adding comments: [String], reportedPath: String
  ) throws(AudiobookError) {
    var reader = PageReader(input: input, reportedPath: reportedPath)
    guard let first = try reader.next(),
      first.body.starts(with: Array("OpusHead".utf8)) || first.body.starts(with: [1] + Array("vorbis".utf8))
    else { throw AudiobookError(.io, "not an Ogg Vorbis or Opus stream", file: reportedPath) }
    let isOpus = first.body.starts(with: Array("OpusHead".utf8))
    // The header packets after the first page: OpusTags; or the Vorbis comment and setup.
    let wanted = isOpus ? 1 : 2
    var packets: [[UInt8]] = []
    var current: [UInt8] = []
    var headerPages: [Page] = []
    while packets.count < wanted, let page = try reader.next() {
      headerPages.append(page)
      var start = 0
      for lace in page.segments {
        current += page.body[start..<(start + Int(lace))]
        start += Int(lace)
        if lace < 255 {
          packets.append(current)
          current = []
        }
      }
    }
    guard packets.count == wanted, current.isEmpty, let template = headerPages.first else {
      throw AudiobookError(.io, "the Ogg file's header packets do not end on a page", file: reportedPath)
    }
    packets[0] = try withComments(packets[0], comments, isOpus: isOpus, reportedPath: reportedPath)
    let laidOut = paginate(packets, like: template, from: 1)
    let shift = UInt32(truncatingIfNeeded: laidOut.count - headerPages.count)
    try write(first.bytes + laidOut.flatMap(\.bytes), to: output, reportedPath: reportedPath)
    while var page = try reader.next() {
      page.sequence &+= shift
      try write(shift == 0 ? page.original : page.bytes, to: output, reportedPath: reportedPath)
    }
  }

  private static func write(_ bytes: [UInt8], to output: FileDescriptor, reportedPath: String) throws(AudiobookError) {
    do {
      try output.writeWhole(bytes)
    } catch {
      throw AudiobookError.output(error, "cannot write the book file", file: reportedPath)
    }
  }

  /// Reads an Ogg file page by page.
  struct PageReader {
    let input: FileDescriptor
    let reportedPath: String
    var offset = 0

    mutating func next() throws(AudiobookError) -> Page? {
      let header = try read(27, allowingEnd: true)
      guard let header else { return nil }
      guard header.starts(with: Array("OggS".utf8)) else {
        throw AudiobookError(.io, "not an Ogg page at byte \(offset)", file: reportedPath)
      }
      let segments = try read(Int(header[26])) ?? []
      let body = try read(segments.reduce(0) { $0 + Int($1) }) ?? []
      defer { offset += header.count + segments.count + body.count }
      return Page(header: header, segments: segments, body: body)
    }

    private func read(_ count: Int, allowingEnd: Bool = false) throws(AudiobookError) -> [UInt8]? {
      guard count > 0 else { return [] }
      let bytes: [UInt8]?
      do {
        bytes = try input.read(exactly: count)
      } catch {
        throw AudiobookError(.io, "cannot read the book file back", errno: error, file: reportedPath)
      }
      guard let bytes else {
        if allowingEnd { return nil }
        throw AudiobookError(.io, "a cut-short Ogg page at byte \(offset)", file: reportedPath)
      }
      return bytes
    }
  }

  /// The comment packet with `comments` added after its own.
  private static func withComments(
    _ packet: [UInt8], _ comments: [String], isOpus: Bool, reportedPath: String
  ) throws(AudiobookError) -> [UInt8] {
    let magic = isOpus ? Array("OpusTags".utf8) : [3] + Array("vorbis".utf8)
    guard packet.starts(with: magic) else {
      throw AudiobookError(.io, "the Ogg file's second packet is not its comments", file: reportedPath)
    }
    // Vorbis ends its comments with a framing bit; anything after them is kept.
    return try VorbisComments.appending(comments, to: packet, listAt: magic.count, reportedPath: reportedPath)
  }

  /// `packets` on pages shaped like `template` (same stream, granule position 0), numbered
  /// from `sequence`, each packet starting a new page, as the header packets do.
  private static func paginate(_ packets: [[UInt8]], like template: Page, from sequence: UInt32) -> [Page] {
    var pages: [Page] = []
    var next = sequence
    var lacing: [UInt8] = []
    var body: [UInt8] = []
    var continued = false
    func flush(continuesPacket: Bool) {
      var header = template.header
      header[5] = continued ? 0x01 : 0x00
      for index in 6..<14 { header[index] = 0 }
      var page = Page(header: header, segments: lacing, body: body)
      page.sequence = next
      page.header[26] = UInt8(lacing.count)
      pages.append(page)
      next += 1
      (lacing, body, continued) = ([], [], continuesPacket)
    }
    for packet in packets {
      var rest = packet[...]
      while true {
        let lace = min(255, rest.count)
        lacing.append(UInt8(lace))
        body += rest.prefix(lace)
        rest = rest.dropFirst(lace)
        if lace < 255 { break }
        if lacing.count == 255 { flush(continuesPacket: true) }
      }
      flush(continuesPacket: false)
    }
    return pages
  }
}
