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
}

extension RenderRun {
  /// Step 4: writes each chapter that changed from its clips, in reading order (published as
  /// it is written, when publishing); keeps the others.
  func assemble(_ work: RenderWork, from source: ClipSource) throws(AudiobookError) -> AssembledBook {
    var assembled = AssembledBook()
    assembled.bookFile = try bookUnchanged ? nil : startBookFile()
    // Progress counts frames at the voice's rate, whatever the published rate.
    func voiceFrames(_ entry: Manifest.Chapter) -> Int { entry.frames * engine.sampleRate / outputRate }
    for (index, chapter) in plan.chapters.enumerated() {
      if let entry = work.reused[index] {
        if entry.startFrame == nil { try output.keep(entry.file) }
        assembled.chapters.append(entry)
        assembled.reports.append(ChapterReport(entry, sampleRate: outputRate, written: false))
        renderer.progress(.chapter(number: entry.number, file: entry.file, frames: voiceFrames(entry), written: false))
        continue
      }
      let before = (source.hits, source.misses, source.synthesisSeconds)
      let entry = try assembleChapter(chapter, from: source, bookFile: assembled.bookFile)
      assembled.chapters.append(entry)
      assembled.written += 1
      var report = ChapterReport(entry, sampleRate: outputRate, written: true)
      report.cacheHits = source.hits - before.0
      report.cacheMisses = source.misses - before.1
      report.synthesisSeconds = ChapterReport.rounded(source.synthesisSeconds - before.2)
      assembled.reports.append(report)
      renderer.progress(.chapter(number: entry.number, file: entry.file, frames: voiceFrames(entry), written: true))
    }
    return assembled
  }

  /// Writes one chapter file from its clips and returns its manifest entry. A plain render
  /// writes the published file itself; publishing assembles into a scratch file and
  /// publishes from it.
  private func assembleChapter(_ plan: RenderPlan.ChapterPlan, from source: ClipSource, bookFile: BookAssembly?)
    throws(AudiobookError) -> Manifest.Chapter
  {
    let chapter = plan.chapter
    let sampleRate = engine.sampleRate
    let path = (output.published as NSString).appendingPathComponent(plan.file)
    let temporary =
      publisher.map { _ in AtomicOutput.startScratch(beside: output.path(plan.file) + ".assembled") }
      ?? output.path(plan.file)
    defer { if publisher != nil { AtomicOutput.endScratch(temporary) } }
    // A plain render's chapter file is the published one: tagged like every other format.
    let tags =
      publisher == nil ? renderer.chapterTags(title: chapter.title, number: chapter.number, book: book) : AudioTags()
    let assembler = try ChapterAssembler(
      writer: SoundFileWriter(path: temporary, sampleRate: sampleRate, encoding: .wav, tags: tags, reportedPath: path),
      pauses: renderer.preset.pauses, timesWords: renderer.subtitles.contains(.words))

    var heading = TimedSpan(text: "", startFrame: 0, frames: 0)
    var paragraphs: [Manifest.Paragraph] = []
    let frames = try assembler.record(
      title: plan.title, paragraphs: plan.paragraphs,
      clip: { part, batch throws(AudiobookError) in
        do {
          return try source.clip(for: batch)
        } catch {
          throw AudiobookError(
            .failure, "\(Self.place(of: part, in: chapter)) ('\(batch.pieces.first?.prefix(60) ?? "")'): \(error)",
            file: book.sourceFile, line: part.paragraph?.sourceLine ?? chapter.sourceLine)
        }
      },
      placed: { part, spans throws(AudiobookError) in
        guard let paragraph = part.paragraph else {
          heading = spans[0]
          try guardContent(spans, of: part, chapter: chapter, source: source)
          renderer.progress(
            .paragraph(chapter: chapter.number, paragraph: 0, cached: source.allCached(part), frames: heading.frames))
          return
        }
        guard assembler.frames <= ChapterAssembler.maximumFrames else {
          let hours = ChapterAssembler.maximumFrames / sampleRate / 3600
          throw AudiobookError(
            .badInput,
            "chapter \(chapter.number) runs past \(hours) hours, more than one WAV file holds (4 GiB); "
              + "give the manuscript chapter headings there", file: book.sourceFile, line: paragraph.sourceLine)
        }
        try guardContent(spans, of: part, chapter: chapter, source: source)
        let start = spans.first?.startFrame ?? 0
        let end = spans.last.map { $0.startFrame + $0.frames } ?? start
        paragraphs.append(
          Manifest.Paragraph(
            id: paragraph.id, number: paragraph.number, sourceLine: paragraph.sourceLine, startFrame: start,
            frames: end - start, sentences: spans))
        renderer.progress(
          .paragraph(
            chapter: chapter.number, paragraph: paragraph.number, cached: source.allCached(part), frames: end - start))
      })
    let entry = Manifest.Chapter(
      number: chapter.number, title: chapter.title, file: plan.file, frames: frames,
      sha256: publisher == nil ? try FileDigest.sha256(of: temporary) : "", sourceLine: chapter.sourceLine,
      contentHash: plan.contentHash, heading: heading, paragraphs: paragraphs, part: chapter.part)
    guard let publisher else { return entry }
    return try publish(entry, from: temporary, publisher: publisher, bookFile: bookFile)
  }
}
