import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The publishing step of a render (`Renderer.publishing`): each chapter is assembled as
/// always, into a scratch file, then published from it (`ChapterPublisher`); the whole-book
/// file is gathered as chapters go and encoded at the end (`BookAssembly`).
extension Renderer {
  /// For `--master audiobook`, a renderer whose head and tail pauses lie inside the spec;
  /// nil when nothing needs to change.
  func masteredRenderer() -> Renderer? {
    guard publishing?.master == .audiobook else { return nil }
    let pauses = AudiobookSpec.pauses(preset.pauses)
    guard pauses != preset.pauses else { return nil }
    var mastered = self
    mastered.preset.pauses = pauses
    return mastered
  }

  /// The plan with content hashes that also cover what publishing puts in each file.
  func published(_ plan: RenderPlan, _ options: PublishOptions, book: Book, engine: EngineInfo) -> RenderPlan {
    var plan = plan
    for index in plan.chapters.indices {
      let chapter = plan.chapters[index].chapter
      let tags = chapterTags(title: chapter.title, number: chapter.number, book: book)
      plan.chapters[index].contentHash = options.contentHash(
        plan.chapters[index].contentHash, tags: tags, outputRate: options.outputRate(source: engine.sampleRate))
    }
    return plan
  }

  /// The plan with content hashes that also cover the tags of a plain render's WAV files.
  func tagged(_ plan: RenderPlan, book: Book) -> RenderPlan {
    var plan = plan
    for index in plan.chapters.indices {
      let chapter = plan.chapters[index].chapter
      let tags = chapterTags(title: chapter.title, number: chapter.number, book: book)
      plan.chapters[index].contentHash = FieldHash.hex(
        ["audiobook-tagged-wav-1", plan.chapters[index].contentHash] + tags.fields)
    }
    return plan
  }

  func chapterTags(title: String, number: Int, book: Book) -> AudioTags {
    AudioTags.chapter(title, number: number, of: book, voice: preset.name)
  }

  var synthesisComment: String { AudioTags.synthesisComment(voice: preset.name) }

  /// Changes whenever the whole-book file's bytes would: every chapter's content, the format.
  func bookContentHash(_ plan: RenderPlan, _ options: PublishOptions) -> String {
    FieldHash.hex(["audiobook-book-1", options.format.rawValue] + plan.chapters.map(\.contentHash))
  }

  /// Whether the previous render's whole-book file is exactly what this one would write (or
  /// the layout has none), so its chapters may be left alone.
  func bookIsUnchanged(_ hash: String, previous: Manifest?, output: RenderFolder) -> Bool {
    guard publishing?.layout.includesBookFile == true else { return true }
    guard let book = previous?.book, book.contentHash == hash, output.previousFile(book.file) != nil
    else { return false }
    return true
  }

  /// The name of the whole-book file: `<slug>.<format>`.
  func bookFileName(slug: String) -> String { "\(slug).\(publishing?.format.fileExtension ?? "wav")" }

  func startBook(_ plan: RenderPlan, output: RenderFolder, slug: String, sampleRate: Int) throws(AudiobookError)
    -> BookAssembly?
  {
    guard publishing?.layout.includesBookFile == true else { return nil }
    let name = bookFileName(slug: slug)
    return try BookAssembly(
      path: output.path(name), reportedPath: (output.published as NSString).appendingPathComponent(name),
      sampleRate: sampleRate)
  }

  /// A private scratch name beside `path` for the assembled chapter, removed after publishing.
  static func scratchPath(for path: String) -> String {
    let scratch = AtomicOutput.temporaryPath(for: path + ".assembled")
    AtomicOutput.register(scratch)
    return scratch
  }

  static func removeScratch(_ path: String) {
    unlink(path)
    AtomicOutput.unregister(path)
  }

  /// Publishes an assembled chapter and returns its manifest entry for the published file.
  func publish(
    _ entry: Manifest.Chapter, canonical: String, publisher: ChapterPublisher, book: BookAssembly?, of manuscript: Book,
    output: RenderFolder
  ) throws(AudiobookError) -> Manifest.Chapter {
    let path = (output.published as NSString).appendingPathComponent(entry.file)
    let target = publisher.options.layout.includesChapterFiles ? output.path(entry.file) : nil
    let tags = chapterTags(title: entry.title, number: entry.number, book: manuscript)
    let result = try publisher.publish(
      canonical: canonical, frames: entry.frames, to: target.map { ($0, path) }, tags: tags,
      seed: UInt64(entry.number), book: book)
    let seconds = Double(result.frames) / Double(publisher.outputRate)
    if publisher.options.master == .audiobook && seconds > AudiobookSpec.longest {
      warn(
        "\(path): warning: chapter \(entry.number) lasts \(Int(seconds / 60)) minutes; the audiobook spec allows "
          + "120 per file, so split the chapter in the manuscript")
    }
    if result.shortfall > 0, let target = publisher.options.loudness {
      warn(
        "\(path): warning: chapter \(entry.number) reaches \(result.levels.integratedLoudness) LUFS, not \(target): "
          + "the true-peak limit (\(publisher.options.loudnessCeiling) dBTP) allows no more without compressing the speech"
      )
    }
    var published = publisher.rescaled(entry)
    published.frames = result.frames
    published.levels = result.levels
    published.gain = publisher.options.adjustsLevel ? result.gain : nil
    if let target {
      published.sha256 = try FileDigest.sha256(of: target)
    } else if let book {
      published.file = book.fileName
      published.startFrame = book.chapterStarts.last
    }
    return published
  }

  /// Encodes the whole-book file (or keeps the previous one) and records the publishing
  /// settings in the manifest; chapters inside the book file point at it.
  func finishPublishing(
    _ manifest: inout Manifest, _ options: PublishOptions, book: Book, bookHash: String, assembly: BookAssembly?,
    previous: Manifest?, output: RenderFolder, slug: String, sourceRate: Int
  ) throws(AudiobookError) {
    let rate = manifest.sampleRate
    manifest.publishing = Manifest.Publishing(
      format: options.format, layout: options.layout, sourceSampleRate: sourceRate,
      bitRate: options.format.bitRate(sampleRate: rate), loudness: options.loudness, master: options.master)
    guard options.layout.includesBookFile else { return }
    let name = bookFileName(slug: slug)
    var entry: Manifest.BookFile
    if let assembly {
      let temporary = output.path(name)
      let tags = AudioTags(title: book.title, artist: book.author, album: book.title, comment: synthesisComment)
      let frames = try assembly.finish(
        to: temporary, format: options.format, tags: tags, chapterTitles: manifest.chapters.map(\.title), note: warn)
      entry = Manifest.BookFile(
        file: name, frames: frames, sha256: try FileDigest.sha256(of: temporary), contentHash: bookHash,
        chapterStarts: assembly.chapterStarts)
    } else if let kept = previous?.book {
      try output.keep(kept.file)
      entry = kept
    } else {
      throw AudiobookError(.failure, "internal error: no whole-book file to publish", file: name)
    }
    if options.layout == .book {
      for index in manifest.chapters.indices {
        manifest.chapters[index].file = name
        manifest.chapters[index].sha256 = entry.sha256
        manifest.chapters[index].startFrame = entry.chapterStarts[index]
      }
    }
    manifest.book = entry
  }

}
