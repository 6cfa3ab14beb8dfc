import AudiobookAudio
import AudiobookBook
import AudiobookCore
import AudiobookPublish
import AudiobookSpeech
import Foundation

/// Renders a book: one WAV per chapter, a cue sheet and `manifest.json` in
/// `OUTPUT/<book-slug>/`, every file written under a temporary name and renamed into place.
///
/// Synthesis runs on `jobs` worker processes; clips are kept in a content-addressed cache, so
/// a re-render synthesizes only what changed and rewrites only chapter files whose content
/// changed (unchanged files keep their bytes and modification time).
public struct Renderer {
  public var preset: VoicePreset
  /// Who reads the quotations (`CastVoices.resolve`); nil: the preset's voice reads everything.
  public var cast: CastVoices?
  /// The `audiobook` executable that serves as synthesis worker.
  public var workerExecutable: String
  /// Worker processes synthesizing at once.
  public var jobs: Int
  /// The clip cache folder; nil for `OUTPUT/.audiobook-cache`.
  public var cacheDirectory: String?
  /// Whether a sentence that fails the content check stops the render (false) or is reported
  /// with the others at the end (true); either way the render fails.
  public var keepGoing = false
  /// Subtitle files to write beside each chapter; `.words` also puts word timings in the manifest.
  public var subtitles: Set<Subtitles.Format> = []
  /// Another format or rate, a level, the audiobook master, a whole-book file; nil for
  /// 16-bit WAV chapter files at the voice's rate, untagged.
  public var publishing: PublishOptions?
  /// More formats to publish from the same chapters (`--format m4b,mp3`: `publishing` is the
  /// m4b, this the mp3); each written beside the first, listed in the manifest's `editions`.
  public var editions: [PublishOptions] = []

  /// The read-along EPUB's unit, when a format's MP3 files feed one (`--format epub`).
  var readAlong: ReadAlongBook.Granularity? {
    ([publishing].compactMap { $0 } + editions).compactMap(\.readAlong).first
  }

  /// Whether the render times each word: for subtitles, and for a read-along book by words.
  var timesWords: Bool { !subtitles.isEmpty || readAlong == .words }
  /// Whether the output folder is a library: the book goes in `Author/[Series/]Title/` with a
  /// `desc.txt` and `reader.txt`, as Audiobookshelf's scanner reads them (`LibraryFolder`).
  public var library = false
  /// Called with each step of the render.
  public var progress: (RenderEvent) -> Void
  /// Called with text the listener may not expect to hear as it is (markup, a sentence too
  /// long to read in one breath), as `file:line: warning: ...`.
  public var warn: (String) -> Void

  public init(
    preset: VoicePreset, workerExecutable: String, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
    cacheDirectory: String? = nil, progress: @escaping (RenderEvent) -> Void = { _ in },
    warn: @escaping (String) -> Void = { _ in }
  ) {
    self.preset = preset
    self.workerExecutable = workerExecutable
    self.jobs = max(1, jobs)
    self.cacheDirectory = cacheDirectory
    self.progress = progress
    self.warn = warn
  }

  /// The cache folder used when none is given: beside the rendered books.
  public static func defaultCacheDirectory(output: String) -> String {
    (output as NSString).appendingPathComponent(".audiobook-cache")
  }

  /// What a render produced.
  public struct Result: Sendable {
    /// `OUTPUT/<book-slug>`.
    public var folder: String
    public var manifest: Manifest
    public var summary: RenderSummary
    /// Per chapter: duration, cache hits and misses, synthesis time.
    public var chapters: [ChapterReport]
  }

  /// Renders `book` into `outputDirectory/<slug>/`, step by step along the data path; each
  /// step lives in a file of its own (`RenderRun+Step.swift`).
  ///
  /// The previous render is replaced in one step (`RenderFolder`): a failure at any point
  /// leaves it whole.
  ///
  /// - Throws: `AudiobookError`: `.badInput` for a chapter longer than one WAV file holds or a
  ///   preset voice espeak-ng lacks; `.cannotCreate` when the folder cannot be made or written;
  ///   `.io` for a full disk; `.failure` naming chapter, paragraph and source line when
  ///   espeak-ng crashes on one.
  public func render(_ book: Book, into outputDirectory: String) throws(AudiobookError) -> Result {
    let run = try RenderRun(plan: book, for: mastered(), into: outputDirectory)
    defer { run.output.discard() }
    let work = run.reuse()
    let source = try run.supply(work)
    defer { source.close() }
    let chapters = try run.assemble(work, from: source)
    try run.passContentGuard(chapters)
    let manifest = try run.publish(chapters)
    run.recordCacheUse()
    return run.result(manifest, chapters, work: work)
  }

  /// `H:MM:SS`.
  public static func formatDuration(seconds: Double) -> String {
    let total = Int(seconds.rounded())
    return "\(total / 3600):" + String(format: "%02d:%02d", total / 60 % 60, total % 60)
  }
}
