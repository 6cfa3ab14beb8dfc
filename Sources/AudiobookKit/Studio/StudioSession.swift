import Foundation
import AudiobookAudio
import AudiobookBook
import AudiobookCore
import AudiobookSpeech

/// What `audiobook studio` serves, without the HTTP: the book as last read, each paragraph's
/// audio and timings (from the clip cache, synthesized when missing), a word tried out, a
/// lexicon entry saved, and the book read again when its files change. Safe to use from
/// several threads; synthesis runs one at a time on one worker kept open.
public final class StudioSession: @unchecked Sendable {
  /// A book and the voice it is read with, as the command reads them (flags, settings, front matter).
  public struct Loaded: Sendable {
    public var book: Book
    public var preset: VoicePreset
    /// Who reads the quotations (`CastVoices.resolve`).
    public var cast: CastVoices?

    public init(book: Book, preset: VoicePreset, cast: CastVoices? = nil) {
      self.book = book
      self.preset = preset
      self.cast = cast
    }
  }

  /// Reads the book and its voice again, as they are on disk now.
  public typealias Load = @Sendable () throws(AudiobookError) -> Loaded

  private let load: Load
  private let workerExecutable: String
  private let cacheDirectory: String?
  /// Where respellings are saved: `--lexicon`, else `BOOK.lexicon.yaml` beside the manuscript.
  public let lexiconFile: String
  /// Files the book is read with besides its own (`--chapters`).
  private let otherFiles: [String]
  /// A private folder the paragraphs' WAVs are written in before they are read back.
  private let scratchFolder: String
  let engine: EngineInfo

  let lock = NSLock()
  private var loaded: Loaded
  private var view: StudioBook
  private var speaker: Speaker
  /// Words already asked about: whether espeak-ng spells each out.
  private var spelledWords: [String: Bool] = [:]
  /// The last paragraphs heard, by fingerprint and address, newest last.
  private var recent: [(key: String, audio: ParagraphAudio)] = []
  private static let recentLimit = 32
  /// One synthesis at a time, so that the shared worker is asked one thing at a time.
  private let synthesis = NSLock()
  /// The paragraphs waiting to be synthesized in the background, and the chapter in view.
  var pending: [Int: [Int]] = [:]
  var focusChapter = 1
  let work = NSCondition()
  var closed = false

  /// Starts from `first`, the book as the command read it; `load` reads it again after each change.
  ///
  /// - Throws: espeak-ng's failure to start.
  public init(
    first: Loaded, load: @escaping Load, workerExecutable: String, cacheDirectory: String?, lexiconFile: String,
    otherFiles: [String] = [], scratchFolder: String
  ) throws(AudiobookError) {
    self.otherFiles = otherFiles
    self.scratchFolder = scratchFolder
    self.load = load
    self.workerExecutable = workerExecutable
    self.cacheDirectory = cacheDirectory
    self.lexiconFile = lexiconFile
    engine = try EspeakVoices.usableEngine()
    loaded = first
    speaker = Speaker(preset: loaded.preset, workerExecutable: workerExecutable, cacheDirectory: cacheDirectory)
    speaker.cast = loaded.cast
    speaker.language = loaded.book.language
    view = StudioBook(
      title: "", voice: "", sourceFile: "", version: 0, chapters: [], warnings: [], spelled: [],
      lexiconFile: lexiconFile)
    speaker.clips = clips(for: loaded.preset)
    view = try studioBook(of: loaded, version: 1)
  }

  /// The book as the page shows it.
  public var book: StudioBook { lock.withLock { view } }

  /// The files whose change changes the book (`BookSources`), the lexicon saved to and the
  /// others the command reads (`--chapters`).
  public var watchedFiles: [String] {
    lock.withLock { BookSources.files(of: loaded.book, preset: loaded.preset, also: [lexiconFile] + otherFiles) }
  }

  /// Reads the book again. Returns the paragraphs whose audio changed (nil when the book could
  /// not be read: the page keeps the last good one, with `problem` set to the reason).
  @discardableResult
  public func reload() -> [String]? {
    let next: Loaded
    do {
      next = try load()
    } catch {
      lock.withLock { view.problem = error.description }
      return nil
    }
    let (old, version) = lock.withLock { (view, view.version) }
    let fresh: StudioBook
    do {
      fresh = try studioBook(of: next, version: version + 1)
    } catch {
      lock.withLock { view.problem = error.description }
      return nil
    }
    let changed = fresh.changedParagraphs(since: old)
    lock.withLock {
      if next.preset != loaded.preset {
        speaker.clips?.close()
        speaker = Speaker(preset: next.preset, workerExecutable: workerExecutable, cacheDirectory: cacheDirectory)
        speaker.clips = clips(for: next.preset)
      }
      speaker.cast = next.cast
      speaker.language = next.book.language
      loaded = next
      var updated = fresh
      if changed.isEmpty && fresh.chapters == old.chapters && fresh.spelled == old.spelled { updated.version = version }
      view = updated
    }
    return changed
  }

