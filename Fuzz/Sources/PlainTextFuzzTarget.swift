extension FuzzTarget {
  /// A plain text manuscript: encoding detection (UTF-8, UTF-16, Windows-1252), line
  /// splitting, Project Gutenberg cleaning, print matter, chapter detection; then its plan.
  static let plainText = FuzzTarget(name: "plaintext") { input in
    BookPlanning.readAndPlan(ScratchFolder.write(input, to: "book.txt"))
  }
}
