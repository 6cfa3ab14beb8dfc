import Foundation
import AudiobookCore
import AudiobookBook

/// The tags a published file carries: title, artist (the author), album (the book's title),
/// track number, comment, and the book's metadata: narrator (as composer, where library
/// servers look for it), series, date, description, the cover.
///
/// libsndfile writes the common ones (`libsndfileFields`) as a WAV `LIST INFO` chunk, FLAC and
/// Ogg Vorbis comments, or MP3 ID3 tags, before any audio; `EmbeddedTags` adds the rest to
/// FLAC, Ogg, Opus and MP3 files once they are written. LAME writes ID3 text as Latin-1, so MP3 tags are
/// converted to it (`latin1`) rather than handed over as UTF-8, which players would show as "CafÃ©".
public struct AudioTags: Sendable, Equatable {
  public var title: String?
  public var artist: String?
  public var album: String?
  /// `3` or `3/12`.
  public var trackNumber: String?
  public var comment: String?
  public var subtitle: String?
  /// The narrator: ID3 `TCOM`, MP4 `©wrt`, Vorbis `COMPOSER`, which Audiobookshelf reads as the narrator.
  public var composer: String?
  public var date: String?
  public var genre: String?
  public var description: String?
  public var language: String?
  public var publisher: String?
  public var series: String?
  public var seriesPosition: String?
  public var identifier: String?
  public var cover: CoverImage?

  public init(
    title: String? = nil, artist: String? = nil, album: String? = nil, trackNumber: String? = nil,
    comment: String? = nil
  ) {
    self.title = title
    self.artist = artist
    self.album = album
    self.trackNumber = trackNumber
    self.comment = comment
  }

  /// `text` as Latin-1 bytes, for ID3 tags written by LAME: typographic quotes and dashes
  /// become their ASCII forms, other letters outside Latin-1 lose their accents, and what is
  /// left becomes `?`.
  static func latin1(_ text: String) -> [UInt8] {
    var bytes: [UInt8] = []
    for scalar in text.unicodeScalars {
      if scalar.value < 256 {
        bytes.append(UInt8(scalar.value))
        continue
      }
      switch scalar {
      case "\u{2018}", "\u{2019}", "\u{201A}", "\u{2032}": bytes.append(UInt8(ascii: "'"))
      case "\u{201C}", "\u{201D}", "\u{201E}", "\u{2033}": bytes.append(UInt8(ascii: "\""))
      case "\u{2013}", "\u{2014}", "\u{2212}": bytes.append(UInt8(ascii: "-"))
      case "\u{2026}": bytes += Array("...".utf8)
      default:
        let folded = String(scalar).folding(options: .diacriticInsensitive, locale: Locale(identifier: "en_US_POSIX"))
        let plain = folded.unicodeScalars.filter { $0.value < 128 }
        bytes += plain.isEmpty ? [UInt8(ascii: "?")] : plain.map { UInt8($0.value) }
      }
    }
    return bytes
  }

  /// Whether no tag is set.
  public var isEmpty: Bool { self == AudioTags() }
}

/// A labelled position in a WAV file (`cue ` chunk plus `LIST adtl labl`), such as a chapter start.
public struct AudioMarker: Sendable, Equatable {
  public var frame: Int
  public var label: String

  public init(frame: Int, label: String) {
    self.frame = frame
    self.label = label
  }
}

extension AudioTags {
  /// A chapter's tags: its title, the author as artist, the book as album, the chapter's
  /// number as track, and a comment that says the narration is synthesized, as stores that
  /// take it ask to be told.
  package static func chapter(_ title: String, number: Int, of book: Book, voice: String) -> AudioTags {
    var tags = AudioTags.book(book, voice: voice)
    tags.title = title
    tags.trackNumber = String(number)
    return tags
  }

  /// The whole book's tags: its title as title and album, and every field of its metadata;
  /// the narrator, when the book names none, is the voice.
  package static func book(_ book: Book, voice: String) -> AudioTags {
    var tags = AudioTags(
      title: book.title, artist: book.author, album: book.title, comment: synthesisComment(voice: voice))
    tags.subtitle = book.subtitle
    tags.composer = book.narrator ?? synthesizedNarrator(voice: voice)
    tags.date = book.date
    tags.genre = book.genre
    tags.description = book.summary
    tags.language = book.language
    tags.publisher = book.publisher
    tags.series = book.series
    tags.seriesPosition = book.series == nil ? nil : book.seriesPosition
    tags.identifier = book.identifier
    tags.cover = book.cover
    return tags
  }

  /// Every tag, absent ones empty, in a fixed order, and the cover's hash: for content hashes.
  package var fields: [String] {
    [title, artist, album, trackNumber, comment, subtitle, composer, date, genre, description, language, publisher]
      .map { $0 ?? "" } + [
        series ?? "", seriesPosition ?? "", identifier ?? "",
        cover.map { String(XXH64.hash($0.bytes), radix: 16) } ?? "",
      ]
  }

  package static func synthesisComment(voice: String) -> String { "Synthesized narration (espeak-ng, voice \(voice))" }

  /// The narrator named when the book names none: the voice, so that no player shows an empty field.
  package static func synthesizedNarrator(voice: String) -> String { "espeak-ng voice \(voice) (synthesized)" }
}
