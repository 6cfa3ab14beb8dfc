import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookBook

@Suite struct FrontMatterTests {
  func parse(_ text: String, file: String = "book.md") throws -> Book {
    try MarkdownParser.parse(.init(file: file, format: .markdown, lines: text.components(separatedBy: "\n")))
  }

  @Test func everyMetadataFieldIsRead() throws {
    let book = try parse(
      """
      ---
      title: Harbour Lights
      subtitle: A Winter Account
      authors: [Ida Marsh, "Tom  Quill"]
      narrator: Ruth Vale
      series: Harbour Tales
      series-position: 2
      year: 1913
      publisher: Gull Press
      description: |
        A keeper counts ships.
        All winter.

        Then the ships count him.
      language: en-GB
      genre: [Fiction, Sea stories]
      isbn: 978-0-306-40615-7
      ---
      # One

      Text.
      """)
    #expect(book.title == "Harbour Lights")
    #expect(book.subtitle == "A Winter Account")
    #expect(book.author == "Ida Marsh, Tom Quill")
    #expect(book.narrator == "Ruth Vale")
    #expect(book.series == "Harbour Tales")
    #expect(book.seriesPosition == "2")
    #expect(book.date == "1913")
    #expect(book.publisher == "Gull Press")
    #expect(book.summary == "A keeper counts ships. All winter.\n\nThen the ships count him.")
    #expect(book.language == "en-GB")
    #expect(book.genre == "Fiction, Sea stories")
    #expect(book.identifier == "978-0-306-40615-7")
    #expect(book.warnings.isEmpty)
  }

  @Test func anUnknownKeyIsAWarningNamingItsLine() throws {
    let book = try parse("---\ntitle: T\nmood: grey\n---\n\n# One\n\nText.")
    #expect(book.warnings.count == 1)
    #expect(book.warnings.first?.hasPrefix("book.md:3: warning: the key 'mood' in the front matter") == true)
  }

  @Test func aFieldOfTheWrongShapeIsAnErrorNamingItsLine() {
    let error = #expect(throws: AudiobookError.self) { try parse("---\ntitle: T\nseries:\n  name: X\n---\n\nText.") }
    #expect(error?.kind == .badInput)
    #expect(error?.line == 3)
    let names = #expect(throws: AudiobookError.self) { try parse("---\nauthor: [[A, B]]\n---\n\nText.") }
    #expect(names?.line == 2)
  }

  /// The cover is read from beside the manuscript; a path that leaves its folder is refused
  /// before anything is opened.
  @Test func theCoverLiesBesideTheManuscript() throws {
    let folder = NSTemporaryDirectory() + "front-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder + "/art", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Data(CoverImageTests.jpeg).write(to: URL(fileURLWithPath: folder + "/art/front.jpg"))
    let book = try parse("---\ncover: art/front.jpg\n---\n\nText.", file: folder + "/book.md")
    #expect(book.cover?.width == 640)
    for path in ["/etc/passwd", "../front.jpg", "art/../../x.jpg"] {
      let error = #expect(throws: AudiobookError.self) {
        try parse("---\ncover: \(path)\n---\n\nText.", file: folder + "/book.md")
      }
      #expect(error?.line == 2)
      #expect(error?.message.contains("manuscript's folder") == true)
    }
  }

  /// A link inside the manuscript's folder to elsewhere does not take the cover or lexicon out
  /// of it: the file the front matter names must lie inside once every link is followed.
  @Test func aSymbolicLinkDoesNotLeadOutOfTheFolder() throws {
    let root = NSTemporaryDirectory() + "links-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: root + "/book", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: root + "/elsewhere", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }
    try Data(CoverImageTests.jpeg).write(to: URL(fileURLWithPath: root + "/elsewhere/secret.jpg"))
    try Data("secret: SEE-kret\n".utf8).write(to: URL(fileURLWithPath: root + "/elsewhere/words.yaml"))
    try FileManager.default.createSymbolicLink(atPath: root + "/book/art", withDestinationPath: root + "/elsewhere")
    for (key, name) in [("cover", "art/secret.jpg"), ("lexicon", "art/words.yaml")] {
      let error = #expect(throws: AudiobookError.self) {
        try parse("---\ntitle: T\n\(key): \(name)\n---\n\nText.", file: root + "/book/book.md")
      }
      #expect(error?.kind == .badInput)
      #expect(error?.line == 3)
      #expect(error?.message.contains("symbolic link") == true)
    }
    let folder = #expect(throws: AudiobookError.self) {
      try parse("---\ncover: art\n---\n\nText.", file: root + "/book/book.md")
    }
    #expect(folder?.line == 2)
  }
}
