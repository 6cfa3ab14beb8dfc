import Foundation

/// Renders a book: one WAV per chapter, a cue sheet and `manifest.json` in
/// `OUTPUT/<book-slug>/`, every file written under a temporary name and renamed into place.
///
/// Synthesis runs on `jobs` worker processes; clips are kept in a content-addressed cache, so
/// a re-render synthesizes only what changed and rewrites only chapter files whose content
/// changed (unchanged files keep their bytes and modification time).
public struct Renderer {
  public var preset: VoicePreset
  /// The `audiobook` executable that serves as synthesis worker.
  public var workerExecutable: String
  /// Worker processes synthesizing at once.
  public var jobs: Int
  /// The clip cache folder; nil for `OUTPUT/.audiobook-cache`.
  public var cacheDirectory: String?
  /// Whether a sentence that fails the content check stops the render (false) or is reported
  /// with the others at the end (true); either way the render fails.
  public var keepGoing = false
  /// Subtitle files to write beside each chapter; `.words` also puts word timings in the manifest.
  public var subtitles: Set<Subtitles.Format> = []
  /// Another format or rate, a level, the audiobook master, a whole-book file; nil for
  /// 16-bit WAV chapter files at the voice's rate, untagged.
  public var publishing: PublishOptions?
  /// Called with each step of the render.
  public var progress: (RenderEvent) -> Void
  /// Called with text the listener may not expect to hear as it is (markup, a sentence too
  /// long to read in one breath), as `file:line: warning: ...`.
  public var warn: (String) -> Void

  public init(
    preset: VoicePreset, workerExecutable: String, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
    cacheDirectory: String? = nil, progress: @escaping (RenderEvent) -> Void = { _ in },
    warn: @escaping (String) -> Void = { _ in }
  ) {
    self.preset = preset
    self.workerExecutable = workerExecutable
    self.jobs = max(1, jobs)
    self.cacheDirectory = cacheDirectory
    self.progress = progress
    self.warn = warn
  }

  /// The cache folder used when none is given: beside the rendered books.
  public static func defaultCacheDirectory(output: String) -> String {
    (output as NSString).appendingPathComponent(".audiobook-cache")
  }

  /// What a render produced.
  public struct Result: Sendable {
    /// `OUTPUT/<book-slug>`.
    public var folder: String
    public var manifest: Manifest
    public var summary: RenderSummary
    /// Per chapter: duration, cache hits and misses, synthesis time.
    public var chapters: [ChapterReport]
  }

