import AudiobookAudio
import AudiobookBook
import AudiobookCore
import AudiobookPublish
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

extension RenderRun {
  /// Step 6: the manifest, the whole-book file, subtitles and cue sheets, then the commit
  /// that swaps the new render in; files of the previous render that this one no longer
  /// has (a renamed or removed chapter) go with it.
  func publish(_ assembled: AssembledBook) throws(AudiobookError) -> Manifest {
    let subtitles = renderer.subtitles
    var manifest = Manifest(
      title: book.title, author: book.author, language: book.language, publisher: book.publisher, date: book.date,
      sampleRate: outputRate,
      voice: .init(name: renderer.preset.name, settings: renderer.preset.engine, pauses: renderer.preset.pauses),
      engine: .init(name: "espeak-ng", version: engine.version),
      subtitles: subtitles.isEmpty ? nil : Subtitles.Format.allCases.filter(subtitles.contains),
      chapters: assembled.chapters)
    if let options = renderer.publishing, let bookHash {
      try finishPublishing(&manifest, options, bookHash: bookHash, bookFile: assembled.bookFile)
    }
    if !editions.isEmpty {
      var finished: [Manifest.Edition] = []
      for index in editions.indices { finished.append(try finish(edition: index, assembled)) }
      manifest.editions = finished
    }
    try describe(&manifest)
    if let granularity = renderer.readAlong { manifest.readAlong = try writeReadAlong(manifest, granularity) }
    try writeSubtitles(manifest)
    for sheet in CueSheet.sheets(for: manifest, slug: slug) { try output.write(Array(sheet.text.utf8), to: sheet.name) }
    let bytes: [UInt8]
    do {
      bytes = try manifest.encoded()
    } catch {
      throw AudiobookError(.failure, "cannot encode the manifest: \(error)", file: output.published)
    }
    try output.write(bytes, to: "manifest.json")
    let earlier = previous.map { $0.publishedFiles + CueSheet.sheets(for: $0, slug: slug).map(\.name) } ?? []
    let earlierBeside = (previous?.besideFiles ?? []).filter(Manifest.isPlainFileName)
    try output.commit(
      previousRender: Set(earlier.filter(AudioFormat.isRenderedFileName) + earlierBeside + ["manifest.json"]))
    return manifest
  }

  /// Step 7: tells the clip cache which clips this book uses (for `cache prune`), and warns
  /// of clips it could not store.
  func recordCacheUse() {
    if cache.failedWrites > 0 {
      renderer.warn(
        "\(cache.directory): warning: \(cache.failedWrites) clips could not be stored in the clip cache "
          + "(full or not writable); the next render synthesizes them again")
    }
    do {
      try cache.recordUse(plan.chapters.flatMap(\.batches).map(\.key), book: slug)
    } catch {
      // The book is whole without it; only `cache prune` would know less.
      renderer.warn("\(error.description): warning: the clip cache could not record this render's clips")
    }
  }

  /// What the render did, announced (`.finished`) and returned.
  func result(_ manifest: Manifest, _ assembled: AssembledBook, work: RenderWork) -> Renderer.Result {
    let frames = assembled.chapters.reduce(0) { $0 + $1.frames }
    var summary = RenderSummary(
      chapters: assembled.chapters.count, chaptersWritten: assembled.written,
      paragraphs: plan.chapters.reduce(0) { $0 + $1.paragraphs.count },
      paragraphsSynthesized: work.synthesizedParagraphs, cacheHits: assembled.clips.hits,
      cacheMisses: assembled.clips.misses,
      audioSeconds: Double(frames) / Double(outputRate))
    // The audio files this render wrote: chapter files, or the whole-book file they are in.
    var written = Set(zip(manifest.chapters, assembled.reports).filter { $1.written }.map { $0.0.file })
    if assembled.bookFile != nil, let book = manifest.book { written.insert(book.file) }
    summary.bytesWritten = written.reduce(0) { total, file in
      total + (FileKind.size(of: (output.published as NSString).appendingPathComponent(file)) ?? 0)
    }
    renderer.progress(.finished(summary))
    return Renderer.Result(
      folder: output.published, manifest: manifest, summary: summary, chapters: assembled.reports)
  }

