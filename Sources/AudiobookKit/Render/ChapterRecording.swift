import AudiobookAudio
import AudiobookCore
import AudiobookSpeech

extension ChapterAssembler {
  /// Speaks a chapter's parts into its file in reading order, the title first when there is
  /// one: the assembly `render` and `say` share.
  ///
  /// - Parameters:
  ///   - clip: the clip of one of a part's batches (`RenderPlan.Part.batches`).
  ///   - placed: hears of each part as it lands, with where its sentences are (the title's
  ///     one span, a paragraph's sentences).
  /// - Returns: the chapter's frames, the tail included.
  func record(
    title: RenderPlan.Part?, paragraphs: [RenderPlan.Part],
    clip: (RenderPlan.Part, RenderPlan.Batch) throws(AudiobookError) -> Clip,
    placed: (RenderPlan.Part, [TimedSpan]) throws(AudiobookError) -> Void = { _, _ in }
  ) throws(AudiobookError) -> Int {
    func batch(_ index: Int, of part: RenderPlan.Part) throws(AudiobookError) -> Clip {
      guard part.batches.indices.contains(index) else {
        throw AudiobookError(.failure, "internal error: a clip holds fewer pieces than its batch")
      }
      return try clip(part, part.batches[index])
    }
    if let title {
      try placed(title, [try appendTitle(title.script) { index throws(AudiobookError) in try batch(index, of: title) }])
    }
    for part in paragraphs {
      try placed(part, try appendParagraph(part.script) { index throws(AudiobookError) in try batch(index, of: part) })
    }
    return try finish()
  }
}