  /// Renders `book` into `outputDirectory/<slug>/`.
  ///
  /// The previous render is replaced in one step (`RenderFolder`): a failure at any point
  /// leaves it whole.
  ///
  /// - Throws: `AudiobookError`: `.badInput` for a chapter longer than one WAV file holds or a
  ///   preset voice espeak-ng lacks; `.cannotCreate` when the folder cannot be made or written;
  ///   `.io` for a full disk; `.failure` naming chapter, paragraph and source line when
  ///   espeak-ng crashes on one.
  public func render(_ book: Book, into outputDirectory: String) throws(AudiobookError) -> Result {
    if let mastered = masteredRenderer() { return try mastered.render(book, into: outputDirectory) }
    let engine = try EspeakVoices.usableEngine()
    var plan = try RenderPlan(
      book: book, preset: preset, engine: engine, fileExtension: publishing?.format.fileExtension ?? "wav")
    plan = publishing.map { published(plan, $0, book: book, engine: engine) } ?? tagged(plan, book: book)
    for chapter in plan.chapters {
      for part in chapter.paragraphs { noticeUnusual(part, file: book.sourceFile) }
    }

    let slug = BookSlug.slug(book.title)
    let folder = (outputDirectory as NSString).appendingPathComponent(slug)
    // The new render is built beside the published one and swapped in whole at the end.
    let output = try RenderFolder(published: folder)
    defer { output.discard() }
    let cache = try ClipCache(directory: cacheDirectory ?? Self.defaultCacheDirectory(output: outputDirectory))
    let previous = output.previousManifest()

    // Decide what must be done: chapters whose file is already right are left alone; of the
    // rest, only batches missing from the cache are synthesized.
    var reused: [Int: Manifest.Chapter] = [:]
    var jobs: [SynthesisPool.Job] = []
    var synthesizedParagraphs = 0
    let bookHash = publishing.map { bookContentHash(plan, $0) }
    let bookUnchanged = bookHash.map { bookIsUnchanged($0, previous: previous, output: output) } ?? true
    for (index, chapter) in plan.chapters.enumerated() {
      if bookUnchanged,
        let entry = Self.unchangedEntry(
          for: chapter, previous: previous, previousFile: output.previousFile, inBookFile: publishing?.layout == .book),
        entry.paragraphs.first?.sentences.first.map({ ($0.words != nil) == subtitles.contains(.words) }) ?? true
      {
        reused[index] = entry
        continue
      }
      for part in [chapter.title] + chapter.paragraphs {
        let misses = part.batches.filter { !cache.contains($0.key) }
        jobs += misses.map { SynthesisPool.Job(order: $0.order, pieces: $0.pieces) }
        if !misses.isEmpty && part.paragraph != nil { synthesizedParagraphs += 1 }
      }
    }
    let missing = Set(jobs.map(\.order))
    progress(
      .started(
        chapters: plan.chapters.count, paragraphs: plan.chapters.reduce(0) { $0 + $1.paragraphs.count },
        paragraphsToSynthesize: synthesizedParagraphs, chaptersUnchanged: reused.count))

    let keys = Dictionary(plan.chapters.flatMap(\.batches).map { ($0.order, $0.key) }) { first, _ in first }
    let pool: SynthesisPool?
    do {
      pool =
        jobs.isEmpty
        ? nil
        : try SynthesisPool(
          requests: jobs, settings: preset.engine, workerExecutable: workerExecutable, jobs: self.jobs
        ) { job, encoded in
          // A failed cache write only costs a later re-synthesis.
          if let key = keys[job.order] { try? cache.write(encoded: encoded, for: key) }
        }
    } catch {
      throw startFailure(error)
    }
    defer { pool?.close() }
    let source = ClipSource(cache: cache, pool: pool, missing: missing, renderer: self)

    var chapters: [Manifest.Chapter] = []
    let publisher = publishing.map { ChapterPublisher(options: $0, sourceRate: engine.sampleRate) }
    let outputRate = publisher?.outputRate ?? engine.sampleRate
    let bookAssembly = try bookUnchanged ? nil : startBook(plan, output: output, slug: slug, sampleRate: outputRate)
    // Progress counts frames at the voice's rate, whatever the published rate.
    func voiceFrames(_ entry: Manifest.Chapter) -> Int { entry.frames * engine.sampleRate / outputRate }
    var written = 0
    var reports: [ChapterReport] = []
    for (index, chapter) in plan.chapters.enumerated() {
      if let entry = reused[index] {
        if entry.startFrame == nil { try output.keep(entry.file) }
        chapters.append(entry)
        reports.append(ChapterReport(entry, sampleRate: outputRate, written: false))
        progress(.chapter(number: entry.number, file: entry.file, frames: voiceFrames(entry), written: false))
        continue
      }
      let before = (source.hits, source.misses, source.synthesisSeconds)
      let entry = try assemble(
        chapter, in: output, sampleRate: engine.sampleRate, source: source, book: book,
        publisher: publisher.map { ($0, bookAssembly) })
      chapters.append(entry)
      written += 1
      var report = ChapterReport(entry, sampleRate: outputRate, written: true)
      report.cacheHits = source.hits - before.0
      report.cacheMisses = source.misses - before.1
      report.synthesisSeconds = ChapterReport.rounded(source.synthesisSeconds - before.2)
      reports.append(report)
      progress(.chapter(number: entry.number, file: entry.file, frames: voiceFrames(entry), written: true))
    }

    if !source.contentFailures.isEmpty {
      var failure = AudiobookError(
        .failure, "\(source.contentFailures.count) sentences failed the content check; nothing was published",
        file: book.sourceFile)
      failure.details = source.contentFailures.map { "\($0.file ?? ""):\($0.line ?? 0): error: \($0.message)" }
      throw failure
    }
    var manifest = Manifest(
      title: book.title, author: book.author, language: book.language, publisher: book.publisher, date: book.date,
      sampleRate: outputRate,
      voice: .init(name: preset.name, settings: preset.engine, pauses: preset.pauses),
      engine: .init(name: "espeak-ng", version: engine.version),
      subtitles: subtitles.isEmpty ? nil : Subtitles.Format.allCases.filter(subtitles.contains), chapters: chapters)
    if let publishing, let bookHash {
      try finishPublishing(
        &manifest, publishing, book: book, bookHash: bookHash, assembly: bookAssembly, previous: previous,
        output: output, slug: slug, sourceRate: engine.sampleRate)
    }
    try writeSubtitles(manifest, in: output)
    try publish(manifest, previous: previous, in: output, slug: slug)
    if cache.failedWrites > 0 {
      warn(
        "\(cache.directory): warning: \(cache.failedWrites) clips could not be stored in the clip cache "
          + "(full or not writable); the next render synthesizes them again")
    }
    do {
      try cache.recordUse(plan.chapters.flatMap(\.batches).map(\.key), book: slug)
    } catch {
      // The book is whole without it; only `cache prune` would know less.
      warn("\(error.description): warning: the clip cache could not record this render's clips")
    }
    let frames = chapters.reduce(0) { $0 + $1.frames }
    let summary = RenderSummary(
      chapters: chapters.count, chaptersWritten: written,
      paragraphs: plan.chapters.reduce(0) { $0 + $1.paragraphs.count }, paragraphsSynthesized: synthesizedParagraphs,
      cacheHits: source.hits, cacheMisses: source.misses,
      audioSeconds: Double(frames) / Double(outputRate))
    progress(.finished(summary))
    return Result(folder: folder, manifest: manifest, summary: summary, chapters: reports)
  }