  /// The audio of paragraph `chapter:paragraph`, exactly as `say --paragraph` writes it, and
  /// where its sentences and words fall.
  ///
  /// - Throws: `.usage` when the book has no such paragraph; what synthesis throws.
  public func audio(chapter: Int, paragraph: Int) throws(AudiobookError) -> ParagraphAudio {
    let (book, speaker, fingerprint) = lock.withLock {
      let fingerprint = view.chapters.first { $0.number == chapter }?.paragraphs.first { $0.number == paragraph }?
        .fingerprint
      return (loaded.book, self.speaker, fingerprint)
    }
    let key = "\(chapter):\(paragraph) \(fingerprint ?? "")"
    if let found = lock.withLock({ recent.first { $0.key == key }?.audio }) { return found }
    let selection = try BookAddress.paragraph(chapter: chapter, paragraph: paragraph).select(in: book)
    let made = try synthesizing { () throws(AudiobookError) -> ParagraphAudio in
      try withScratchFile { path throws(AudiobookError) in
        let (frames, spans) = try speaker.speakTimed(selection, of: book, to: path, words: true)
        return ParagraphAudio(
          address: "\(chapter):\(paragraph)", wav: try Self.contents(of: path),
          timings: .init(sampleRate: engine.sampleRate, frames: frames, sentences: spans))
      }
    }
    lock.withLock {
      recent.removeAll { $0.key == key }
      recent.append((key, made))
      if recent.count > Self.recentLimit { recent.removeFirst() }
    }
    return made
  }

  /// `text` (a word or a line) said as `say TEXT` says it, with the book's voice and lexicon
  /// and `word` respelled as `said` when both are given: to hear a respelling before saving it.
  public func trySaying(_ text: String, word: String? = nil, said: String? = nil) throws(AudiobookError) -> [UInt8] {
    var speaker = lock.withLock { self.speaker }
    let book = lock.withLock { loaded.book }
    var lexicon = book.lexicon
    if let word, let said, !said.isEmpty {
      lexicon = lexicon.merging(try Lexicon.parse(text: LexiconFile.line(word: word, said: said), file: "<try>"))
    }
    speaker.preset.lexicon = speaker.preset.lexicon(forBookIn: book.language).merging(lexicon)
    return try synthesizing { () throws(AudiobookError) -> [UInt8] in
      try withScratchFile { path throws(AudiobookError) in
        try speaker.speak(text, to: path, source: "<try>")
        return try Self.contents(of: path)
      }
    }
  }

  /// Saves `word: said` to the book's lexicon file (the watch then reads the book again).
  public func save(word: String, said: String) throws(AudiobookError) -> Lexicon.Entry {
    try LexiconFile.save(word: word, said: said, to: lexiconFile)
  }

  /// Stops the background synthesis and the worker.
  public func close() {
    work.withLock {
      closed = true
      work.broadcast()
    }
    lock.withLock { speaker.clips?.close() }
  }

  private func clips(for preset: VoicePreset) -> CachedSynthesis {
    CachedSynthesis(
      preset: preset, workerExecutable: workerExecutable,
      cache: cacheDirectory.flatMap { try? ClipCache(directory: $0) })
  }

  private func studioBook(of loaded: Loaded, version: Int) throws(AudiobookError) -> StudioBook {
    try StudioBook(
      book: loaded.book, preset: loaded.preset, cast: loaded.cast, engine: engine, lexiconFile: lexiconFile,
      version: version
    ) { candidates in
      let unknown = lock.withLock { candidates.filter { spelledWords[$0] == nil } }
      if !unknown.isEmpty {
        let found =
          (try? synthesizing { () throws(AudiobookError) -> Set<String> in
            do throws(SpeechError) {
              return try SpelledWords.find(
                in: unknown, settings: loaded.preset.engine, workerExecutable: workerExecutable)
            } catch {
              throw loaded.preset.failure(error)
            }
          }) ?? []
        lock.withLock { for word in unknown { spelledWords[word] = found.contains(word) } }
      }
      return lock.withLock { candidates.filter { spelledWords[$0] == true } }
    }
  }

  /// Runs `body` while no other synthesis does.
  private func synthesizing<T>(_ body: () throws(AudiobookError) -> T) throws(AudiobookError) -> T {
    synthesis.lock()
    defer { synthesis.unlock() }
    return try body()
  }

  /// Runs `body` with a fresh file name in the scratch folder, removed afterwards.
  private func withScratchFile<T>(_ body: (String) throws(AudiobookError) -> T) throws(AudiobookError) -> T {
    let path = scratchFolder + "/paragraph-\(UUID().uuidString).wav"
    defer { unlink(path) }
    return try body(path)
  }

  private static func contents(of path: String) throws(AudiobookError) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw AudiobookError(.io, "cannot read the audio back", file: path)
    }
    return Array(data)
  }
}