  /// The book's metadata in the manifest as the files carry it, the cover beside the audio,
  /// and for a library the description and narrator files Audiobookshelf reads.
  private func describe(_ manifest: inout Manifest) throws(AudiobookError) {
    let tags = AudioTags.book(book, voice: renderer.preset.name)
    manifest.subtitle = tags.subtitle
    manifest.narrator = tags.composer
    manifest.series = tags.series
    manifest.seriesPosition = tags.seriesPosition
    manifest.description = tags.description
    manifest.genre = tags.genre
    manifest.identifier = tags.identifier
    if let cover = book.cover {
      let name = "cover.\(cover.kind.fileExtension)"
      try output.write(cover.bytes, to: name)
      manifest.cover = name
      manifest.coverSHA256 = try FileDigest.sha256(of: output.path(name))
    }
    guard renderer.library else { return }
    var sidecars: [String] = []
    if let description = tags.description {
      try output.write(Array((description + "\n").utf8), to: "desc.txt")
      sidecars.append("desc.txt")
    }
    if let narrator = tags.composer {
      try output.write(Array((narrator + "\n").utf8), to: "reader.txt")
      sidecars.append("reader.txt")
    }
    manifest.sidecars = sidecars
  }

  /// Writes the subtitle files the manifest promises.
  private func writeSubtitles(_ manifest: Manifest) throws(AudiobookError) {
    let formats = manifest.subtitles ?? []
    for chapter in manifest.chapters {
      for format in formats where format != .words {
        let text =
          format == .vtt
          ? Subtitles.webVTT(chapter, sampleRate: manifest.sampleRate, words: formats.contains(.words))
          : Subtitles.srt(chapter, sampleRate: manifest.sampleRate)
        try output.write(Array(text.utf8), to: Subtitles.fileName(for: chapter.file, format: format))
      }
    }
  }

  /// The name of the whole-book file: `<slug>.<format>`.
  var bookFileName: String { "\(slug).\(renderer.publishing?.format.fileExtension ?? "wav")" }

  /// Starts gathering the whole-book file, when the layout has one.
  func startBookFile() throws(AudiobookError) -> BookAssembly? {
    guard renderer.publishing?.layout.includesBookFile == true else { return nil }
    return try BookAssembly(
      path: output.path(bookFileName),
      reportedPath: (output.published as NSString).appendingPathComponent(bookFileName), sampleRate: outputRate)
  }

  /// Starts gathering an edition's whole-book file, when its layout has one.
  func startBookFile(for edition: EditionRun) throws(AudiobookError) -> BookAssembly? {
    guard edition.options.layout.includesBookFile else { return nil }
    let name = edition.bookFileName(slug: slug)
    return try BookAssembly(
      path: output.path(name), reportedPath: (output.published as NSString).appendingPathComponent(name),
      sampleRate: edition.publisher.outputRate)
  }

  /// Publishes an assembled chapter in another edition and returns its file there (nil when
  /// the edition has no chapter files).
  func publish(
    _ entry: Manifest.Chapter, in edition: EditionRun, from canonical: String, bookFile: BookAssembly?,
    warn: (String) -> Void
  ) throws(AudiobookError) -> Manifest.EditionFile? {
    var named = entry
    named.file = edition.fileName(for: entry.file)
    let published = try publish(named, from: canonical, publisher: edition.publisher, bookFile: bookFile, warn: warn)
    guard edition.options.layout.includesChapterFiles,
      let index = plan.chapters.firstIndex(where: { $0.file == entry.file })
    else { return nil }
    return Manifest.EditionFile(
      number: entry.number, file: named.file, frames: published.frames, sha256: published.sha256,
      contentHash: edition.hashes[index])
  }