  /// What a shard render did.
  public struct ShardResult: Sendable, Equatable {
    /// Distinct clips assigned to this shard.
    public var assigned: Int
    /// Of those, synthesized now (the rest were in the cache already).
    public var synthesized: Int
    /// Characters of speech text in the shard's clips.
    public var characters: Int
  }

  /// Synthesizes this shard's share of `book` into the cache and assembles nothing.
  ///
  /// After every shard has run and their cache folders are merged, a plain `render` with that
  /// cache assembles the book byte-identical to a one-machine render, synthesizing nothing.
  public func synthesizeShard(_ book: Book, shard: Shard, cacheDirectory: String) throws(AudiobookError) -> ShardResult
  {
    let engine = try EspeakVoices.usableEngine()
    let plan = try RenderPlan(book: book, preset: preset, engine: engine)
    let batches = plan.chapters.flatMap(\.batches)
    let assignment = Shard.assignment(of: batches, count: shard.count)
    var mine: [RenderPlan.Batch] = []
    var seen = Set<ClipKey>()
    for batch in batches where assignment[batch.key] == shard.index && seen.insert(batch.key).inserted {
      mine.append(batch)
    }
    let cache = try ClipCache(directory: cacheDirectory)
    let missing = mine.filter { !cache.contains($0.key) }
    let keys = Dictionary(missing.map { ($0.order, $0.key) }) { first, _ in first }
    if !missing.isEmpty {
      let pool: SynthesisPool
      do {
        pool = try SynthesisPool(
          requests: missing.map { SynthesisPool.Job(order: $0.order, pieces: $0.pieces) }, settings: preset.engine,
          workerExecutable: workerExecutable, jobs: jobs
        ) { job, encoded in
          if let key = keys[job.order] { try? cache.write(encoded: encoded, for: key) }
        }
      } catch {
        throw startFailure(error)
      }
      defer { pool.close() }
      for batch in missing {
        do {
          _ = try pool.clip(order: batch.order)
        } catch {
          throw AudiobookError(
            .failure, "synthesizing '\(batch.pieces.first?.prefix(60) ?? "")': \(error)", file: book.sourceFile)
        }
      }
    }
    if let lost = missing.first(where: { !cache.contains($0.key) }) {
      throw AudiobookError(.cannotCreate, "clip \(lost.key) could not be stored in the cache", file: cacheDirectory)
    }
    return ShardResult(
      assigned: mine.count, synthesized: missing.count,
      characters: mine.reduce(0) { $0 + $1.pieces.reduce(0) { $0 + $1.utf8.count } })
  }

