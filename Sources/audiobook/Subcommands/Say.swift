import ArgumentParser
import AudiobookKit
import Foundation

extension AudiobookCommand {
  struct Say: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Speak a line or paragraph of text into a WAV file, or to stdout for a player.",
      discussion: """
        Examples:
          audiobook say "It was a bright cold day in April." -o line.wav
          audiobook say "Hello." | aplay
          echo "Read this paragraph." | audiobook say > paragraph.wav
        """)

    @Argument(help: "The text to speak; read from stdin when absent.")
    var text: String?

    @Option(
      name: .shortAndLong,
      help: "The WAV file to write. Without it, the WAV goes to stdout when that is not a terminal.")
    var output: String?

    @OptionGroup var voiceOptions: VoiceOptions

    func validate() throws {
      if output == nil && Terminal.isTerminal(1) {
        throw ValidationError(
          "Standard output is a terminal, so there is nowhere to put the audio. Add -o FILE.wav, or pipe into a player: audiobook say \"Hello.\" | aplay"
        )
      }
      if text == nil && Terminal.isTerminal(0) {
        throw ValidationError("Give the text to speak as an argument, or pipe it in on stdin.")
      }
    }

    func run() throws {
      try Diagnostics.run {
        let words = try text ?? readStandardInput()
        let preset = try voiceOptions.preset()
        let speaker = Speaker(preset: preset, workerExecutable: SynthesisWorker.defaultExecutable())
        Terminal.removePartialOutputsOnInterrupt()
        if let output {
          try speaker.speak(words, to: output, source: text == nil ? "<stdin>" : "<text>")
          return
        }
        // A WAV header needs seeking, which a pipe cannot do: write a private file, then copy it.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("audiobook-say-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("say.wav").path
        try speaker.speak(words, to: path, source: text == nil ? "<stdin>" : "<text>")
        guard let bytes = FileManager.default.contents(atPath: path) else {
          throw AudiobookError(.io, "cannot read back the audio", file: path)
        }
        FileHandle.standardOutput.write(bytes)
      }
    }

    private func readStandardInput() throws(AudiobookError) -> String {
      let data = FileHandle.standardInput.readDataToEndOfFile()
      guard let text = String(data: data, encoding: .utf8) else {
        throw AudiobookError(.badInput, "the text on stdin is not valid UTF-8", file: "<stdin>")
      }
      return text
    }
  }
}
