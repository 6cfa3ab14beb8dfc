import ArgumentParser
import AudiobookKit
import Foundation

extension AudiobookCommand {
  struct Say: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Speak a line of text, or a paragraph or chapter of a book, as render would.",
      discussion: """
        Without -o: on a terminal the audio plays (pw-play, paplay, aplay, mpv or ffplay; Ctrl-C stops it); \
        otherwise a WAV goes to stdout. Paragraph and chapter numbers are the ones `plan` shows. \
        Clips come from the render's cache, Output/.audiobook-cache when it exists, or --cache.

        Examples:
          audiobook say "It was a bright cold day in April." -o line.wav
          audiobook say "Hello." | aplay
          audiobook say --book novel.txt --paragraph 12:3
          audiobook say --book novel.txt --line 4810 > paragraph.wav
          audiobook say --book novel.txt --chapter 2 -o chapter2.wav
        """)

    @Argument(help: "The text to speak; read from stdin (at most 1 MiB) when absent (and no --book is given).")
    var text: String?

    @Option(
      help: ArgumentHelp("A manuscript to speak part of: give --paragraph, --line or --chapter.", valueName: "file"),
      completion: .manuscript)
    var book: String?

    @Option(
      help: ArgumentHelp(
        "The paragraph to speak as CHAPTER:PARAGRAPH, both from 1, e.g. 12:3 (chapter 12, paragraph 3).",
        valueName: "C:P"))
    var paragraph: BookAddress?

    @Option(help: ArgumentHelp("The paragraph that holds this source line.", valueName: "n"))
    var line: Int?

    @Option(help: ArgumentHelp("The whole chapter C, exactly as render writes its file.", valueName: "C"))
    var chapter: Int?

    @OptionGroup var clipCache: ClipCacheOptions

    @Option(
      name: .shortAndLong,
      help: ArgumentHelp(
        "The WAV file to write (replaced whole); a device or FIFO (/dev/null, a named pipe) is written through.",
        valueName: "file"),
      completion: .wav)
    var output: String?

    @OptionGroup var voiceOptions: VoiceOptions

    @OptionGroup var manuscript: ManuscriptOptions

    var address: BookAddress? {
      if let paragraph { return paragraph }
      if let line { return .line(line) }
      if let chapter { return .chapter(chapter) }
      return nil
    }

    func validate() throws {
      let addresses = [paragraph != nil, line != nil, chapter != nil].filter { $0 }.count
      if book != nil {
        guard addresses == 1 else {
          throw ValidationError("With --book, give one of --paragraph C:P, --line N or --chapter C.")
        }
        guard text == nil else { throw ValidationError("Give either TEXT or --book, not both.") }
      } else {
        guard addresses == 0 else { throw ValidationError("--paragraph, --line and --chapter need --book BOOK.") }
        if text == nil && Terminal.isTerminal(0) {
          throw ValidationError("Give the text to speak as an argument, pipe it in on stdin, or use --book.")
        }
      }
    }

    /// The most text `say` reads from stdin: 1 MiB, about 170,000 words of prose, some 16 hours
    /// of audio (a 1.3 GB WAV), more than any chapter and most whole novels, while refusing
    /// an endless stream (`yes | audiobook say`) after reading no more than that.
    static let standardInputLimit = 1 << 20

    func run() throws {
      var readerWentAway = false
      try Diagnostics.run {
        // Where the audio goes is settled first: a folder is refused, a device or FIFO opened
        // now (one nobody reads is refused at once), written through, never replaced by a file.
        var stream: StreamOutput?
        if let output, try OutputTarget(path: output) == .stream { stream = try StreamOutput(opening: output) }
        if let output, stream == nil {
          try OutputTarget.refuseOverwriting(
            output, inputs: [book, manuscript.lexicon, manuscript.chapters].compactMap { $0 }, flag: "-o")
        }
        let parsed = try book.map { path throws(AudiobookError) in try manuscript.read(path) }
        let words =
          try book == nil
          ? (text ?? LimitedInput.text(limit: Self.standardInputLimit, reader: "say")) : ""
        // Text alone is in the language given, else the one it is written in, when that can be told.
        let language = parsed?.language ?? manuscript.language ?? (book == nil ? LanguageDetector.detect([words]) : nil)
        var selection: BookAddress.Selection?
        if let parsed, let address { selection = try address.select(in: parsed) }
        let preset = try voiceOptions.preset(
          bookVoice: parsed?.voice, book: book, language: language, voiceSetting: parsed?.settings["voice"])
        // The default cache is used only when a render made it: say does not create one.
        let cache = clipCache.directory(output: "Output")
        var speaker = Speaker(
          preset: preset, workerExecutable: SynthesisWorker.defaultExecutable(),
          cacheDirectory: clipCache.cache != nil || FileManager.default.fileExists(atPath: cache) ? cache : nil)
        if let parsed {
          speaker.cast = try CastVoices.resolve(book: parsed, preset: preset, library: voiceOptions.library)
        }
        speaker.warn = { FileHandle.standardError.write(Data("\($0)\n".utf8)) }
        // Past 4 GiB a file becomes RF64; a pipe keeps a WAV of open length, which aplay plays.
        if output == nil { speaker.longAudio = .wavOfUnknownLength }
        Terminal.removePartialOutputsOnInterrupt()
        if parsed == nil { speaker.language = language }
        let speak = { (path: String) throws(AudiobookError) in
          if let parsed, let selection {
            _ = try speaker.speak(selection, of: parsed, to: path)
          } else {
            _ = try speaker.speak(words, to: path, source: text == nil ? "<stdin>" : "<text>")
          }
        }
        if let output, stream == nil {
          try speak(output)
          return
        }
        // A WAV header needs seeking, which a pipe cannot do: write a private file, then copy or play it.
        let folder = try ScratchFolder(purpose: "say")
        defer { folder.remove() }
        let path = folder.appending("say.wav")
        try speak(path)
        if stream == nil && Terminal.isTerminal(1) {
          try AudioPlayer.play(path)
          return
        }
        let destination = stream ?? StreamOutput.standardOutput()
        guard try destination.copy(contentsOf: path) else {
          // On stdout a reader that stopped early (`| head`) is an ordinary end, as for
          // every command; a device or FIFO named with -o was meant to get it all.
          guard stream == nil else {
            throw AudiobookError(.io, "the reader closed its end before all the audio was written", file: output)
          }
          readerWentAway = true
          return
        }
      }
      if readerWentAway { Terminal.exitForBrokenPipe() }
    }
  }
}
