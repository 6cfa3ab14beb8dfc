/// Writes one chapter file as clips arrive: room tone, the spoken title, paragraphs with the
/// preset's pauses between them, and a tail padded to a whole cue frame.
///
/// Nothing is kept but the file being written and the timings, so memory does not grow with
/// the chapter.
final class ChapterAssembler {
  /// 1/75 s at 22,050 Hz: a cue sheet's frame. Chapter lengths are whole multiples of it.
  static func cueFrameLength(sampleRate: Int) -> Int { sampleRate / 75 }

  private let writer: SoundFileWriter
  private let pauses: Pauses
  private var paragraphsWritten = 0

  init(writer: SoundFileWriter, pauses: Pauses) throws(AudiobookError) {
    self.writer = writer
    self.pauses = pauses
    try writer.writeSilence(frames: frames(milliseconds: pauses.head))
  }

  /// Speaks the chapter title, then leaves the after-title pause.
  func appendTitle(_ script: SpeechScript, clip: Clip) throws(AudiobookError) -> Manifest.Span {
    let spans = try append(script, clip: clip)
    try writer.writeSilence(frames: frames(milliseconds: pauses.afterTitle))
    return spans.first ?? Manifest.Span(text: "", startFrame: writer.frames, frames: 0)
  }

  /// Appends a paragraph (after a paragraph pause unless it is the first) and returns where
  /// each of its sentences landed.
  func appendParagraph(_ script: SpeechScript, clip: Clip) throws(AudiobookError) -> [Manifest.Span] {
    if paragraphsWritten > 0 { try writer.writeSilence(frames: frames(milliseconds: pauses.paragraph)) }
    paragraphsWritten += 1
    return try append(script, clip: clip)
  }

  /// Writes the tail room tone, at least `pauses.tail`, so the file ends on a cue frame.
  func finish() throws(AudiobookError) -> Int {
    let cueFrame = Self.cueFrameLength(sampleRate: writer.sampleRate)
    let minimumEnd = writer.frames + frames(milliseconds: pauses.tail)
    let end = (minimumEnd + cueFrame - 1) / cueFrame * cueFrame
    try writer.writeSilence(frames: end - writer.frames)
    try writer.close()
    return end
  }

  /// Sentences separated by the sentence pause; the pieces of one overlong sentence by half of it.
  private func append(_ script: SpeechScript, clip: Clip) throws(AudiobookError) -> [Manifest.Span] {
    var pieces = clip.pieces[...]
    var spans: [Manifest.Span] = []
    for (index, sentence) in script.sentences.enumerated() {
      if index > 0 { try writer.writeSilence(frames: frames(milliseconds: pauses.sentence)) }
      let start = writer.frames
      for pieceIndex in sentence.pieces.indices {
        if pieceIndex > 0 { try writer.writeSilence(frames: frames(milliseconds: pauses.sentence / 2)) }
        guard let piece = pieces.popFirst() else { break }
        try writer.write(piece.samples)
      }
      spans.append(Manifest.Span(text: sentence.text, startFrame: start, frames: writer.frames - start))
    }
    return spans
  }

  private func frames(milliseconds: Int) -> Int { milliseconds * writer.sampleRate / 1000 }
}
