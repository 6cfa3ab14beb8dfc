import Foundation
import Yams
import AudiobookCore

/// Reads a Markdown manuscript through libcmark (`CommonMark`): YAML front matter, headings
/// as chapters, paragraphs; code blocks, HTML comments and images skipped, emphasis and links
/// read as their text.
///
/// The chapter level comes from the structure: one `#` over `##` headings is the book's title
/// and `##` are chapters; `#` headings that are all parts (`# Part One`) group `##` chapters;
/// otherwise `#` headings are chapters. Front matter `chapter-level: N` overrides. Headings
/// deeper than the chapter level are read as paragraphs.
enum MarkdownParser {
  package static func parse(_ manuscript: ManuscriptReader.Manuscript) throws(AudiobookError) -> Book {
    let (front, bodyStart) = try frontMatter(manuscript)
    let blocks = try CommonMark.blocks(
      of: manuscript.lines[bodyStart...].joined(separator: "\n"), firstLine: bodyStart + 1, file: manuscript.file)
    let headings = blocks.compactMap { block -> (level: Int, text: String)? in
      if case .heading(let level, let text, _) = block { return (level, text) }
      return nil
    }
    let topLevel = headings.filter { $0.level == 1 }
    let hasSecondLevel = headings.contains { $0.level == 2 }
    let partsAtTop =
      topLevel.count > 1 && hasSecondLevel && topLevel.allSatisfy { ChapterHeading.parse($0.text)?.kind == .part }
    let titleAtTop = topLevel.count == 1 && (hasSecondLevel || headings.count == 1)
    let chapterLevel = front.chapterLevel ?? (partsAtTop || titleAtTop ? 2 : 1)
    var bookTitle = front.title
    if titleAtTop, chapterLevel == 2, let top = topLevel.first { bookTitle = bookTitle ?? top.text }

    var builder = BookBuilder(sourceFile: manuscript.file)
    for block in blocks {
      switch block {
      case .heading(let level, let text, let line):
        if level == chapterLevel {
          builder.heading(text, line: line)
        } else if level == 1 && partsAtTop && chapterLevel == 2 {
          builder.partHeading(text, line: line)
        } else if level > chapterLevel {
          builder.paragraph(lines: [text], line: line)
        }
      case .paragraph(let text, let line, let lastLine):
        builder.paragraph(lines: [text], line: line, lastLine: lastLine)
      }
    }
    let title = bookTitle ?? BookSlug.title(fromFileName: manuscript.file)
    var book = try builder.build(title: title, author: front.author, voice: front.voice)
    if let lexicon = front.lexicon {
      let folder = (manuscript.file as NSString).deletingLastPathComponent
      book.lexicon = try Lexicon.load((folder as NSString).appendingPathComponent(lexicon))
    }
    return book
  }

  struct FrontMatter {
    package var title: String?
    package var author: String?
    package var voice: String?
    /// `chapter-level`: the heading level that starts a chapter (1 to 6).
    var chapterLevel: Int?
    /// `lexicon`: a lexicon file, relative to the manuscript's folder.
    package var lexicon: String?
  }

  /// The longest path the front matter's `lexicon:` may give (Linux's `PATH_MAX`).
  static let longestPath = 4_096

  /// YAML between `---` lines at the very top: `title`, `author`, `voice`.
  static func frontMatter(_ manuscript: ManuscriptReader.Manuscript) throws(AudiobookError) -> (FrontMatter, Int) {
    let lines = manuscript.lines
    guard lines.first?.trimmingSpaces == "---",
      let end = lines.dropFirst().firstIndex(where: {
        ["---", "..."].contains($0.trimmingSpaces)
      })
    else { return (FrontMatter(), 0) }
    let yaml = lines[1..<end].joined(separator: "\n")
    try YamlShape.check(yaml, file: manuscript.file, firstLine: 2, what: "the front matter")
    let node: Node?
    do {
      node = try Yams.compose(yaml: yaml)
    } catch let error as YamlError {
      // The front matter's first line is the file's second.
      throw AudiobookError(
        .badInput, "the front matter is not valid YAML: \(error.problemText)", file: manuscript.file,
        line: error.line.map { $0 + 1 } ?? 2)
    } catch {
      throw AudiobookError(.badInput, "the front matter is not valid YAML", file: manuscript.file, line: 2)
    }
    var front = FrontMatter()
    if let mapping = node?.mapping {
      front.title = mapping["title"]?.string
      front.author = mapping["author"]?.string
      front.voice = mapping["voice"]?.string
      if let lexicon = mapping["lexicon"]?.string {
        guard lexicon.utf8.count <= Self.longestPath, !lexicon.unicodeScalars.contains(where: { $0.value < 0x20 })
        else {
          throw AudiobookError(
            .badInput, "lexicon '\(lexicon.quotedForMessage)' is not a file name", file: manuscript.file,
            line: frontMatterLine(of: "lexicon", in: lines))
        }
        // A manuscript from elsewhere must not make the tool read (and quote in its errors)
        // any file on the machine: its lexicon lies beside it or below.
        guard !lexicon.hasPrefix("/"), !lexicon.split(separator: "/").contains("..") else {
          throw AudiobookError(
            .badInput,
            "lexicon '\(lexicon.quotedForMessage)' must be a file in the manuscript's folder or below it "
              + "(no leading '/', no '..'); give others with --lexicon", file: manuscript.file,
            line: frontMatterLine(of: "lexicon", in: lines))
        }
        front.lexicon = lexicon
      }
      if let level = mapping["chapter-level"] {
        guard let value = level.int, (1...6).contains(value) else {
          throw AudiobookError(
            .badInput, "chapter-level must be a heading level from 1 to 6", file: manuscript.file,
            line: frontMatterLine(of: "chapter-level", in: lines))
        }
        front.chapterLevel = value
      }
    }
    return (front, end + 1)
  }

  /// The 1-based line of `key` in the front matter, for messages.
  private static func frontMatterLine(of key: String, in lines: [String]) -> Int {
    (lines.firstIndex { $0.hasPrefix(key + ":") } ?? 1) + 1
  }
}
