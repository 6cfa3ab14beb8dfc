import AudiobookAudio
import AudiobookBook
import AudiobookCore
import AudiobookPublish
import Foundation

/// The chapters of a render, as assembled (`RenderRun.assemble`).
struct AssembledBook {
  /// Manifest entries, in chapter order.
  var chapters: [Manifest.Chapter] = []
  var reports: [ChapterReport] = []
  /// Chapter files written (the rest were kept).
  var written = 0
  /// The whole-book file being gathered, when the layout has one and it changed.
  var bookFile: BookAssembly?
  /// Each edition's whole-book file being gathered, in the order of `RenderRun.editions`.
  var editionBooks: [BookAssembly?] = []
  /// Per chapter, its file in each edition (nil for an edition without chapter files).
  var editionFiles: [[Manifest.EditionFile?]] = []
  /// What the chapters' clips cost, all together.
  var clips = ClipTally()
  /// Sentences that failed the content check, when the render keeps going, in reading order.
  var contentFailures: [AudiobookError] = []
}

/// One chapter as assembled (or kept) on its lane.
private struct AssembledChapter {
  var entry: Manifest.Chapter
  var editionFiles: [Manifest.EditionFile?]
  var report: ChapterReport
  var clips = ClipTally()
  var contentFailures: [AudiobookError] = []
}

extension RenderRun {
  /// Step 4: writes each chapter that changed from its clips (published as it is written,
  /// when publishing) and keeps the others. Chapters are assembled several at once, one per
  /// lane (as many as there are workers, at most one per core), each in order within itself;
  /// what they report goes out in reading order (`ChapterSequence`).
  func assemble(_ work: RenderWork, from source: ClipSource) throws(AudiobookError) -> AssembledBook {
    let bookFile = try bookUnchanged ? nil : startBookFile()
    var editionBooks: [BookAssembly?] = []
    for edition in editions { editionBooks.append(try bookUnchanged ? nil : startBookFile(for: edition)) }
    let books = editionBooks
    let sequence = ChapterSequence(progress: renderer.progress, warn: renderer.warn)
    var outcomes = [Result<AssembledChapter, AudiobookError>?](repeating: nil, count: plan.chapters.count)
    let lock = NSLock()
    let lanes = min(renderer.jobs, ProcessInfo.processInfo.activeProcessorCount)
    ParallelLanes.run(plan.chapters.count, lanes: lanes) { index in
      let outcome: Result<AssembledChapter, AudiobookError>
      do throws(AudiobookError) {
        guard !sequence.isStopped(index) else { throw ChapterSequence.stopped }
        outcome = .success(
          try assembleOrKeep(
            index, reused: work.reused[index], keptEditionFiles: work.reusedEditionFiles[index] ?? [], from: source,
            books: (bookFile, books), sequence: sequence))
      } catch {
        sequence.fail(index)
        outcome = .failure(error)
      }
      sequence.finish(index)
      lock.withLock { outcomes[index] = outcome }
    }
    var assembled = AssembledBook(bookFile: bookFile, editionBooks: editionBooks)
    for outcome in outcomes {
      guard let chapter = try outcome?.get() else {
        throw AudiobookError(.failure, "internal error: a chapter was not assembled", file: book.sourceFile)
      }
      assembled.chapters.append(chapter.entry)
      assembled.editionFiles.append(chapter.editionFiles)
      assembled.reports.append(chapter.report)
      if chapter.report.written { assembled.written += 1 }
      assembled.clips.hits += chapter.clips.hits
      assembled.clips.misses += chapter.clips.misses
      assembled.clips.synthesisSeconds += chapter.clips.synthesisSeconds
      assembled.contentFailures += chapter.contentFailures
    }
    return assembled
  }

  /// The chapter at `index`: its previous file kept when `reused` has its entry, else written.
  private func assembleOrKeep(
    _ index: Int, reused: Manifest.Chapter?, keptEditionFiles: [Manifest.EditionFile?], from source: ClipSource,
    books: (BookAssembly?, [BookAssembly?]), sequence: ChapterSequence
  ) throws(AudiobookError) -> AssembledChapter {
    // Progress counts frames at the voice's rate, whatever the published rate.
    func voiceFrames(_ entry: Manifest.Chapter) -> Int { entry.frames * engine.sampleRate / outputRate }
    if let entry = reused {
      if entry.startFrame == nil { try output.keep(entry.file) }
      for case let file? in keptEditionFiles { try output.keep(file.file) }
      sequence.progress(
        .chapter(number: entry.number, file: entry.file, frames: voiceFrames(entry), written: false), chapter: index)
      return AssembledChapter(
        entry: entry, editionFiles: keptEditionFiles,
        report: ChapterReport(entry, sampleRate: outputRate, written: false))
    }
    let lane = ChapterLane(index: index, sequence: sequence)
    let (entry, editionFiles) = try assembleChapter(plan.chapters[index], from: source, books: books, lane: lane)
    var report = ChapterReport(entry, sampleRate: outputRate, written: true)
    report.cacheHits = lane.clips.hits
    report.cacheMisses = lane.clips.misses
    report.synthesisSeconds = ChapterReport.rounded(lane.clips.synthesisSeconds)
    sequence.progress(
      .chapter(number: entry.number, file: entry.file, frames: voiceFrames(entry), written: true), chapter: index)
    return AssembledChapter(
      entry: entry, editionFiles: editionFiles, report: report, clips: lane.clips,
      contentFailures: lane.contentFailures)
  }

