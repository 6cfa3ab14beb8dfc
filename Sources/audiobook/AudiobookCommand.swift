import ArgumentParser

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
}
