import ArgumentParser
import AudiobookKit

extension AudiobookCommand {
  /// The worker process the renderer starts; not for people (see `SynthesisWorker`).
  struct SynthesisWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "synthesis-worker", abstract: "Serve espeak-ng synthesis on stdin/stdout (internal).",
      shouldDisplay: false)

    @Option(
      help: ArgumentHelp("Samples the children may collect in shared memory before they use their own.", valueName: "n")
    )
    var arenaSamples = SynthesisWorker.defaultArenaSamples

    func run() throws {
      let status = SynthesisWorker.run(arenaSamples: arenaSamples)
      if status != 0 { throw ExitCode(status) }
    }
  }
}
