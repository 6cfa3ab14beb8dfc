import AudiobookAudio
import AudiobookCore

/// The ID3v2.4 tag at the head of a published MP3 file, in place of the Latin-1 one LAME
/// writes: every field in UTF-8 (`TIT2`, `TIT3`, `TPE1`, `TPE2`, `TALB`, `TCOM` for the
/// narrator, `TRCK`, `TDRC`, `TPUB`, `TCON`, `TLAN`, `COMM`), user fields for what ID3 has no
/// frame for (`TXXX` `DESCRIPTION`, `SERIES`, `SERIES-PART`, `ISBN`), the cover (`APIC`), and
/// for a whole-book file a `CTOC` table of contents with a `CHAP` frame per chapter.
enum ID3Tag {
  /// The tag's bytes.
  ///
  /// - Parameter total: the book's length in milliseconds, where the last chapter ends.
  static func bytes(_ marks: [EmbeddedTags.Mark], total: Int, tags: AudioTags) -> [UInt8] {
    var frames: [UInt8] = []
    let texts: [(String, String?)] = [
      ("TIT2", tags.title), ("TIT3", tags.subtitle), ("TPE1", tags.artist), ("TPE2", tags.artist),
      ("TALB", tags.album), ("TCOM", tags.composer), ("TRCK", tags.trackNumber), ("TDRC", tags.date),
      ("TPUB", tags.publisher), ("TCON", tags.genre), ("TLAN", tags.language),
    ]
    for case (let id, let text?) in texts { frames += frame(id, [3] + Array(text.utf8)) }
    if let comment = tags.comment { frames += frame("COMM", [3] + Array("und".utf8) + [0] + Array(comment.utf8)) }
    let users: [(String, String?)] = [
      ("DESCRIPTION", tags.description), ("SERIES", tags.series), ("SERIES-PART", tags.seriesPosition),
      (tags.identifier.map(VorbisComments.isISBN) == true ? "ISBN" : "IDENTIFIER", tags.identifier),
    ]
    for case (let name, let text?) in users { frames += frame("TXXX", [3] + Array(name.utf8) + [0] + Array(text.utf8)) }
    if let cover = tags.cover {
      // UTF-8, the media type, picture type 3 (front cover), an empty description, the image.
      frames += frame("APIC", [3] + Array(cover.kind.mediaType.utf8) + [0, 3, 0] + cover.bytes)
    }
    let ids = marks.indices.map { Array("chp\($0 + 1)".utf8) + [0] }
    // A table of contents holds at most 255 entries; past that the CHAP frames stand alone.
    if !marks.isEmpty && marks.count <= 255 {
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
}
