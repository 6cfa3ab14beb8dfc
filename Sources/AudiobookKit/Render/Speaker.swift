import Foundation

/// Speaks a line of text, a paragraph of a book or a whole chapter into a WAV file, with the
/// same sentence splitting, speech text, voice and pauses as `render`, and the clip cache when
/// it holds the clips: for `say`, while editing.
public struct Speaker {
  public var preset: VoicePreset
  public var workerExecutable: String
  /// A clip cache to read (and fill); nil to synthesize everything.
  public var cacheDirectory: String?

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
    let splitter = SentenceSplitter()
    var scripts: [(SpeechScript, line: Int)] = []
    for (paragraph, line) in paragraphs {
      scripts.append(
        (
          try SpeechScript.paragraph(paragraph, splitter: splitter, lexicon: preset.lexicon, file: source, line: line),
          line
        ))
    }
    return try write(title: nil, paragraphs: scripts, pauses: snippetPauses, to: path, file: source)
  }

  /// Writes what `selection` picks out of `book`: a paragraph alone, or a chapter exactly as
  /// `render` writes its file.
  @discardableResult
  public func speak(_ selection: BookAddress.Selection, of book: Book, to path: String) throws(AudiobookError) -> Int {
    let splitter = SentenceSplitter()
    let lexicon = preset.lexicon.merging(book.lexicon)
    func script(_ paragraph: Paragraph) throws(AudiobookError) -> (SpeechScript, line: Int) {
      (
        try SpeechScript.paragraph(
          paragraph.text, splitter: splitter, lexicon: lexicon, file: book.sourceFile, line: paragraph.sourceLine),
        paragraph.sourceLine
      )
    }
    switch selection {
    case .paragraph(_, let paragraph):
      return try write(
        title: nil, paragraphs: [try script(paragraph)], pauses: snippetPauses, to: path, file: book.sourceFile)
    case .chapter(let chapter):
      var scripts: [(SpeechScript, line: Int)] = []
      for paragraph in chapter.paragraphs { scripts.append(try script(paragraph)) }
      return try write(
        title: (SpeechScript.title(of: chapter, lexicon: lexicon), chapter.sourceLine), paragraphs: scripts,
        pauses: preset.pauses, to: path, file: book.sourceFile,
        tags: .chapter(chapter.title, number: chapter.number, of: book, voice: preset.name))
    }
  }

  /// A snippet, not a chapter: no room tone to wait through before it starts.
  private var snippetPauses: Pauses {
    var pauses = preset.pauses
    pauses.head = 0
    pauses.tail = 100
    return pauses
  }

  private func write(
    title: (SpeechScript, line: Int)?, paragraphs: [(SpeechScript, line: Int)], pauses: Pauses, to path: String,
    file: String, tags: AudioTags = AudioTags()
  ) throws(AudiobookError) -> Int {
    let engine = try EspeakVoices.usableEngine()
    let clips = CachedSynthesis(
      preset: preset, workerExecutable: workerExecutable,
      cache: cacheDirectory.flatMap { try? ClipCache(directory: $0) })
    defer { clips.close() }
    func clip(_ pieces: [String], line: Int) throws(AudiobookError) -> Clip {
      do {
        return try clips.clip(for: pieces, key: ClipKey(pieces: pieces, settings: preset.engine, engine: engine)).clip
      } catch {
        var failure = preset.failure(error)
        if failure.file == nil { (failure.file, failure.line) = (file, line) }
        throw failure
      }
    }
    return try AtomicOutput.writing(path) { temporary throws(AudiobookError) in
      let assembler = try ChapterAssembler(
        writer: SoundFileWriter(
          path: temporary, sampleRate: engine.sampleRate, encoding: .wav, tags: tags, reportedPath: path),
        pauses: pauses)
      if let (script, line) = title {
        _ = try assembler.appendTitle(script) { pieces throws(AudiobookError) in
          try clip(pieces, line: line)
        }
      }
      for (script, line) in paragraphs {
        _ = try assembler.appendParagraph(script) { pieces throws(AudiobookError) in
          try clip(pieces, line: line)
        }
      }
      return try assembler.finish()
    }
  }
}
