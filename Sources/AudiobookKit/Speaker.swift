import Foundation
import AudiobookCore
import AudiobookBook
import AudiobookText
import AudiobookSpeech
import AudiobookAudio
import AudiobookPublish

/// Speaks a line of text, a paragraph of a book or a whole chapter into a WAV file, with the
/// same sentence splitting, speech text, voice and pauses as `render`, and the clip cache when
/// it holds the clips: for `say`, while editing.
public struct Speaker {
  public var preset: VoicePreset
  /// Who reads a book's quotations (`CastVoices.resolve`); nil: the preset's voice alone.
  public var cast: CastVoices?
  public var workerExecutable: String
  /// The language of text spoken without a book (`say "TEXT" --language fr`); a book's own
  /// language is used for its paragraphs.
  public var language: String?
  /// A clip cache to read (and fill); nil to synthesize everything.
  public var cacheDirectory: String?
  /// What audio past what a plain WAV holds becomes.
  public var longAudio = LongAudio.rf64
  /// Told each warning and note as a whole line (`FILE:LINE: warning: ...`), for stderr.
  public var warn: (String) -> Void = { _ in }
  /// The most frames written as a plain WAV (4 GiB of audio, about 27 hours at 22,050 Hz);
  /// lower in tests, so that they reach it.
  var wavFrameLimit = AudioFormat.maximumWAVFrames
  /// Clips shared by many calls (the studio's), kept open between them; nil: each call
  /// starts its own worker when it needs one.
  var clips: CachedSynthesis?

  /// What becomes of audio past what a plain WAV holds, whose 32-bit sizes would wrap around.
  public enum LongAudio: Sendable {
    /// Written again as RF64, a WAV with 64-bit sizes: for a file (`say -o`).
    case rf64
    /// Left a WAV whose header gives its length as unknown, as a stream's does: for a pipe,
    /// since aplay does not read RF64 but plays such a WAV to its end (`OversizeWAV`).
    case wavOfUnknownLength
  }

  public init(preset: VoicePreset, workerExecutable: String, cacheDirectory: String? = nil) {
    self.preset = preset
    self.workerExecutable = workerExecutable
    self.cacheDirectory = cacheDirectory
  }

  /// Writes `text` (one or more paragraphs) as a WAV file at `path`; returns its frames.
  ///
  /// - Throws: `.badInput` when there is nothing to say; `.cannotCreate` when `path` cannot be written.
  @discardableResult
  public func speak(_ text: String, to path: String, source: String = "<text>") throws(AudiobookError) -> Int {
    let paragraphs = Paragraphs.of(lines: Paragraphs.lines(of: text))
    guard !paragraphs.isEmpty else { throw AudiobookError(.badInput, "there is no text to say", file: source) }
    let splitter = SentenceSplitter(language: language)
    var scripts: [(SpeechScript, line: Int)] = []
    for (paragraph, line) in paragraphs {
      noticeUnusual(paragraph, file: source, line: line)
      scripts.append(
        (
          try SpeechScript.paragraph(paragraph, splitter: splitter, lexicon: preset.lexicon, file: source, line: line),
          line
        ))
    }
    return try write(title: nil, paragraphs: scripts, pauses: snippetPauses, to: path, file: source).frames
  }

  /// Writes what `selection` picks out of `book`: a paragraph alone, or a chapter exactly as
  /// `render` writes its file.
  @discardableResult
  public func speak(_ selection: BookAddress.Selection, of book: Book, to path: String) throws(AudiobookError) -> Int {
    try speakTimed(selection, of: book, to: path).frames
  }

  /// `speak(_:of:to:)`, also returning where each sentence (and the chapter's spoken title)
  /// landed in the file, with its words when `words` is true.
  public func speakTimed(
    _ selection: BookAddress.Selection, of book: Book, to path: String, words: Bool = false
  ) throws(AudiobookError) -> (frames: Int, spans: [TimedSpan]) {
    let splitter = SentenceSplitter(language: book.language)
    let lexicon = preset.lexicon(forBookIn: book.language).merging(book.lexicon)
    // Quotations are found and attributed over the whole chapter, as `render` does.
    func dialogue(_ chapter: Chapter) -> ChapterDialogue? { cast.map { ChapterDialogue(chapter, cast: $0) } }
    func script(_ paragraph: Paragraph, voices: [SpeechScript.VoiceSpan]?) throws(AudiobookError) -> (
      SpeechScript, line: Int
    ) {
      noticeUnusual(paragraph.text, file: book.sourceFile, line: paragraph.sourceLine)
      return (
        try SpeechScript.paragraph(
          paragraph.text, splitter: splitter, lexicon: lexicon, file: book.sourceFile, line: paragraph.sourceLine,
          voices: voices),
        paragraph.sourceLine
      )
    }
    switch selection {
    case .paragraph(let chapter, let paragraph):
      let voices = dialogue(chapter).map { found in
        chapter.paragraphs.firstIndex(of: paragraph).map { found.spans[$0] } ?? []
      }
      return try write(
        title: nil, paragraphs: [try script(paragraph, voices: voices)], pauses: snippetPauses, to: path,
        file: book.sourceFile, words: words)
    case .chapter(let chapter):
      let dialogue = dialogue(chapter)
      var scripts: [(SpeechScript, line: Int)] = []
      for (index, paragraph) in chapter.paragraphs.enumerated() {
        scripts.append(try script(paragraph, voices: dialogue?.spans[index]))
      }
      return try write(
        title: (
          SpeechScript.title(of: chapter, lexicon: lexicon, cast: cast != nil, language: book.language),
          chapter.sourceLine
        ),
        paragraphs: scripts,
        pauses: preset.pauses, to: path, file: book.sourceFile,
        tags: .chapter(chapter.title, number: chapter.number, of: book, voice: preset.name), words: words)
    }
  }

