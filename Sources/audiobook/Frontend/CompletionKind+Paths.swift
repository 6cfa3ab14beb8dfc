import ArgumentParser

/// What the shell offers for each kind of path the commands take (`--generate-completion-script`).
extension CompletionKind {
  /// A manuscript: plain text, Markdown or EPUB (any other name is read as plain text too).
  static let manuscript = CompletionKind.file(extensions: ["txt", "md", "markdown", "epub"])
  /// A pronunciation lexicon or voice preset.
  static let yaml = CompletionKind.file(extensions: ["yaml", "yml"])
  static let json = CompletionKind.file(extensions: ["json"])
  static let wav = CompletionKind.file(extensions: ["wav"])
}