  /// Writes one chapter file from its clips, in reading order, through a temporary name.
  private func assemble(
    _ plan: RenderPlan.ChapterPlan, in output: RenderFolder, sampleRate: Int, source: ClipSource, book: Book,
    publisher: (ChapterPublisher, BookAssembly?)? = nil
  ) throws(AudiobookError) -> Manifest.Chapter {
    let chapter = plan.chapter
    let path = (output.published as NSString).appendingPathComponent(plan.file)
    let temporary = publisher.map { _ in Self.scratchPath(for: output.path(plan.file)) } ?? output.path(plan.file)
    defer { if publisher != nil { Self.removeScratch(temporary) } }
    // A plain render's chapter file is the published one: tagged like every other format.
    let tags = publisher == nil ? chapterTags(title: chapter.title, number: chapter.number, book: book) : AudioTags()
    let assembler = try ChapterAssembler(
      writer: SoundFileWriter(path: temporary, sampleRate: sampleRate, encoding: .wav, tags: tags, reportedPath: path),
      pauses: preset.pauses, timesWords: subtitles.contains(.words))

    func clips(for part: RenderPlan.Part) -> ChapterAssembler.Synthesize {
      var batches = part.batches[...]
      return { pieces throws(AudiobookError) in
        guard let batch = batches.popFirst(), batch.pieces == pieces else {
          throw AudiobookError(
            .failure, "internal error: the plan and the assembler disagree in chapter \(chapter.number)")
        }
        do {
          return try source.clip(for: batch)
        } catch {
          let place =
            part.paragraph.map { "chapter \(chapter.number), paragraph \($0.number)" }
            ?? "chapter \(chapter.number) title"
          throw AudiobookError(
            .failure, "\(place) ('\(pieces.first?.prefix(60) ?? "")'): \(error)", file: book.sourceFile,
            line: part.paragraph?.sourceLine ?? chapter.sourceLine)
        }
      }
    }

    let heading = try assembler.appendTitle(plan.title.script, synthesize: clips(for: plan.title))
    try guardContent([heading], of: plan.title, chapter: chapter, sampleRate: sampleRate, book: book, source: source)
    progress(
      .paragraph(chapter: chapter.number, paragraph: 0, cached: source.allCached(plan.title), frames: heading.frames))
    var paragraphs: [Manifest.Paragraph] = []
    for part in plan.paragraphs {
      guard let paragraph = part.paragraph else { continue }
      let sentences = try assembler.appendParagraph(part.script, synthesize: clips(for: part))
      guard assembler.frames <= ChapterAssembler.maximumFrames else {
        let hours = ChapterAssembler.maximumFrames / sampleRate / 3600
        throw AudiobookError(
          .badInput,
          "chapter \(chapter.number) runs past \(hours) hours, more than one WAV file holds (4 GiB); "
            + "give the manuscript chapter headings there", file: book.sourceFile, line: paragraph.sourceLine)
      }
      try guardContent(sentences, of: part, chapter: chapter, sampleRate: sampleRate, book: book, source: source)
      let start = sentences.first?.startFrame ?? 0
      let end = sentences.last.map { $0.startFrame + $0.frames } ?? start
      paragraphs.append(
        Manifest.Paragraph(
          id: paragraph.id, number: paragraph.number, sourceLine: paragraph.sourceLine, startFrame: start,
          frames: end - start, sentences: sentences))
      progress(
        .paragraph(
          chapter: chapter.number, paragraph: paragraph.number, cached: source.allCached(part), frames: end - start))
    }
    let frames = try assembler.finish()
    let entry = Manifest.Chapter(
      number: chapter.number, title: chapter.title, file: plan.file, frames: frames,
      sha256: publisher == nil ? try FileDigest.sha256(of: temporary) : "", sourceLine: chapter.sourceLine,
      contentHash: plan.contentHash, heading: heading, paragraphs: paragraphs, part: chapter.part)
    guard let (publisher, bookAssembly) = publisher else { return entry }
    return try publish(
      entry, canonical: temporary, publisher: publisher, book: bookAssembly, of: book, output: output)
  }

