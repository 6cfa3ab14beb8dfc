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
    version: AudiobookVersion.package,
    subcommands: [
      Render.self, Say.self, Studio.self, Plan.self, Sentences.self, Voices.self, Verify.self, Check.self, Cache.self,
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
      // ArgumentParser answers `--version` with the configuration's version alone; the
      // espeak-ng version is asked for only here, not on every run.
      if code == .success && message(for: error) == configuration.version {
        StandardOutput.write(Array("\(AudiobookVersion.line)\n".utf8))
        StandardOutput.finish()
        Foundation.exit(0)
      }
      let message = usageMessage(for: error)
      guard code == .validationFailure, !message.isEmpty else { exit(withError: error) }
      FileHandle.standardError.write(Data("\(Diagnostics.errorLabel) \(message) (see --help)\n".utf8))
      Foundation.exit(code.rawValue)
    }
  }

  /// ArgumentParser's message for a mistake in the arguments, on one line. When it could not
  /// read a value, or missed one, and said nothing of what the option takes, the option's help
  /// follows: "The value 'two' is invalid for '--paragraph <C:P>': CHAPTER:PARAGRAPH, ...".
  static func usageMessage(for error: Error) -> String {
    let message = oneLine(message(for: error))
    // ArgumentParser puts that help on its own "Help:  --paragraph <C:P>  ..." line.
    guard message.hasSuffix(">'"),
      let help = fullMessage(for: error).split(separator: "\n").first(where: { $0.hasPrefix("Help:") }),
      let valueName = help.range(of: ">  ")
    else { return message }
    let abstract = oneLine(String(help[valueName.upperBound...]))
    return abstract.isEmpty ? message : "\(message): \(abstract)"
  }

  private static func oneLine(_ text: String) -> String {
    text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
  }
}
