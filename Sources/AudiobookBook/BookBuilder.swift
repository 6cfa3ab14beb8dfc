import Crypto
import Foundation
import AudiobookCore

/// Collects headings and paragraphs in reading order and numbers them into chapters.
///
/// The parsers (plain text, Markdown) only say what they see; numbering, ids and the
/// one-chapter fallback live here once.
struct BookBuilder {
  private var chapters: [Chapter] = []
  private var idCounts: [String: Int] = [:]
  /// The part being read, and whether a chapter has opened it yet.
  private var part: (title: String, line: Int, opened: Bool)?
  package let sourceFile: String

  init(sourceFile: String) { self.sourceFile = sourceFile }

  /// Starts a chapter at a heading.
  package mutating func heading(_ title: String, line: Int) {
    var chapter = Chapter(number: chapters.count + 1, title: title, sourceLine: line, paragraphs: [], part: part?.title)
    if let open = part, !open.opened {
      chapter.opensPart = true
      part?.opened = true
    }
    chapters.append(chapter)
  }

  /// Starts a part (`Part One`, `BOOK II`): the chapters after it belong to it. Text between
  /// the part's heading and its first chapter becomes a chapter named after the part.
  mutating func partHeading(_ title: String, line: Int) {
    part = (title, line, false)
  }

  /// Adds a paragraph, given as its lines (hard wrap), to the current chapter.
  package mutating func paragraph(lines: [String], line: Int, lastLine: Int? = nil) {
    let text = lines.map { $0.trimmingSpaces }.filter { !$0.isEmpty }.joined(separator: " ")
    guard !text.isEmpty else { return }
    if let open = part, !open.opened {
      heading(open.title, line: open.line)
      chapters[chapters.count - 1].opensPart = false  // Its title is the part's: say it once.
    }
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

  /// The most chapters a book may have: 10,000, past the Bible's 1,189 and the longest
  /// serials. More is a manuscript gone wrong (each chapter is a file with its own silences).
  static let maximumChapters = 10_000

  /// The finished book; chapters without a title take the book's. The title, author and
  /// chapter titles lose their control characters here, whichever reader found them.
  ///
  /// - Throws: `.badInput` when nothing in the manuscript can be read aloud, or when it has
  ///   more than `maximumChapters` chapters (naming the line of the first one too many).
  func build(title: String, author: String?, voice: String? = nil) throws(AudiobookError) -> Book {
    let title = Self.metadata(title) ?? BookSlug.title(fromFileName: sourceFile)
    let chapters = self.chapters.filter { !$0.paragraphs.isEmpty || !$0.title.isEmpty }
      .enumerated().map { offset, chapter in
        var chapter = chapter
        chapter.number = offset + 1
        chapter.title = Self.metadata(chapter.title) ?? ""
        chapter.part = Self.metadata(chapter.part)
        if chapter.title.isEmpty { chapter.title = title }
        return chapter
      }
    guard chapters.contains(where: { !$0.paragraphs.isEmpty }) else {
      throw AudiobookError(.badInput, "the manuscript has no text to read, only headings", file: sourceFile)
    }
    guard chapters.count <= Self.maximumChapters else {
      throw AudiobookError(
        .badInput,
        "the book has \(chapters.count) chapters, more than the \(Self.maximumChapters) allowed; "
          + "chapter \(Self.maximumChapters + 1) starts on this line",
        file: sourceFile, line: chapters[Self.maximumChapters].sourceLine)
    }
    return Book(
      title: title, author: Self.metadata(author), voice: voice, chapters: chapters, sourceFile: sourceFile)
  }

  /// A title, author or similar as a listener and a terminal may meet it: control characters
  /// gone, runs of whitespace one space; nil when nothing is left.
  package static func metadata(_ text: String?) -> String? {
    guard let text else { return nil }
    let cleaned = text.withoutControlCharacters.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    return cleaned.isEmpty ? nil : cleaned
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
