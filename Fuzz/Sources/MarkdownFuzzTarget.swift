extension FuzzTarget {
  /// A Markdown manuscript: YAML front matter (title, voice, lexicon), CommonMark through
  /// cmark, headings as chapters; then its plan.
  static let markdown = FuzzTarget(name: "markdown") { input in
    BookPlanning.readAndPlan(ScratchFolder.write(input, to: "book.md"))
  }
}
