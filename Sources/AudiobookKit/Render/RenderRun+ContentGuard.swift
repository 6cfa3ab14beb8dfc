import AudiobookAudio
import AudiobookBook
import AudiobookCore

extension RenderRun {
  /// Fails the render (or, with `keepGoing`, records the failure) when a sentence's audio is
  /// empty, cut short or far too long for its text; the clips involved leave the cache.
  func guardContent(
    _ spans: [TimedSpan], of part: RenderPlan.Part, chapter: Chapter, source: ClipSource,
    failures: inout [AudiobookError]
  ) throws(AudiobookError) {
    let preset = renderer.preset
    let sampleRate = engine.sampleRate
    for (span, sentence) in zip(spans, part.script.sentences) {
      // Overlong sentences are spoken in pieces with half a sentence pause between them, and
      // the voices of a cast with a shorter one.
      let pauses =
        ChapterAssembler.silences(within: sentence, pauses: preset.pauses).reduce(0, +) * sampleRate / 1000
      // A cast's sentence is timed at the rate of the voice that says the most of it.
      let voice = sentence.parts.max { $0.text.count < $1.text.count }?.voice
      guard
        let problem = ContentGuard.problem(
          text: sentence.text, frames: span.frames - pauses, sampleRate: sampleRate,
          wordsPerMinute: renderer.cast?.settings(voice).rate ?? preset.engine.rate)
      else { continue }
      part.batches.forEach { source.cache.remove($0.key) }
      let failure = AudiobookError(
        .failure, "\(Self.place(of: part, in: chapter)): \(problem): '\(sentence.text.prefix(80))'",
        file: book.sourceFile, line: part.paragraph?.sourceLine ?? chapter.sourceLine)
      guard renderer.keepGoing else { throw failure }
      failures.append(failure)
    }
  }

  /// Step 5: with `keepGoing`, fails the render now if any sentence failed the content check,
  /// naming them all; nothing is published.
  func passContentGuard(_ assembled: AssembledBook) throws(AudiobookError) {
    let failures = assembled.contentFailures
    guard !failures.isEmpty else { return }
    var failure = AudiobookError(
      .failure, "\(failures.count) sentences failed the content check; nothing was published",
      file: book.sourceFile)
    failure.details = failures.map { "\($0.file ?? ""):\($0.line ?? 0): error: \($0.message)" }
    throw failure
  }
}