  /// Fails the render (or, with `keepGoing`, records the failure) when a sentence's audio is
  /// empty, cut short or far too long for its text; the clips involved leave the cache.
  private func guardContent(
    _ spans: [Manifest.Span], of part: RenderPlan.Part, chapter: Chapter, sampleRate: Int, book: Book,
    source: ClipSource
  ) throws(AudiobookError) {
    for (span, sentence) in zip(spans, part.script.sentences) {
      // Overlong sentences are spoken in pieces with half a sentence pause between them.
      let pauses = (sentence.pieces.count - 1) * (preset.pauses.sentence / 2) * sampleRate / 1000
      guard
        let problem = ContentGuard.problem(
          text: sentence.text, frames: span.frames - pauses, sampleRate: sampleRate,
          wordsPerMinute: preset.engine.rate)
      else { continue }
      part.batches.forEach { source.cache.remove($0.key) }
      let place =
        part.paragraph.map { "chapter \(chapter.number), paragraph \($0.number)" } ?? "chapter \(chapter.number) title"
      let failure = AudiobookError(
        .failure, "\(place): \(problem): '\(sentence.text.prefix(80))'", file: book.sourceFile,
        line: part.paragraph?.sourceLine ?? chapter.sourceLine)
      guard keepGoing else { throw failure }
      source.contentFailures.append(failure)
    }
  }

  /// The previous manifest's entry for this chapter, brought up to date, when its file is
  /// already exactly what this render would write.
  ///
  /// - Parameter previousFile: the path of the previous render's file of a name, when it is a
  ///   plain file in the book folder (`RenderFolder.previousFile`).
  static func unchangedEntry(
    for plan: RenderPlan.ChapterPlan, previous: Manifest?, previousFile: (String) -> String?, inBookFile: Bool = false
  ) -> Manifest.Chapter? {
    // In a whole-book file (checked as a whole beforehand) a chapter is known by its content.
    let found =
      inBookFile
      ? previous?.chapters.first(where: { $0.startFrame != nil && $0.contentHash == plan.contentHash })
      : previous?.chapters.first(where: { $0.file == plan.file })
    guard var entry = found,
      entry.contentHash == plan.contentHash, entry.paragraphs.count == plan.paragraphs.count,
      inBookFile || previousFile(plan.file).flatMap({ try? SoundFileReader(path: $0) })?.frames == entry.frames
    else { return nil }
    // Same audio; the text around it (numbers, source lines, spelling) may have moved.
    entry.number = plan.chapter.number
    entry.title = plan.chapter.title
    entry.sourceLine = plan.chapter.sourceLine
    for (index, part) in plan.paragraphs.enumerated() {
      guard let paragraph = part.paragraph, entry.paragraphs[index].sentences.count == part.script.sentences.count
      else { return nil }
      entry.paragraphs[index].id = paragraph.id
      entry.paragraphs[index].number = paragraph.number
      entry.paragraphs[index].sourceLine = paragraph.sourceLine
      for (sentence, script) in zip(entry.paragraphs[index].sentences.indices, part.script.sentences) {
        entry.paragraphs[index].sentences[sentence].text = script.text
      }
    }
    return entry
  }

