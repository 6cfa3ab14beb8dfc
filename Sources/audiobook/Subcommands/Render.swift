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

    @Argument(help: "The manuscript: plain text (.txt) or Markdown (.md), UTF-8.")
    var book: String

    @Option(name: .shortAndLong, help: "The folder to render into.")
    var output = "Output"

    @OptionGroup var voiceOptions: VoiceOptions

    @Option(help: "Worker processes synthesizing at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "The clip cache folder (default: OUTPUT/.audiobook-cache). Safe to delete; may be shared.")
    var cache: String?

    @Option(
      help: "Progress on stderr: auto (a live line on a terminal, a line per chapter otherwise), plain, json, none.")
    var progress: ProgressPrinter.Mode = .auto

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    func validate() throws {
      guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
    }

    func run() throws {
      try Diagnostics.run {
        let parsed = try BookReader.read(book)
        let preset = try voiceOptions.preset(bookVoice: parsed.voice, book: book)
        Terminal.removePartialOutputsOnInterrupt()
        let printer = ProgressPrinter(mode: quiet ? .none : progress)
        let renderer = Renderer(
          preset: preset, workerExecutable: SynthesisWorker.defaultExecutable(), jobs: jobs, cacheDirectory: cache,
          progress: printer.handle,
          warn: { warning in if !quiet { FileHandle.standardError.write(Data("\(warning)\n".utf8)) } })
        let started = Date()
        let result = try renderer.render(parsed, into: output)
        let wall = Date().timeIntervalSince(started)
        guard !quiet && progress != .json else { return }
        let summary = result.summary
        let chapters = summary.chapters == 1 ? "1 chapter" : "\(summary.chapters) chapters"
        print(
          "\(result.folder): \(chapters), \(Renderer.formatDuration(seconds: summary.audioSeconds)) of audio "
            + "in \(String(format: "%.1f", wall)) s; synthesized \(summary.paragraphsSynthesized) of "
            + "\(summary.paragraphs) paragraphs, rewrote \(summary.chaptersWritten) chapter files")
      }
    }
  }
}

extension ProgressPrinter.Mode: ExpressibleByArgument {}
