import Crypto
import Foundation

/// Collects headings and paragraphs in reading order and numbers them into chapters.
///
/// The parsers (plain text, Markdown) only say what they see; numbering, ids and the
/// one-chapter fallback live here once.
struct BookBuilder {
  private var chapters: [Chapter] = []
  private var idCounts: [String: Int] = [:]
  let sourceFile: String

  init(sourceFile: String) { self.sourceFile = sourceFile }

  /// Starts a chapter at a heading.
  mutating func heading(_ title: String, line: Int) {
    chapters.append(Chapter(number: chapters.count + 1, title: title, sourceLine: line, paragraphs: []))
  }

  /// Adds a paragraph, given as its lines (hard wrap), to the current chapter.
  mutating func paragraph(lines: [String], line: Int, lastLine: Int? = nil) {
    let text = lines.map { $0.trimmingSpaces }.filter { !$0.isEmpty }.joined(separator: " ")
    guard !text.isEmpty else { return }
    if chapters.isEmpty {
      // Text before any heading: an untitled opening, named after the book once its title is known.
      chapters.append(Chapter(number: 1, title: "", sourceLine: line, paragraphs: []))
    }
    let index = chapters.count - 1
    let paragraph = Paragraph(
      number: chapters[index].paragraphs.count + 1, id: uniqueID(for: text), sourceLine: line, text: text,
      lastLine: lastLine ?? line + lines.count - 1)
    chapters[index].paragraphs.append(paragraph)
  }

  /// The finished book; chapters without a title take the book's.
  ///
  /// - Throws: `.badInput` when nothing in the manuscript can be read aloud.
  func build(title: String, author: String?, voice: String? = nil) throws(AudiobookError) -> Book {
    let chapters = self.chapters.filter { !$0.paragraphs.isEmpty || !$0.title.isEmpty }
      .enumerated().map { offset, chapter in
        var chapter = chapter
        chapter.number = offset + 1
        if chapter.title.isEmpty { chapter.title = title }
        return chapter
      }
    guard chapters.contains(where: { !$0.paragraphs.isEmpty }) else {
      throw AudiobookError(.badInput, "the manuscript has no text to read, only headings", file: sourceFile)
    }
    return Book(title: title, author: author, voice: voice, chapters: chapters, sourceFile: sourceFile)
  }

  /// A paragraph id derived from its text, so it survives edits elsewhere in the book;
  /// repeats of the same text get `-2`, `-3`, ... in reading order.
  private mutating func uniqueID(for text: String) -> String {
    let digest = SHA256.hash(data: Array(text.utf8))
    let base = "p" + Hex.string(digest.prefix(5))
    let count = idCounts[base, default: 0] + 1
    idCounts[base] = count
    return count == 1 ? base : "\(base)-\(count)"
  }
}
