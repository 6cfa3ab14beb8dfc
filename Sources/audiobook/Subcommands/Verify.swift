import ArgumentParser
import AudiobookKit
import Foundation

extension AudiobookCommand {
  struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check a rendered book folder against its manifest.",
      discussion: """
        Every chapter file present with the frames, sample rate and SHA-256 the manifest records, \
        the cue sheet exactly as the manifest implies, and no extra files. Exit 0 when all hold, \
        else 1 with one line per problem on stderr.
        """)

    @Argument(
      help: ArgumentHelp("A book folder, e.g. Output/the-lighthouse-ledger.", valueName: "dir"), completion: .directory)
    var folder: String

    func run() throws {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
        Diagnostics.printError(AudiobookError(.missingInput, "no such book folder", file: folder))
        throw ExitCode(66)
      }
      let problems = BookVerifier.problems(in: folder)
      for problem in problems { FileHandle.standardError.write(Data("\(problem)\n".utf8)) }
      guard problems.isEmpty else { throw ExitCode.failure }
      print("\(folder): verified")
    }
  }
}
