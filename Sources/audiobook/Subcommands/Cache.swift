import ArgumentParser
import AudiobookKit
import Foundation

extension AudiobookCommand {
  struct Cache: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Manage the clip cache.", subcommands: [Prune.self])

    struct Prune: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Remove the clips that no book's last render uses.")

      @Option(help: "The clip cache folder (default: OUTPUT/.audiobook-cache).")
      var cache: String?

      @Option(name: .shortAndLong, help: "The render folder whose default cache to prune.")
      var output = "Output"

      func run() throws {
        try Diagnostics.run {
          let directory = cache ?? Renderer.defaultCacheDirectory(output: output)
          guard FileManager.default.fileExists(atPath: directory) else {
            throw AudiobookError(.missingInput, "no clip cache here", file: directory)
          }
          let removed = try ClipCache(directory: directory).prune()
          print("\(directory): removed \(removed.files) clips, \(removed.bytes / 1_000_000) MB")
        }
      }
    }
  }
}
