import ArgumentParser
import AudiobookKit
import Foundation

extension AudiobookCommand {
  struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Render a manuscript into chapter WAV files, a cue sheet and manifest.json.",
      discussion: """
        Writes OUTPUT/<book-slug>/: 'NN Title.wav' per chapter, <book-slug>.cue and manifest.json. \
        Clips are cached (OUTPUT/.audiobook-cache by default), so a re-render synthesizes only the \
        paragraphs that changed and rewrites only the chapter files that changed.
        """)

    @Argument(help: "The manuscript: plain text (.txt), Markdown (.md) or EPUB (.epub).", completion: .manuscript)
    var book: String

    @OptionGroup var renderFolder: RenderFolderOptions

    @Option(
      help: ArgumentHelp(
        """
        Render into a library instead of -o: DIR/Author/[Series/]Title/ with cover, desc.txt and reader.txt, \
        as Audiobookshelf reads a library folder (clips in DIR/.audiobook-cache).
        """, valueName: "dir"),
      completion: .directory)
    var library: String?

    /// Where the book's folder goes: the library, else the render folder.
    var output: String { library ?? renderFolder.output }

    @OptionGroup(title: "Book metadata (each wins over the manuscript's)") var metadata: MetadataOptions

    @OptionGroup var voiceOptions: VoiceOptions

    @OptionGroup var manuscript: ManuscriptOptions

    @OptionGroup(title: "Publishing") var publishing: PublishingOptions

    @Option(
      help: ArgumentHelp(
        "Worker processes synthesizing at once (default: the number of cores, \(Self.cores) here).", valueName: "n"))
    var jobs: Int?

    /// `--jobs`, else one worker per core.
    var workers: Int { jobs ?? Self.cores }

    static let cores = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var clipCache: ClipCacheOptions

    var cache: String? { clipCache.cache }

    @Option(
      help: ArgumentHelp(
        "Progress on stderr: auto (a live line on a terminal, a line per chapter otherwise), plain, json, none.",
        valueName: "mode"))
    var progress: ProgressPrinter.Mode = .auto

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Flag(
      help:
        "When a sentence fails the content check, render the rest and report every failure at the end (still exit 1).")
    var keepGoing = false

    @Option(
      help: ArgumentHelp(
        "Write a JSON report: per chapter its file, duration, paragraphs, cache hits and misses, synthesis time; totals; wall time and speed.",
        valueName: "file"),
      completion: .json)
    var report: String?

    @Option(
      help: ArgumentHelp(
        "Subtitles beside each chapter file, comma-separated: vtt, srt, words (word timings in the WebVTT and the manifest).",
        valueName: "formats"))
    var subtitles: SubtitleFormats?

    /// The formats `--subtitles` names.
    var subtitleFormats: Set<Subtitles.Format> { subtitles?.formats ?? [] }

    @Option(
      help: ArgumentHelp(
        "Synthesize only share K of N (1 <= K <= N <= \(Shard.maximumCount)) into the cache and assemble nothing, e.g. 2/4.",
        valueName: "K/N"))
    var shard: Shard?

    @Option(
      help: ArgumentHelp(
        "Synthesize share JOB_COMPLETION_INDEX+1 of N (a Kubernetes Indexed Job) into the cache; assemble nothing.",
        valueName: "n"))
    var shards: Int?

    func validate() throws {
      if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
      if library?.isEmpty == true { throw ValidationError("--library takes a folder's name.") }
      if library != nil && renderFolder.folder != nil {
        throw ValidationError("--library DIR is where the book goes; leave out -o.")
      }
      if subtitles != nil && publishing.options?.layout == .book {
        throw ValidationError("--subtitles sit beside chapter files; use --layout chapters or both.")
      }
      if shard != nil && shards != nil { throw ValidationError("Give --shard K/N or --shards N, not both.") }
      if watch && (shard != nil || shards != nil) {
        throw ValidationError("--watch renders the whole book; it does not take --shard or --shards.")
      }
      if let shards {
        guard (1...Shard.maximumCount).contains(shards) else {
          throw ValidationError("--shards must be from 1 to \(Shard.maximumCount).")
        }
        guard let index = ProcessInfo.processInfo.environment["JOB_COMPLETION_INDEX"].flatMap(Int.init),
          (0..<shards).contains(index)
        else {
          throw ValidationError(
            "--shards N takes the shard from JOB_COMPLETION_INDEX (0 to N-1), which is not set to one.")
        }
      }
    }

    /// The shard to synthesize, from --shard or from --shards and JOB_COMPLETION_INDEX.
    var selectedShard: Shard? {
      if let shard { return shard }
      guard let shards, let index = ProcessInfo.processInfo.environment["JOB_COMPLETION_INDEX"].flatMap(Int.init)
      else { return nil }
      return Shard(index: index + 1, count: shards)
    }

    /// Checks the report's place before the render, which may take a while, rather than after
    /// it. A device or FIFO is opened now (one nobody reads is refused at once) and written
    /// through at the end, never replaced by a file: its stream is returned.
    private func openReport() throws(AudiobookError) -> StreamOutput? {
      guard let report else { return nil }
      switch try OutputTarget(path: report) {
      case .stream:
        return try StreamOutput(opening: report)
      case .file:
        try OutputTarget.refuseOverwriting(
          report, inputs: [book, manuscript.lexicon, manuscript.chapters].compactMap { $0 }, flag: "--report")
        let folder = (report as NSString).deletingLastPathComponent
        guard FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder) else {
          throw AudiobookError(
            .cannotCreate, "cannot write the report here: its folder is missing or not writable", file: report)
        }
        return nil
      }
    }

    /// The publishing options and subtitle formats: the flags, and the book's settings where
    /// no flag is given.
    private func settings(of parsed: Book) throws(AudiobookError) -> ([PublishOptions], Set<Subtitles.Format>) {
      let all = try publishing.options(with: parsed.settings)
      let options = all.first
      var formats = subtitleFormats
      if subtitles == nil, let setting = parsed.settings["subtitles"] {
        guard let given = SubtitleFormats(argument: setting.value) else {
          throw AudiobookError(
            .badInput, "subtitles '\(setting.value.quotedForMessage)' is not a list of vtt, srt and words",
            file: setting.file, line: setting.line)
        }
        formats = given.formats
      }
      if !formats.isEmpty && options?.layout == .book {
        let setting = parsed.settings["subtitles"] ?? parsed.settings["layout"] ?? parsed.settings["format"]
        throw AudiobookError(
          .badInput, "subtitles sit beside chapter files; use layout chapters or both", file: setting?.file ?? book,
          line: setting?.line)
      }
      return (all, formats)
    }

    /// The book's folder: `OUTPUT/<slug>`, or `DIR/Author/[Series/]Title` in a library.
    private func bookFolder(_ parsed: Book) -> String {
      guard library != nil else { return (output as NSString).appendingPathComponent(BookSlug.slug(parsed.title)) }
      return NSString.path(
        withComponents: [output] + LibraryFolder.parents(of: parsed) + [LibraryFolder.title(of: parsed)])
    }

    @Flag(
      help:
        "After rendering, wait; re-render after each save of the manuscript, its settings, lexicon or voice (Ctrl-C ends it)."
    )
    var watch = false

    func run() throws {
      try Diagnostics.run {
        let files = try renderOnce()
        if watch { try watchAndRender(files) }
      }
    }

    /// Renders the book once, or synthesizes the shard asked for, and prints what was done
    /// (after `changed`, on one line, in a re-render of `--watch`). Returns the files whose
    /// change changes the render: the manuscript, its settings and lexicons, the voice's preset.
    @discardableResult
    func renderOnce(changed: String? = nil) throws(AudiobookError) -> [String] {
      let reportStream = try openReport()
      if publishing.all.contains(where: { $0.format == .m4b }) { try M4BWriter.requireFFmpeg() }
      let parsed = try metadata.applied(to: try manuscript.read(book, quiet: quiet))
      let (allPublishing, subtitleFormats) = try settings(of: parsed)
      if allPublishing.contains(where: { $0.format == .m4b }) { try M4BWriter.requireFFmpeg() }
      if let report, reportStream == nil {
        try OutputTarget.refuseOverwriting(report, inputs: [], insideOf: bookFolder(parsed), flag: "--report")
      }
      let preset = try voiceOptions.preset(
        bookVoice: parsed.voice, book: book, language: parsed.language, quiet: quiet,
        voiceSetting: parsed.settings["voice"])
      Terminal.removePartialOutputsOnInterrupt()
      let printer = ProgressPrinter(mode: quiet || (changed != nil && progress == .auto) ? .none : progress)
      var renderer = Renderer(
        preset: preset, workerExecutable: SynthesisWorker.defaultExecutable(), jobs: workers, cacheDirectory: cache,
        progress: printer.handle,
        warn: { warning in if !quiet { FileHandle.standardError.write(Data("\(warning)\n".utf8)) } })
      renderer.cast = try CastVoices.resolve(book: parsed, preset: preset, library: voiceOptions.library)
      renderer.keepGoing = keepGoing
      renderer.subtitles = subtitleFormats
      renderer.publishing = allPublishing.first
      renderer.editions = Array(allPublishing.dropFirst())
      renderer.library = library != nil
      let started = Date()
      if let shard = selectedShard {
        let directory = clipCache.directory(output: output)
        let result = try renderer.synthesizeShard(parsed, shard: shard, cacheDirectory: directory)
        if !quiet {
          print(
            "shard \(shard): \(result.assigned) clips (\(result.characters) characters), synthesized "
              + "\(result.synthesized) into \(directory) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s"
          )
        }
        return []
      }
      let result = try renderer.render(parsed, into: output)
      let files = BookSources.files(of: parsed, preset: preset, also: [manuscript.lexicon, manuscript.chapters])
      let wall = Date().timeIntervalSince(started)
      if let report {
        let bytes: [UInt8]
        do {
          bytes = try RenderReport(book: book, result: result, wallSeconds: wall).encoded()
        } catch {
          throw AudiobookError(.failure, "cannot encode the report: \(error)", file: report)
        }
        if let reportStream { try reportStream.writeAll(bytes) } else { try AtomicOutput.write(bytes, to: report) }
      }
      guard !quiet && progress != .json else { return files }
      let summary = result.summary
      let chapters = summary.chapters == 1 ? "1 chapter" : "\(summary.chapters) chapters"
      print(
        "\(changed.map { "\($0) changed: " } ?? "")\(result.folder): \(chapters), \(Renderer.formatDuration(seconds: summary.audioSeconds)) of audio "
          + "in \(String(format: "%.1f", wall)) s; synthesized \(summary.paragraphsSynthesized) of "
          + "\(summary.paragraphs) paragraphs, rewrote \(summary.chaptersWritten) chapter files "
          + "(\(ProgressPrinter.megabytes(summary.bytesWritten)) written)")
      fflush(nil)
      return files
    }
  }
}

extension ProgressPrinter.Mode: ExpressibleByArgument {}