  /// Writes the cue sheets and the manifest, then publishes the render: files of the previous
  /// render that this one no longer has (a renamed or removed chapter) go with it.
  private func publish(_ manifest: Manifest, previous: Manifest?, in output: RenderFolder, slug: String)
    throws(AudiobookError)
  {
    let sheets = CueSheet.sheets(for: manifest, slug: slug)
    for sheet in sheets { try output.write(Array(sheet.text.utf8), to: sheet.name) }
    let bytes: [UInt8]
    do {
      bytes = try manifest.encoded()
    } catch {
      throw AudiobookError(.failure, "cannot encode the manifest: \(error)", file: output.published)
    }
    try output.write(bytes, to: "manifest.json")
    let earlier = previous.map { $0.publishedFiles + CueSheet.sheets(for: $0, slug: slug).map(\.name) } ?? []
    try output.commit(previousRender: Set(earlier.filter(AudioFormat.isRenderedFileName) + ["manifest.json"]))
  }

  /// Writes the subtitle files the manifest promises.
  private func writeSubtitles(_ manifest: Manifest, in output: RenderFolder) throws(AudiobookError) {
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

  private func noticeUnusual(_ part: RenderPlan.Part, file: String) {
    guard let paragraph = part.paragraph else { return }
    let location = "\(file):\(paragraph.sourceLine): warning:"
    if let notice = MarkupNotice.check(paragraph.text) { warn("\(location) \(notice)") }
    // A run read in pieces (a long web address) was named above; its pieces need no second warning.
    if RunBreaker.notice(paragraph.text) == nil, let long = part.script.sentences.first(where: { $0.pieces.count > 1 })
    {
      warn(
        "\(location) a sentence of \(long.text.count) characters is read in \(long.pieces.count) pieces "
          + "of at most \(SpeechText.pieceLimit); add punctuation to choose the breaks")
    }
  }

  func startFailure(_ error: SpeechError) -> AudiobookError { preset.failure(error) }

  /// `H:MM:SS`.
  public static func formatDuration(seconds: Double) -> String {
    let total = Int(seconds.rounded())
    return "\(total / 3600):" + String(format: "%02d:%02d", total / 60 % 60, total % 60)
  }
}

/// Where the assembler's clips come from: the cache for hits, the pool for misses, and a
/// synthesizer of its own for cache entries that fail their check.
final class ClipSource {
  let cache: ClipCache
  let pool: SynthesisPool?
  let missing: Set<Int>
  let renderer: Renderer
  /// For clips planned as cache hits whose entry turns out damaged or gone.
  private let fallback: CachedSynthesis
  private(set) var hits = 0
  private(set) var misses = 0
  /// Seconds workers spent synthesizing this render's clips.
  private(set) var synthesisSeconds = 0.0
  /// Sentences that failed the content check, when the render keeps going.
  var contentFailures: [AudiobookError] = []

  init(cache: ClipCache, pool: SynthesisPool?, missing: Set<Int>, renderer: Renderer) {
    self.cache = cache
    self.pool = pool
    self.missing = missing
    self.renderer = renderer
    fallback = CachedSynthesis(preset: renderer.preset, workerExecutable: renderer.workerExecutable, cache: cache)
  }

  deinit { fallback.close() }

  func allCached(_ part: RenderPlan.Part) -> Bool { part.batches.allSatisfy { !missing.contains($0.order) } }

  func clip(for batch: RenderPlan.Batch) throws(SpeechError) -> Clip {
    if missing.contains(batch.order), let pool {
      misses += 1
      let (clip, seconds) = try pool.clip(order: batch.order)
      synthesisSeconds += seconds
      return clip
    }
    let (clip, seconds) = try fallback.clip(for: batch.pieces, key: batch.key) { reason in
      renderer.progress(.damagedCacheEntry(key: batch.key.hex, reason: reason))
    }
    if let seconds {
      misses += 1
      synthesisSeconds += seconds
    } else {
      hits += 1
    }
    return clip
  }
}
