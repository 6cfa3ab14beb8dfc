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
    var (front, bodyStart) = try FrontMatter.read(manuscript)
    let folder = (manuscript.file as NSString).deletingLastPathComponent
    front.metadata.cover = try front.loadCover(in: folder)
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
    var bookTitle = front.metadata.title
    if titleAtTop, chapterLevel == 2, let top = topLevel.first { bookTitle = bookTitle ?? top.text }

    var builder = BookBuilder(sourceFile: manuscript.file)
    // Speaker marks, as corrections in the cast: the speaker and the line of the paragraph after the mark.
    var speaker: String?
    var marks = Cast()
    var foreign: [ForeignPhrase] = []
    for block in blocks {
      if case .paragraph(_, let line, _) = block, let name = speaker {
        if marks[name] == nil { marks.members.append(Cast.Member(name: name, file: manuscript.file, line: line)) }
        if let index = marks.members.firstIndex(where: { $0.name == name }) { marks.members[index].lines.append(line) }
      }
      if case .heading = block { speaker = nil }
      if case .paragraph = block { speaker = nil }
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
      case .speaker(let name, _):
        speaker = name
      case .foreign(let text, let language, let line):
        foreign.append(ForeignPhrase(text: text, language: language, file: manuscript.file, line: line))
      }
    }
    let title = bookTitle ?? BookSlug.title(fromFileName: manuscript.file)
    var book = try builder.build(title: title, author: nil, voice: front.voice)
    book.apply(front.metadata)
    book.settings = front.settings
    book.cast = front.cast.merging(marks)
    book.foreignPhrases = foreign
    book.warnings = front.warnings + book.warnings
    if let lexicon = try front.lexiconPath(in: folder) { book.lexicon = try Lexicon.load(lexicon) }
    return book
  }
}
