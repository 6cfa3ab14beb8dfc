import ArgumentParser
import AudiobookKit

/// `--cache`, shared by the commands that use the clip cache (`render`, `say`, `cache prune`).
struct ClipCacheOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The clip cache folder (default: OUTPUT/.audiobook-cache, OUTPUT being the render folder). Safe to delete; may be shared.",
      valueName: "dir"),
    completion: .directory)
  var cache: String?

  /// `--cache`, else the default cache of the render folder `output`.
  func directory(output: String) -> String { cache ?? Renderer.defaultCacheDirectory(output: output) }
}
