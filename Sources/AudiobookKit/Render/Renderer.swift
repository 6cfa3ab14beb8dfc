import Foundation

/// Renders a book: one WAV per chapter, a cue sheet and `manifest.json` in
/// `OUTPUT/<book-slug>/`, every file written under a temporary name and renamed into place.
public struct Renderer {
  public var preset: VoicePreset
  /// The `audiobook` executable that serves as synthesis worker.
  public var workerExecutable: String
  /// Called with a line of progress after each chapter.
  public var log: (String) -> Void
  /// Called with text the listener may not expect to hear as it is (markup, a sentence too
  /// long to read in one breath), as `file:line: warning: ...`.
  public var warn: (String) -> Void

  public init(
    preset: VoicePreset, workerExecutable: String, log: @escaping (String) -> Void = { _ in },
    warn: @escaping (String) -> Void = { _ in }
  ) {
    self.preset = preset
    self.workerExecutable = workerExecutable
    self.log = log
    self.warn = warn
  }

  /// What a render produced.
  public struct Result: Sendable {
    /// `OUTPUT/<book-slug>`.
    public var folder: String
    public var manifest: Manifest
    /// Seconds of audio in all chapter files.
    public var audioSeconds: Double
  }

  /// Renders `book` into `outputDirectory/<slug>/`.
  ///
  /// - Throws: `AudiobookError`: `.cannotCreate` when the folder cannot be made or written;
  ///   `.badInput` for text that cannot be spoken or a preset voice espeak-ng lacks;
  ///   `.failure` naming chapter, paragraph and source line when espeak-ng crashes on one.
  public func render(_ book: Book, into outputDirectory: String) throws(AudiobookError) -> Result {
    let folder = (outputDirectory as NSString).appendingPathComponent(BookSlug.slug(book.title))
    try makeFolder(folder)
    AtomicOutput.sweepStale(in: folder)
    let splitter = SentenceSplitter()
    let synthesizer = try startSynthesizer()
    defer { synthesizer.close() }
    let sampleRate = synthesizer.info.sampleRate

    var chapters: [Manifest.Chapter] = []
    for chapter in book.chapters {
      let file = BookSlug.chapterFileName(
        number: chapter.number, of: book.chapters.count, title: chapter.title, extension: "wav")
      let path = (folder as NSString).appendingPathComponent(file)
      let temporary = AtomicOutput.temporaryPath(for: path)
      AtomicOutput.register(temporary)
      defer { AtomicOutput.unregister(temporary) }
      let assembler = try ChapterAssembler(
        writer: SoundFileWriter(path: temporary, sampleRate: sampleRate), pauses: preset.pauses)

      let titleScript = SpeechScript.title(chapter.title)
      let heading = try assembler.appendTitle(titleScript) { pieces throws(AudiobookError) in
        try self.synthesize(pieces, synthesizer, book: book, chapter: chapter, paragraph: nil)
      }
      var paragraphs: [Manifest.Paragraph] = []
      for paragraph in chapter.paragraphs {
        let script = try SpeechScript.paragraph(
          paragraph.text, splitter: splitter, file: book.sourceFile, line: paragraph.sourceLine)
        noticeUnusual(script, paragraph: paragraph, file: book.sourceFile)
        let sentences = try assembler.appendParagraph(script) { pieces throws(AudiobookError) in
          try self.synthesize(pieces, synthesizer, book: book, chapter: chapter, paragraph: paragraph)
        }
        let start = sentences.first?.startFrame ?? 0
        let end = sentences.last.map { $0.startFrame + $0.frames } ?? start
        paragraphs.append(
          Manifest.Paragraph(
            id: paragraph.id, number: paragraph.number, sourceLine: paragraph.sourceLine, startFrame: start,
            frames: end - start, sentences: sentences))
      }
      let frames = try assembler.finish()
      try AtomicOutput.commit(temporary, to: path)
      chapters.append(
        Manifest.Chapter(
          number: chapter.number, title: chapter.title, file: file, frames: frames, sourceLine: chapter.sourceLine,
          heading: heading, paragraphs: paragraphs))
      log("chapter \(chapter.number)/\(book.chapters.count) \(file) \(Self.duration(frames, sampleRate))")
    }

    let manifest = Manifest(
      title: book.title, author: book.author, sampleRate: sampleRate,
      voice: .init(name: preset.name, settings: preset.engine, pauses: preset.pauses),
      engine: .init(name: "espeak-ng", version: synthesizer.info.version), chapters: chapters)
    try publish(manifest, in: folder, slug: BookSlug.slug(book.title))
    let seconds = Double(chapters.reduce(0) { $0 + $1.frames }) / Double(sampleRate)
    return Result(folder: folder, manifest: manifest, audioSeconds: seconds)
  }