  /// Publishes an assembled chapter (another format, rate or level, the whole-book file) and
  /// returns its manifest entry for the published file.
  ///
  /// - Parameter warn: hears of a chapter longer than the audiobook spec allows, or one the
  ///   true-peak limit keeps below the loudness asked for.
  func publish(
    _ entry: Manifest.Chapter, from canonical: String, publisher: ChapterPublisher, bookFile: BookAssembly?,
    warn: (String) -> Void
  ) throws(AudiobookError) -> Manifest.Chapter {
    let options = publisher.options
    let path = (output.published as NSString).appendingPathComponent(entry.file)
    let target = options.layout.includesChapterFiles ? output.path(entry.file) : nil
    let tags = renderer.chapterTags(title: entry.title, number: entry.number, book: book)
    let result = try publisher.publish(
      canonical: canonical, frames: entry.frames, to: target.map { ($0, path) }, tags: tags,
      seed: UInt64(entry.number), book: bookFile)
    let seconds = Double(result.frames) / Double(publisher.outputRate)
    if options.master == .audiobook && seconds > AudiobookSpec.longest {
      warn(
        "\(path): warning: chapter \(entry.number) lasts \(Int(seconds / 60)) minutes; the audiobook spec allows "
          + "120 per file, so split the chapter in the manuscript")
    }
    if result.shortfall > 0, let level = options.loudness {
      warn(
        "\(path): warning: chapter \(entry.number) reaches \(result.levels.integratedLoudness) LUFS, not \(level): "
          + "the true-peak limit (\(options.loudnessCeiling) dBTP) allows no more without compressing the speech")
    }
    var published = publisher.rescaled(entry)
    published.frames = result.frames
    published.levels = result.levels
    published.gain = options.adjustsLevel ? result.gain : nil
    if let target {
      published.sha256 = try FileDigest.sha256(of: target)
    } else if let bookFile {
      published.file = bookFile.fileName
      published.startFrame = bookFile.chapterStarts.last
    }
    return published
  }

  /// Encodes the whole-book file (or keeps the previous one) and records the publishing
  /// settings in the manifest; chapters inside the book file point at it.
  private func finishPublishing(
    _ manifest: inout Manifest, _ options: PublishOptions, bookHash: String, bookFile: BookAssembly?
  ) throws(AudiobookError) {
    let rate = manifest.sampleRate
    manifest.publishing = Manifest.Publishing(
      format: options.format, layout: options.layout, sourceSampleRate: engine.sampleRate,
      bitRate: options.format.bitRate(sampleRate: rate), loudness: options.loudness, master: options.master)
    guard options.layout.includesBookFile else { return }
    let name = bookFileName
    var entry: Manifest.BookFile
    if let bookFile {
      let temporary = output.path(name)
      let tags = AudioTags.book(book, voice: renderer.preset.name)
      let frames = try bookFile.finish(
        to: temporary, format: options.format, tags: tags, chapterTitles: manifest.chapters.map(\.title),
        note: renderer.warn)
      entry = Manifest.BookFile(
        file: name, frames: frames, sha256: try FileDigest.sha256(of: temporary), contentHash: bookHash,
        chapterStarts: bookFile.chapterStarts)
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

extension RenderRun {
  /// An edition's manifest entry: its chapter files, and its whole-book file encoded (or the
  /// previous one kept).
  private func finish(edition index: Int, _ assembled: AssembledBook) throws(AudiobookError) -> Manifest.Edition {
    let edition = editions[index]
    let options = edition.options
    let rate = edition.publisher.outputRate
    var result = Manifest.Edition(
      format: options.format, layout: options.layout, sampleRate: rate,
      bitRate: options.format.bitRate(sampleRate: rate), chapters: assembled.editionFiles.compactMap { $0[index] })
    guard options.layout.includesBookFile else { return result }
    let name = edition.bookFileName(slug: slug)
    if let bookFile = assembled.editionBooks[index] {
      let temporary = output.path(name)
      let frames = try bookFile.finish(
        to: temporary, format: options.format, tags: AudioTags.book(book, voice: renderer.preset.name),
        chapterTitles: assembled.chapters.map(\.title), note: renderer.warn)
      result.book = Manifest.BookFile(
        file: name, frames: frames, sha256: try FileDigest.sha256(of: temporary), contentHash: edition.bookHash,
        chapterStarts: bookFile.chapterStarts)
    } else if let kept = edition.previous?.book {
      try output.keep(kept.file)
      result.book = kept
    } else {
      throw AudiobookError(.failure, "internal error: no whole-book file to publish", file: name)
    }
    return result
  }
}

extension Renderer {
  /// For `--master audiobook`, the renderer with head and tail pauses inside the spec;
  /// itself when nothing needs to change.
  func mastered() -> Renderer {
    guard publishing?.master == .audiobook else { return self }
    var mastered = self
    mastered.preset.pauses = AudiobookSpec.pauses(preset.pauses)
    return mastered
  }

  func chapterTags(title: String, number: Int, book: Book) -> AudioTags {
    AudioTags.chapter(title, number: number, of: book, voice: preset.name)
  }

}
