import AudiobookAudio
import AudiobookBook
import AudiobookCore
import Foundation

/// Vorbis comments (FLAC's comment block, the comment header of Ogg Vorbis and Opus): what
/// `EmbeddedTags` adds to the ones libsndfile wrote, and the picture block that carries the cover.
enum VorbisComments {
  /// The most chapters Vorbis comments number (`CHAPTER001` to `CHAPTER999`).
  static let maximumChapters = 999

  /// The tags libsndfile does not write (it writes title, artist, album, track, comment, date
  /// and genre), as `KEY=value`, in a fixed order: the names Audiobookshelf and players read.
  static func extraComments(_ tags: AudioTags) -> [String] {
    let fields: [(String, String?)] = [
      ("SUBTITLE", tags.subtitle), ("ALBUMARTIST", tags.artist), ("COMPOSER", tags.composer),
      ("PUBLISHER", tags.publisher), ("DESCRIPTION", tags.description), ("LANGUAGE", tags.language),
      ("SERIES", tags.series), ("SERIES-PART", tags.seriesPosition),
      (tags.identifier.map(isISBN) == true ? "ISBN" : "IDENTIFIER", tags.identifier),
    ]
    return fields.compactMap { key, value in value.map { "\(key)=\($0)" } }
  }

  /// Whether `identifier` reads as an ISBN: 10 or 13 digits (the last of ten may be X), with
  /// hyphens or spaces between.
  static func isISBN(_ identifier: String) -> Bool {
    let characters = identifier.filter { $0 != "-" && $0 != " " }
    guard characters.count == 10 || characters.count == 13, let last = characters.last else { return false }
    return characters.dropLast().allSatisfy(\.isASCIIDigit)
      && (last.isASCIIDigit || (characters.count == 10 && last == "X"))
  }

  /// `CHAPTER001=HH:MM:SS.mmm`, `CHAPTER001NAME=Title`, ... for the first 999 chapters.
  static func chapterComments(_ marks: [EmbeddedTags.Mark]) -> [String] {
    marks.prefix(maximumChapters).enumerated().flatMap { index, mark in
      let number = String(index + 1)
      let key = "CHAPTER" + String(repeating: "0", count: 3 - number.count) + number
      return ["\(key)=\(Subtitles.timestamp(mark.milliseconds, separator: "."))", "\(key)NAME=\(mark.title)"]
    }
  }

  /// A FLAC `PICTURE` block's body, which Ogg files carry base64-encoded as
  /// `METADATA_BLOCK_PICTURE`: picture type 3 (front cover), media type, size and the image.
  static func picture(_ cover: CoverImage) -> [UInt8] {
    func number(_ value: Int) -> [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) } }
    let mediaType = Array(cover.kind.mediaType.utf8)
    return number(3) + number(mediaType.count) + mediaType + number(0) + number(cover.width) + number(cover.height)
      + number(cover.depth) + number(0) + number(cover.bytes.count) + cover.bytes
  }

  /// The `METADATA_BLOCK_PICTURE=...` comment for an Ogg file.
  static func pictureComment(_ cover: CoverImage) -> String {
    "METADATA_BLOCK_PICTURE=" + Data(picture(cover)).base64EncodedString()
  }

  /// `bytes` with `comments` added after the comment list that starts at `start` (with its
  /// vendor string); what comes before and after the list (Ogg's magic, Vorbis' framing bit)
  /// is kept.
  ///
  /// - Throws: `.io` naming `reportedPath` when the list runs past the end of `bytes`.
  static func appending(_ comments: [String], to bytes: [UInt8], listAt start: Int, reportedPath: String)
    throws(AudiobookError) -> [UInt8]
  {
    func number(at offset: Int) throws(AudiobookError) -> Int {
      guard offset >= 0, offset + 4 <= bytes.count else {
        throw AudiobookError(.io, "the file's comments are cut short", file: reportedPath)
      }
      return (0..<4).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
    }
    let countStart = start + 4 + (try number(at: start))
    let count = try number(at: countStart)
    var offset = countStart + 4
    for _ in 0..<count { offset += 4 + (try number(at: offset)) }
    guard offset <= bytes.count else {
      throw AudiobookError(.io, "the file's comments are cut short", file: reportedPath)
    }
    var result = Array(bytes[..<countStart]) + littleEndian(count + comments.count) + bytes[(countStart + 4)..<offset]
    for comment in comments { result += littleEndian(comment.utf8.count) + Array(comment.utf8) }
    return result + bytes[offset...]
  }

  /// A comment list of its own: vendor, count, comments.
  static func list(vendor: String, _ comments: [String]) -> [UInt8] {
    (try? appending(
      comments, to: littleEndian(vendor.utf8.count) + Array(vendor.utf8) + littleEndian(0), listAt: 0, reportedPath: ""))
      ?? []
  }

  /// A 32-bit length or count as Vorbis comments write it.
  static func littleEndian(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(value >> (8 * $0) & 0xFF) } }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