  /// Writes the cue sheet and manifest, then removes chapter files an earlier render of this
  /// book made that this one no longer has (a renamed or removed chapter).
  private func publish(_ manifest: Manifest, in folder: String, slug: String) throws(AudiobookError) {
    let manifestPath = (folder as NSString).appendingPathComponent("manifest.json")
    let previous = (FileManager.default.contents(atPath: manifestPath)).flatMap {
      try? JSONDecoder().decode(Manifest.self, from: $0)
    }
    let cue = CueSheet.text(
      title: manifest.title, performer: manifest.author ?? "Unknown author",
      tracks: manifest.chapters.map { CueSheet.Track(file: $0.file, title: $0.title) })
    try AtomicOutput.write(Array(cue.utf8), to: (folder as NSString).appendingPathComponent("\(slug).cue"))
    let bytes: [UInt8]
    do {
      bytes = try manifest.encoded()
    } catch {
      throw AudiobookError(.failure, "cannot encode the manifest: \(error)", file: manifestPath)
    }
    try AtomicOutput.write(bytes, to: manifestPath)
    let current = Set(manifest.chapters.map(\.file))
    for stale in (previous?.chapters.map(\.file) ?? []) where !current.contains(stale) {
      try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(stale))
    }
  }

  private func noticeUnusual(_ script: SpeechScript, paragraph: Paragraph, file: String) {
    let location = "\(file):\(paragraph.sourceLine): warning:"
    if let notice = MarkupNotice.check(paragraph.text) { warn("\(location) \(notice)") }
    if let long = script.sentences.first(where: { $0.pieces.count > 1 }) {
      warn(
        "\(location) a sentence of \(long.text.count) characters is read in \(long.pieces.count) pieces "
          + "of at most \(SpeechText.pieceLimit); add punctuation to choose the breaks")
    }
  }

  private func makeFolder(_ folder: String) throws(AudiobookError) {
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw AudiobookError(.cannotCreate, "cannot create the output folder: \(Self.reason(error))", file: folder)
    }
    guard FileManager.default.isWritableFile(atPath: folder) else {
      throw AudiobookError(.cannotCreate, "the output folder is not writable", file: folder)
    }
  }

  private func startSynthesizer() throws(AudiobookError) -> Synthesizer {
    do {
      return try Synthesizer(settings: preset.engine, workerExecutable: workerExecutable)
    } catch .unknownVoice(let name) {
      throw AudiobookError(
        .badInput, "voice preset '\(preset.name)' names espeak-ng voice '\(name)', which is not installed",
        file: preset.source.description)
    } catch {
      throw AudiobookError(.failure, "\(error)")
    }
  }

  private func synthesize(
    _ pieces: [String], _ synthesizer: Synthesizer, book: Book, chapter: Chapter, paragraph: Paragraph?
  ) throws(AudiobookError) -> Clip {
    do {
      return try synthesizer.synthesize(pieces)
    } catch {
      let place =
        paragraph.map { "chapter \(chapter.number), paragraph \($0.number)" } ?? "chapter \(chapter.number) title"
      let text = pieces.first?.prefix(60) ?? ""
      throw AudiobookError(
        .failure, "\(place) ('\(text)'): \(error)", file: book.sourceFile,
        line: paragraph?.sourceLine ?? chapter.sourceLine)
    }
  }

  static func duration(_ frames: Int, _ sampleRate: Int) -> String {
    formatDuration(seconds: Double(frames) / Double(max(1, sampleRate)))
  }

  /// `H:MM:SS`.
  public static func formatDuration(seconds: Double) -> String {
    let total = Int(seconds.rounded())
    return "\(total / 3600):" + String(format: "%02d:%02d", total / 60 % 60, total % 60)
  }

  private static func reason(_ error: any Error) -> String {
    (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
  }
}
