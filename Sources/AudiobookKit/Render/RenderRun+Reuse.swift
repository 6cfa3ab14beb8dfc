import AudiobookAudio
import AudiobookCore
import AudiobookPublish
import AudiobookSpeech
import Foundation

/// What a render must do, decided before any audio is made (`RenderRun.reuse`).
struct RenderWork {
  /// Chapters whose file is already right, by index in the plan: their previous manifest
  /// entries, brought up to date.
  var reused: [Int: Manifest.Chapter] = [:]
  /// For each reused chapter, its file in each edition (nil for an edition without chapter files).
  var reusedEditionFiles: [Int: [Manifest.EditionFile?]] = [:]
  /// The batches missing from the cache, in reading order.
  var jobs: [SynthesisPool.Job] = []
  /// Paragraphs with at least one batch to synthesize.
  var synthesizedParagraphs = 0

  /// The `order` of each batch to synthesize.
  var missing: Set<Int> { Set(jobs.map(\.order)) }
}

extension RenderRun {
  /// Step 2: chapters whose file is already right are left alone; of the rest, only batches
  /// missing from the cache are synthesized. Warns of what the listener may not hear as
  /// written (in unchanged chapters, only how many warnings there are: they were given when
  /// the chapter was written). Announces the render (`.started`).
  func reuse() -> RenderWork {
    var work = RenderWork()
    var repeated = 0
    let warnings = ParallelLanes.map(plan.chapters.count, lanes: ProcessInfo.processInfo.activeProcessorCount) {
      self.warnings(for: plan.chapters[$0])
    }
    let timesWords = renderer.timesWords
    for (index, chapter) in plan.chapters.enumerated() {
      if bookUnchanged,
        let entry = Self.unchangedEntry(
          for: chapter, previous: previous, previousFile: output.previousFile,
          inBookFile: renderer.publishing?.layout == .book),
        entry.paragraphs.first?.sentences.first.map({ ($0.words != nil) == timesWords }) ?? true,
        case let editionFiles = editions.compactMap({
          $0.unchangedFile(
            index, number: chapter.chapter.number, chapterFile: chapter.file, previousFile: output.previousFile)
        }), editionFiles.count == editions.count
      {
        work.reused[index] = entry
        work.reusedEditionFiles[index] = editionFiles
        repeated += warnings[index].count
        continue
      }
      warnings[index].forEach(renderer.warn)
      for part in [chapter.title] + chapter.paragraphs {
        let misses = part.batches.filter { !cache.contains($0.key) }
        work.jobs += misses.map { SynthesisPool.Job(order: $0.order, pieces: $0.pieces, voice: $0.voice) }
        if !misses.isEmpty && part.paragraph != nil { work.synthesizedParagraphs += 1 }
      }
    }
    if repeated > 0 {
      renderer.warn(
        "\(book.sourceFile): note: \(repeated) warning\(repeated == 1 ? "" : "s") in unchanged chapters, as last time")
    }
    let written = plan.chapters.indices.filter { work.reused[$0] == nil }.map { plan.chapters[$0] }
    let missing = work.missing
    renderer.progress(
      .started(
        chapters: plan.chapters.count, paragraphs: plan.chapters.reduce(0) { $0 + $1.paragraphs.count },
        paragraphsToSynthesize: work.synthesizedParagraphs, chaptersUnchanged: work.reused.count,
        characters: written.flatMap(\.batches).reduce(0) { $0 + $1.characters },
        charactersToSynthesize: written.flatMap(\.batches).filter { missing.contains($0.order) }.reduce(0) {
          $0 + $1.characters
        }))
    return work
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
        if let parts = entry.paragraphs[index].sentences[sentence].parts, parts.count == script.parts.count {
          for (part, written) in zip(parts.indices, script.parts) {
            entry.paragraphs[index].sentences[sentence].parts?[part].text = written.text
          }
        }
      }
    }
    return entry
  }
}
