import ArgumentParser
import Foundation

@main
struct AudiobookCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audiobook",
    abstract: "Turn a manuscript into an audiobook with espeak-ng.",
    discussion: """
      Exit status: 0 success, 64 bad usage, 65 bad input data, 66 missing input, \
      69 a tool it needs is missing (ffmpeg for m4b, a player for say), 73 output cannot be \
      created, 74 other I/O error, 1 any other failure (check: a file fails the spec).
      """,
    subcommands: [
      Render.self, Say.self, Plan.self, Sentences.self, Voices.self, Verify.self, Check.self, Cache.self,
      SynthesisWorkerCommand.self,
    ]
  )

  /// Parses the arguments and runs the command. A mistake in the arguments is one line on
  /// stderr and exit 64, as every other failure is one line (ArgumentParser would add the
  /// usage, which `--help` prints); help and errors of the commands themselves are as usual.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
      StandardOutput.finish()
    } catch {
      let code = exitCode(for: error)
      let message = message(for: error).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        .joined(separator: " ")
      guard code == .validationFailure, !message.isEmpty else { exit(withError: error) }
      FileHandle.standardError.write(Data("\(Diagnostics.errorLabel) \(message) (see --help)\n".utf8))
      Foundation.exit(code.rawValue)
    }
  }
}
