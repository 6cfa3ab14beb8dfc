import AudiobookAudio
import AudiobookCore
import AudiobookPublish
import Foundation

/// Another format a render publishes from the same assembled chapters (`--format m4b,mp3`
/// names two): its publisher, each chapter's content hash in it, and the previous render's
/// edition of that format, whose files are kept while unchanged.
struct EditionRun {
  let options: PublishOptions
  let publisher: ChapterPublisher
  /// Per chapter, in plan order.
  let hashes: [String]
  let bookHash: String
  let previous: Manifest.Edition?

  init(options: PublishOptions, sourceRate: Int, hashes: [String], previous: Manifest.Edition?) {
    self.options = options
    publisher = ChapterPublisher(options: options, sourceRate: sourceRate)
    self.hashes = hashes
    bookHash = FieldHash.hex(["audiobook-book-1", options.format.rawValue] + hashes)
    self.previous = previous
  }

  /// The edition's name for a chapter file: the first format's name with its own extension.
  func fileName(for chapterFile: String) -> String {
    (chapterFile as NSString).deletingPathExtension + "." + options.format.fileExtension
  }

  /// The whole-book file's name: `<slug>.<format>`.
  func bookFileName(slug: String) -> String { "\(slug).\(options.format.fileExtension)" }

  /// Whether the previous render's whole-book file of this edition (or its absence) is right.
  func bookUnchanged(previousFile: (String) -> String?) -> Bool {
    guard options.layout.includesBookFile else { return true }
    guard let book = previous?.book else { return false }
    return book.contentHash == bookHash && previousFile(book.file) != nil
  }

  /// The previous render's file of chapter `index`, when it is already what this render would
  /// write; `.some(nil)` when the layout has no chapter files; nil when it must be written.
  func unchangedFile(_ index: Int, number: Int, chapterFile: String, previousFile: (String) -> String?)
    -> Manifest.EditionFile??
  {
    guard options.layout.includesChapterFiles else { return .some(nil) }
    let name = fileName(for: chapterFile)
    guard var file = previous?.chapters.first(where: { $0.file == name }), file.contentHash == hashes[index],
      previousFile(name) != nil
    else { return nil }
    file.number = number
    return .some(file)
  }
}
