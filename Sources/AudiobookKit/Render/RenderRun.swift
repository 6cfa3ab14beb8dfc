import AudiobookAudio
import AudiobookBook
import AudiobookCore
import AudiobookPublish
import AudiobookSpeech
import AudiobookText
import Foundation

/// One render of one book: what its steps share. Made by the first step, the plan; the
/// others (`reuse`, `supply`, `assemble`, `passContentGuard`, `publish`) each live in a file
/// `RenderRun+Step.swift`, and `Renderer.render` calls them in order.
struct RenderRun {
  let renderer: Renderer
  let book: Book
  let engine: EngineInfo
  let plan: RenderPlan
  /// The book folder's name (in the output folder, or in a library's author or series folder).
  let slug: String
  /// Where the render is built, and swapped in at the end.
  let output: RenderFolder
  let cache: ClipCache
  /// The manifest of the render this one replaces, if any.
  let previous: Manifest?
  /// Publishes each chapter in another format, rate or level; nil for plain WAV files.
  let publisher: ChapterPublisher?
  /// The other formats published from the same chapters.
  let editions: [EditionRun]
  /// The whole-book file's content hash, when publishing.
  let bookHash: String?
  /// Whether the whole-book files (or their absence), the editions' too, stay as they are, so
  /// chapters may be reused.
  let bookUnchanged: Bool

  /// The published files' sample rate.
  var outputRate: Int { publisher?.outputRate ?? engine.sampleRate }

  /// Plans `book` (every text checked, every clip keyed, every chapter's content hashed) and
  /// opens the render folder and the clip cache.
  init(plan book: Book, for renderer: Renderer, into outputDirectory: String) throws(AudiobookError) {
    self.renderer = renderer
    self.book = book
    engine = try EspeakVoices.usableEngine()
    let publishing = renderer.publishing
    var plan = try RenderPlan(
      book: book, preset: renderer.preset, cast: renderer.cast, engine: engine,
      fileExtension: publishing?.format.fileExtension ?? "wav")
    let audioHashes = plan.chapters.map(\.contentHash)
    plan = Self.hashingTags(of: plan, book: book, renderer: renderer, engine: engine)
    self.plan = plan

    // In a library, the book's folder is `Author/[Series/]Title` and names its files.
    slug = renderer.library ? LibraryFolder.title(of: book) : BookSlug.slug(book.title)
    let folders = (renderer.library ? LibraryFolder.parents(of: book) : []) + [slug]
    let output = try RenderFolder(published: NSString.path(withComponents: [outputDirectory] + folders))
    self.output = output
    do {
      cache = try ClipCache(
        directory: renderer.cacheDirectory ?? Renderer.defaultCacheDirectory(output: outputDirectory))
    } catch {
      output.discard()
      throw error
    }
    let previous = output.previousManifest()
    self.previous = previous
    let sourceRate = engine.sampleRate
    publisher = publishing.map { ChapterPublisher(options: $0, sourceRate: sourceRate) }
    editions = renderer.editions.map { options in
      let hashes = zip(plan.chapters, audioHashes).map { chapter, hash in
        options.contentHash(
          hash, tags: renderer.chapterTags(title: chapter.chapter.title, number: chapter.chapter.number, book: book),
          outputRate: options.outputRate(source: sourceRate))
      }
      return EditionRun(
        options: options, sourceRate: sourceRate, hashes: hashes,
        previous: previous?.editions?.first { $0.format == options.format })
    }
    let bookHash = publishing.map {
      FieldHash.hex(["audiobook-book-1", $0.format.rawValue] + plan.chapters.map(\.contentHash))
    }
    self.bookHash = bookHash
    let editionBooksUnchanged = editions.allSatisfy { $0.bookUnchanged(previousFile: output.previousFile) }
    bookUnchanged =
      editionBooksUnchanged
      && (publishing?.layout.includesBookFile != true
        || (previous?.book.map { $0.contentHash == bookHash && output.previousFile($0.file) != nil } ?? false))
  }

  /// The plan with content hashes that also cover the tags in each file and, when
  /// publishing, what publishing puts there.
  private static func hashingTags(of plan: RenderPlan, book: Book, renderer: Renderer, engine: EngineInfo)
    -> RenderPlan
  {
    var plan = plan
    for index in plan.chapters.indices {
      let chapter = plan.chapters[index].chapter
      let tags = renderer.chapterTags(title: chapter.title, number: chapter.number, book: book)
      let hash = plan.chapters[index].contentHash
      plan.chapters[index].contentHash =
        renderer.publishing.map {
          $0.contentHash(hash, tags: tags, outputRate: $0.outputRate(source: engine.sampleRate))
        } ?? FieldHash.hex(["audiobook-tagged-wav-1", hash] + tags.fields)
    }
    return plan
  }

  /// The warnings for a chapter's paragraphs the listener may not hear as written: markup,
  /// or a sentence too long to read in one breath.
  func warnings(for chapter: RenderPlan.ChapterPlan) -> [String] {
    var warnings: [String] = []
    for part in chapter.paragraphs { Self.noticeUnusual(part, file: book.sourceFile) { warnings.append($0) } }
    return warnings
  }

  private static func noticeUnusual(_ part: RenderPlan.Part, file: String, warn: (String) -> Void) {
    guard let paragraph = part.paragraph else { return }
    let location = "\(file):\(paragraph.sourceLine): warning:"
    if let notice = MarkupNotice.check(paragraph.text) { warn("\(location) \(notice)") }
    // A run read in pieces (a long web address) was named above; its pieces need no second warning.
    if RunBreaker.notice(paragraph.text) == nil,
      let long = part.script.sentences.first(where: { $0.pieces.count > max(1, $0.parts.count) })
    {
      warn(
        "\(location) a sentence of \(long.text.count) characters is read in \(long.pieces.count) pieces "
          + "of at most \(SpeechText.pieceLimit); add punctuation to choose the breaks")
    }
  }

  /// Names the place of a part in error messages: `chapter 3, paragraph 12` or `chapter 3 title`.
  static func place(of part: RenderPlan.Part, in chapter: Chapter) -> String {
    part.paragraph.map { "chapter \(chapter.number), paragraph \($0.number)" } ?? "chapter \(chapter.number) title"
  }
}
