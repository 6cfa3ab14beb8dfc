import ArgumentParser
import AudiobookKit
import AudiobookStudio
import Foundation

extension AudiobookCommand {
  struct Studio: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Serve a page that shows the book and plays any paragraph, following the manuscript as it is saved.",
      discussion: """
        Listens on 127.0.0.1 (loopback only, unless --host says otherwise) and prints the page's URL. \
        Clips come from the render's cache (Output/.audiobook-cache, or --cache) and are synthesized \
        into it when missing. Respellings tried on the page are saved to --lexicon, else to \
        BOOK.lexicon.yaml beside the manuscript. The API is in the README ("Listening while you write"). Ctrl-C stops it.

        Examples:
          audiobook studio novel.md --open
          audiobook studio novel.txt --port 8765 --voice narrator-us
        """)

    @Argument(help: "The manuscript (.txt, .md, .epub).", completion: .manuscript)
    var book: String

    @Option(help: ArgumentHelp("The port to listen on; 0 picks a free one.", valueName: "n"))
    var port: UInt16 = 8765

    @Option(
      help: ArgumentHelp(
        "The IP address to listen on. Anything but loopback lets others on the network listen too.",
        valueName: "ip"))
    var host = "127.0.0.1"

    @Flag(help: "Open the page in the desktop's browser (xdg-open).")
    var open = false

    @OptionGroup var clipCache: ClipCacheOptions

    @OptionGroup var voiceOptions: VoiceOptions

    @OptionGroup var manuscript: ManuscriptOptions

    func run() throws {
      try Diagnostics.run {
        let path = book
        let (manuscript, voiceOptions) = (manuscript, voiceOptions)
        // The first reading prints its warnings, and a book that cannot be read stops the
        // command; after an edit the page says what is wrong.
        let load = { @Sendable (quiet: Bool) throws(AudiobookError) -> StudioSession.Loaded in
          let book = try manuscript.read(path, quiet: quiet)
          let preset = try voiceOptions.preset(
            bookVoice: book.voice, book: path, language: book.language, quiet: true,
            voiceSetting: book.settings["voice"])
          let cast = try CastVoices.resolve(book: book, preset: preset, library: voiceOptions.library)
          return StudioSession.Loaded(book: book, preset: preset, cast: cast)
        }
        let first = try load(false)
        let scratch = try ScratchFolder(purpose: "studio")
        defer { scratch.remove() }
        let session = try StudioSession(
          first: first, load: { () throws(AudiobookError) in try load(true) },
          workerExecutable: SynthesisWorker.defaultExecutable(),
          cacheDirectory: clipCache.directory(output: "Output"),
          lexiconFile: manuscript.lexicon ?? BookReader.lexiconFile(besides: path),
          otherFiles: [manuscript.chapters].compactMap { $0 }, scratchFolder: scratch.path)
        let server = StudioServer(session: session, host: host, port: port) { line in
          FileHandle.standardError.write(Data("\(line)\n".utf8))
        }
        // Ctrl-C (or a SIGTERM) ends it at once, a lexicon being saved left as it was.
        Terminal.removePartialOutputsOnInterrupt()
        let open = open
        try server.serve { url in
          StandardOutput.write(Array("\(url)\n".utf8))
          StandardOutput.finish()
          FileHandle.standardError.write(Data("audiobook studio: serving \(path) at \(url) (Ctrl-C stops)\n".utf8))
          if open { Self.openInBrowser(url) }
        }
      }
    }

    /// Asks the desktop to open `url`; a machine without one is told to open it by hand.
    private static func openInBrowser(_ url: String) {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = ["xdg-open", url]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      if (try? process.run()) == nil {
        FileHandle.standardError.write(Data("audiobook studio: no browser could be opened; open \(url)\n".utf8))
      }
    }
  }
}
