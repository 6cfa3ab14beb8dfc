import Foundation

/// Speaks a piece of text (one or more paragraphs) into a WAV file, with the same sentence
/// splitting, speech text and pauses as `render`, for `say`.
public struct Speaker {
  public var preset: VoicePreset
  public var workerExecutable: String

  public init(preset: VoicePreset, workerExecutable: String) {
    self.preset = preset
    self.workerExecutable = workerExecutable
  }

  /// Writes `text` as a WAV file at `path` (through a temporary name); returns its frames.
  ///
  /// - Throws: `.badInput` when there is nothing to say; `.cannotCreate` when `path` cannot be written.
  @discardableResult
  public func speak(_ text: String, to path: String, source: String = "<text>") throws(AudiobookError) -> Int {
    let blocks = TextBlock.blocks(
      of: text.replacingOccurrences(of: "\r\n", with: "\n").split(
        separator: "\n", omittingEmptySubsequences: false
      ).map(String.init))
    guard !blocks.isEmpty else { throw AudiobookError(.badInput, "there is no text to say", file: source) }
    let splitter = SentenceSplitter()
    let synthesizer: Synthesizer
    do {
      synthesizer = try Synthesizer(settings: preset.engine, workerExecutable: workerExecutable)
    } catch {
      throw AudiobookError(.failure, "\(error)")
    }
    defer { synthesizer.close() }
    var pauses = preset.pauses
    // A snippet, not a chapter: no room tone to wait through before it starts.
    pauses.head = 0
    pauses.tail = 100
    let temporary = AtomicOutput.temporaryPath(for: path)
    AtomicOutput.register(temporary)
    defer {
      AtomicOutput.unregister(temporary)
      unlink(temporary)  // gone already when the file was committed
    }
    let assembler = try ChapterAssembler(
      writer: SoundFileWriter(path: temporary, sampleRate: synthesizer.info.sampleRate, reportedPath: path),
      pauses: pauses)
    for block in blocks {
      let paragraph = block.lines.map { $0.trimmingSpaces }.joined(separator: " ")
      let script = try SpeechScript.paragraph(paragraph, splitter: splitter, file: source, line: block.firstLine)
      _ = try assembler.appendParagraph(script) { pieces throws(AudiobookError) in
        do {
          return try synthesizer.synthesize(pieces)
        } catch {
          throw AudiobookError(.failure, "\(error)", file: source, line: block.firstLine)
        }
      }
    }
    let frames = try assembler.finish()
    try AtomicOutput.commit(temporary, to: path)
    return frames
  }
}
