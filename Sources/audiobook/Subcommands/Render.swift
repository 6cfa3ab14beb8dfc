import ArgumentParser
import AudiobookKit
import Foundation

extension AudiobookCommand {
  struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Render a manuscript into chapter WAV files, a cue sheet and manifest.json.",
      discussion: "Writes OUTPUT/<book-slug>/: 'NN Title.wav' per chapter, <book-slug>.cue and manifest.json.")

    @Argument(help: "The manuscript: plain text (.txt) or Markdown (.md), UTF-8.")
    var book: String

    @Option(name: .shortAndLong, help: "The folder to render into.")
    var output = "Output"

    @OptionGroup var voiceOptions: VoiceOptions

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    func run() throws {
      try Diagnostics.run {
        let started = Date()
        let parsed = try BookReader.read(book)
        let preset = try voiceOptions.preset(bookVoice: parsed.voice, book: book)
        Terminal.removePartialOutputsOnInterrupt()
        let log: (String) -> Void = quiet ? { _ in } : { FileHandle.standardError.write(Data("\($0)\n".utf8)) }
        let renderer = Renderer(
          preset: preset, workerExecutable: SynthesisWorker.defaultExecutable(), log: log,
          warn: { FileHandle.standardError.write(Data("\($0)\n".utf8)) })
        let result = try renderer.render(parsed, into: output)
        let wall = Date().timeIntervalSince(started)
        if !quiet {
          let audio = result.audioSeconds
          print(
            "\(result.folder): \(result.manifest.chapters.count) chapters, "
              + "\(Renderer.formatDuration(seconds: audio)) of audio in \(String(format: "%.1f", wall)) s "
              + "(\(String(format: "%.0f", audio / max(wall, 0.001)))× real time)")
        }
      }
    }
  }
}
