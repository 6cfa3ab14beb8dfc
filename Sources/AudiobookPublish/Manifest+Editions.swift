import AudiobookAudio

extension Manifest {
  /// Another format published by the same render from the same chapters (`--format m4b,mp3`):
  /// its files, which `verify` checks as it checks the first format's. The manifest's
  /// chapters, frames and subtitles are the first format's.
  public struct Edition: Codable, Sendable, Equatable {
    public var format: AudioFormat
    public var layout: PublishOptions.Layout
    public var sampleRate: Int
    /// MP3's constant bit rate, kbps.
    public var bitRate: Int?
    /// One per chapter when the layout has chapter files.
    public var chapters: [EditionFile]
    /// The whole-book file, when the layout has one.
    public var book: BookFile?

    package init(
      format: AudioFormat, layout: PublishOptions.Layout, sampleRate: Int, bitRate: Int? = nil,
      chapters: [EditionFile] = [], book: BookFile? = nil
    ) {
      self.format = format
      self.layout = layout
      self.sampleRate = sampleRate
      self.bitRate = bitRate
      self.chapters = chapters
      self.book = book
    }

    /// The edition's files, chapters first.
    public var files: [String] { chapters.map(\.file) + (book.map { [$0.file] } ?? []) }
  }

  /// A chapter's file in another edition.
  public struct EditionFile: Codable, Sendable, Equatable {
    public var number: Int
    public var file: String
    public var frames: Int
    public var sha256: String
    /// Changes whenever the file's bytes would; a re-render keeps the file while it is unchanged.
    public var contentHash: String

    package init(number: Int, file: String, frames: Int, sha256: String, contentHash: String) {
      self.number = number
      self.file = file
      self.frames = frames
      self.sha256 = sha256
      self.contentHash = contentHash
    }
  }
}
