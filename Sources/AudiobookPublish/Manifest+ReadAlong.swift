import AudiobookAudio

extension Manifest {
  /// The read-along book (`--format epub`): an EPUB 3 with Media Overlays whose audio is the
  /// render's MP3 files, the first format's or an edition's.
  public struct ReadAlong: Codable, Sendable, Equatable {
    /// `<slug>.epub`.
    public var file: String
    public var sha256: String
    /// Sentence or word overlays.
    public var granularity: ReadAlongBook.Granularity

    package init(file: String, sha256: String, granularity: ReadAlongBook.Granularity) {
      self.file = file
      self.sha256 = sha256
      self.granularity = granularity
    }
  }

  /// Where each chapter's MP3 audio is, for the read-along book: the first format's files when
  /// it is MP3, else the MP3 edition's; nil when the render published no MP3. A whole-book
  /// file gives each chapter's start in it.
  package var readAlongAudio: [ReadAlongBook.Audio]? {
    if publishing?.format == .mp3 {
      return chapters.map { chapter in
        ReadAlongBook.Audio(file: chapter.file, offset: Double(chapter.startFrame ?? 0) / Double(sampleRate))
      }
    }
    guard let edition = editions?.first(where: { $0.format == .mp3 }) else { return nil }
    if edition.chapters.count == chapters.count {
      return edition.chapters.map { ReadAlongBook.Audio(file: $0.file, offset: 0) }
    }
    guard let book = edition.book, book.chapterStarts.count == chapters.count else { return nil }
    return book.chapterStarts.map {
      ReadAlongBook.Audio(file: book.file, offset: Double($0) / Double(edition.sampleRate))
    }
  }
}
