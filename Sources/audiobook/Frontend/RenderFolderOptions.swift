import ArgumentParser

/// `-o`/`--output` where it names the render folder (`render`, `cache prune`); `say -o` names a file.
struct RenderFolderOptions: ParsableArguments {
  @Option(
    name: [.customShort("o"), .customLong("output")],
    help: ArgumentHelp(
      "The render folder, OUTPUT: a book goes to OUTPUT/<book-slug>/, its clips to OUTPUT/.audiobook-cache.",
      valueName: "dir"),
    completion: .directory)
  var folder: String?

  /// `-o`, else `Output`.
  var output: String { folder ?? "Output" }
}