  /// Warns of text that is not read as it stands, as `render` does.
  private func noticeUnusual(_ paragraph: String, file: String, line: Int) {
    if let notice = MarkupNotice.check(paragraph) { warn("\(file):\(line): warning: \(notice)") }
  }

  /// A snippet, not a chapter: no room tone to wait through before it starts.
  private var snippetPauses: Pauses {
    var pauses = preset.pauses
    pauses.head = 0
    pauses.tail = 100
    return pauses
  }

  /// Writes the title (when there is one) and paragraphs as one chapter, with the same
  /// assembly as `render` (`ChapterAssembler.record`).
  private func write(
    title: (SpeechScript, line: Int)?, paragraphs: [(SpeechScript, line: Int)], pauses: Pauses, to path: String,
    file: String, tags: AudioTags = AudioTags(), words: Bool = false
  ) throws(AudiobookError) -> (frames: Int, spans: [TimedSpan]) {
    let engine = try EspeakVoices.usableEngine()
    // Each batch's source line, by its order, for errors.
    var lines: [Int: Int] = [:]
    var order = 0
    func part(_ script: SpeechScript, line: Int) -> RenderPlan.Part {
      let first = order
      let part = RenderPlan.Part(
        script, paragraph: nil, settings: preset.engine, cast: cast, engine: engine, order: &order)
      for batch in first..<order { lines[batch] = line }
      return part
    }
    let titlePart = title.map { part($0.0, line: $0.line) }
    let paragraphParts = paragraphs.map { part($0.0, line: $0.line) }
    let clips =
      self.clips
      ?? CachedSynthesis(
        preset: preset, workerExecutable: workerExecutable,
        cache: cacheDirectory.flatMap { try? ClipCache(directory: $0) })
    defer { if self.clips == nil { clips.close() } }
    func clip(_ part: RenderPlan.Part, _ batch: RenderPlan.Batch) throws(AudiobookError) -> Clip {
      do {
        return try clips.clip(for: batch.pieces, voice: batch.voice, key: batch.key).clip
      } catch {
        var failure = preset.failure(error)
        if failure.file == nil { (failure.file, failure.line) = (file, lines[batch.order]) }
        throw failure
      }
    }
    return try AtomicOutput.writing(path) { temporary throws(AudiobookError) in
      let assembler = try ChapterAssembler(
        writer: SoundFileWriter(
          path: temporary, sampleRate: engine.sampleRate, encoding: .wav, tags: tags, reportedPath: path),
        pauses: pauses, timesWords: words)
      var spans: [TimedSpan] = []
      let frames = try assembler.record(title: titlePart, paragraphs: paragraphParts, clip: clip) { _, placed in
        spans += placed
      }
      if frames > wavFrameLimit {
        try finishLongAudio(temporary, frames: frames, sampleRate: engine.sampleRate, tags: tags, reportedPath: path)
      }
      return (frames, spans)
    }
  }

  /// Makes the WAV at `temporary`, longer than `wavFrameLimit` (past 4 GiB its sizes have
  /// wrapped around), whole as `longAudio` says.
  private func finishLongAudio(
    _ temporary: String, frames: Int, sampleRate: Int, tags: AudioTags, reportedPath: String
  ) throws(AudiobookError) {
    switch longAudio {
    case .wavOfUnknownLength:
      try OversizeWAV.markLengthUnknown(temporary, reportedPath: reportedPath)
      warn("note: the audio passes 4 GiB, so the WAV's header leaves its length open (players read to its end)")
    case .rf64:
      try AtomicOutput.withScratch(beside: reportedPath + ".rf64") { scratch throws(AudiobookError) in
        try OversizeWAV.copyAsRF64(
          from: temporary, to: scratch, frames: frames, sampleRate: sampleRate, tags: tags, reportedPath: reportedPath)
        guard rename(scratch, temporary) == 0 else {
          throw AudiobookError(.io, "cannot replace the WAV with RF64", errno: errno, file: reportedPath)
        }
      }
      warn("\(reportedPath): note: written as RF64, since as a WAV it would pass 4 GiB")
    }
  }
}
