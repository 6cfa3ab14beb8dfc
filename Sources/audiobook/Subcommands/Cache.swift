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

      @OptionGroup var clipCache: ClipCacheOptions

      @OptionGroup var renderFolder: RenderFolderOptions

      func run() throws {
        try Diagnostics.run {
          let directory = clipCache.directory(output: renderFolder.output)
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