  /// Writes one chapter file from its clips and returns its manifest entry. A plain render
  /// writes the published file itself; publishing assembles into a scratch file and
  /// publishes from it.
  private func assembleChapter(
    _ plan: RenderPlan.ChapterPlan, from source: ClipSource, books: (BookAssembly?, [BookAssembly?]),
    lane: ChapterLane
  ) throws(AudiobookError) -> (Manifest.Chapter, [Manifest.EditionFile?]) {
    let chapter = plan.chapter
    let path = (output.published as NSString).appendingPathComponent(plan.file)
    let temporary =
      publisher.map { _ in AtomicOutput.startScratch(beside: output.path(plan.file) + ".assembled") }
      ?? output.path(plan.file)
    defer { if publisher != nil { AtomicOutput.endScratch(temporary) } }
    // A plain render's chapter file is the published one: tagged like every other format.
    let tags =
      publisher == nil ? renderer.chapterTags(title: chapter.title, number: chapter.number, book: book) : AudioTags()
    let assembler = try ChapterAssembler(
      writer: SoundFileWriter(
        path: temporary, sampleRate: engine.sampleRate, encoding: .wav, tags: tags, reportedPath: path),
      pauses: renderer.preset.pauses, timesWords: renderer.timesWords)
    var heading = TimedSpan(text: "", startFrame: 0, frames: 0)
    var paragraphs: [Manifest.Paragraph] = []
    let frames = try assembler.record(
      title: plan.title, paragraphs: plan.paragraphs,
      clip: { part, batch throws(AudiobookError) in try clip(batch, of: part, in: chapter, from: source, lane: lane) },
      placed: { part, spans throws(AudiobookError) in
        if let paragraph = part.paragraph {
          try checkLength(assembler.frames, chapter: chapter, line: paragraph.sourceLine)
        }
        try guardContent(spans, of: part, chapter: chapter, source: source, failures: &lane.contentFailures)
        guard let paragraph = part.paragraph else {
          heading = spans[0]
          lane.progress(
            .paragraph(
              chapter: chapter.number, paragraph: 0, cached: source.allCached(part), frames: heading.frames,
              characters: part.characters))
          return
        }
        let start = spans.first?.startFrame ?? 0
        let end = spans.last.map { $0.startFrame + $0.frames } ?? start
        paragraphs.append(
          Manifest.Paragraph(
            id: paragraph.id, number: paragraph.number, sourceLine: paragraph.sourceLine, startFrame: start,
            frames: end - start, sentences: spans))
        lane.progress(
          .paragraph(
            chapter: chapter.number, paragraph: paragraph.number, cached: source.allCached(part), frames: end - start,
            characters: part.characters))
      })
    let entry = Manifest.Chapter(
      number: chapter.number, title: chapter.title, file: plan.file, frames: frames,
      sha256: publisher == nil ? try FileDigest.sha256(of: temporary) : "", sourceLine: chapter.sourceLine,
      contentHash: plan.contentHash, heading: heading, paragraphs: paragraphs, part: chapter.part)
    let (bookFile, editionBooks) = books
    // Every format from the same assembled chapter; into the whole-book files in chapter order.
    func publishAll() throws(AudiobookError) -> (Manifest.Chapter, [Manifest.EditionFile?]) {
      let first =
        try publisher.map { publisher throws(AudiobookError) in
          try publish(entry, from: temporary, publisher: publisher, bookFile: bookFile, warn: lane.warn)
        } ?? entry
      var files: [Manifest.EditionFile?] = []
      for (edition, book) in zip(editions, editionBooks) {
        files.append(try publish(entry, in: edition, from: temporary, bookFile: book, warn: lane.warn))
      }
      return (first, files)
    }
    guard bookFile != nil || editionBooks.contains(where: { $0 != nil }) else { return try publishAll() }
    return try lane.sequence.inTurn(lane.index) { () throws(AudiobookError) in try publishAll() }
  }

  /// The clip of one of a part's batches; errors name the chapter, paragraph and line.
  private func clip(
    _ batch: RenderPlan.Batch, of part: RenderPlan.Part, in chapter: Chapter, from source: ClipSource,
    lane: ChapterLane
  ) throws(AudiobookError) -> Clip {
    guard !lane.sequence.isStopped(lane.index) else { throw ChapterSequence.stopped }
    do {
      return try source.clip(for: batch, tally: &lane.clips) { reason in
        lane.progress(.damagedCacheEntry(key: batch.key.hex, reason: reason))
      }
    } catch {
      throw AudiobookError(
        .failure, "\(Self.place(of: part, in: chapter)) ('\(batch.pieces.first?.prefix(60) ?? "")'): \(error)",
        file: book.sourceFile, line: part.paragraph?.sourceLine ?? chapter.sourceLine)
    }
  }

  /// Fails a chapter that has grown past what one WAV file holds.
  private func checkLength(_ frames: Int, chapter: Chapter, line: Int) throws(AudiobookError) {
    guard frames > ChapterAssembler.maximumFrames else { return }
    let hours = ChapterAssembler.maximumFrames / engine.sampleRate / 3600
    throw AudiobookError(
      .badInput,
      "chapter \(chapter.number) runs past \(hours) hours, more than one WAV file holds (4 GiB); "
        + "give the manuscript chapter headings there", file: book.sourceFile, line: line)
  }
}

/// One chapter's assembly on its lane: what its clips cost, its content failures, and its
/// place in the `ChapterSequence` that orders what it says.
private final class ChapterLane {
  let index: Int
  let sequence: ChapterSequence
  var clips = ClipTally()
  var contentFailures: [AudiobookError] = []

  init(index: Int, sequence: ChapterSequence) {
    self.index = index
    self.sequence = sequence
  }

  func progress(_ event: RenderEvent) { sequence.progress(event, chapter: index) }

  func warn(_ warning: String) { sequence.warn(warning, chapter: index) }
}
