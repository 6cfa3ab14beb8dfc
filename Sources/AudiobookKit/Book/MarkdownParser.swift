import Yams

/// Reads a Markdown manuscript: YAML front matter, `#`/`##` headings, paragraphs; code
/// blocks, HTML comments and images are skipped, emphasis and links read as their text.
enum MarkdownParser {
  static func parse(_ manuscript: ManuscriptReader.Manuscript) throws(AudiobookError) -> Book {
    let (front, bodyStart) = try frontMatter(manuscript)
    let lines = Array(manuscript.lines[bodyStart...])
    let headings = lines.enumerated().compactMap { offset, line in atxHeading(line).map { (offset, $0) } }
    // One `#` heading over `##` headings: the `#` is the book's title and `##` are chapters.
    let topLevel = headings.filter { $0.1.level == 1 }
    let chapterLevel = topLevel.count == 1 && (headings.contains { $0.1.level == 2 } || headings.count == 1) ? 2 : 1
    var bookTitle = front.title
    if chapterLevel == 2, let top = topLevel.first { bookTitle = bookTitle ?? top.1.text }

    var builder = BookBuilder(sourceFile: manuscript.file)
    var paragraph: [String] = []
    var paragraphLine = 0
    var fence: String?
    var inComment = false
    func flush() {
      builder.paragraph(lines: paragraph.map(inlineText), line: paragraphLine)
      paragraph = []
    }
    for (offset, rawLine) in lines.enumerated() {
      let lineNumber = bodyStart + offset + 1
      let line = rawLine.trimmingSpaces
      if let open = fence {
        if line.hasPrefix(open) { fence = nil }
        continue
      }
      if inComment {
        if line.contains("-->") { inComment = false }
        continue
      }
      if line.hasPrefix("```") || line.hasPrefix("~~~") {
        flush()
        fence = String(line.prefix(3))
        continue
      }
      if line.hasPrefix("<!--") {
        flush()
        inComment = !line.contains("-->")
        continue
      }
      if let heading = atxHeading(rawLine) {
        flush()
        if heading.level == chapterLevel {
          builder.heading(inlineText(heading.text), line: lineNumber)
        } else if heading.level > chapterLevel {
          builder.paragraph(lines: [inlineText(heading.text)], line: lineNumber)
        }
        continue
      }
      if line.isEmpty || isImageOnly(line) || line.allSatisfy({ "-*_ ".contains($0) }) && line.count >= 3 {
        flush()
        continue
      }
      if paragraph.isEmpty { paragraphLine = lineNumber }
      paragraph.append(line.hasPrefix(">") ? String(line.drop { $0 == ">" || $0 == " " }) : line)
    }
    flush()
    let title = bookTitle ?? BookSlug.title(fromFileName: manuscript.file)
    return try builder.build(title: title, author: front.author, voice: front.voice)
  }

  struct FrontMatter {
    var title: String?
    var author: String?
    var voice: String?
  }

  /// YAML between `---` lines at the very top: `title`, `author`, `voice`.
  static func frontMatter(_ manuscript: ManuscriptReader.Manuscript) throws(AudiobookError) -> (FrontMatter, Int) {
    let lines = manuscript.lines
    guard lines.first?.trimmingSpaces == "---",
      let end = lines.dropFirst().firstIndex(where: {
        ["---", "..."].contains($0.trimmingSpaces)
      })
    else { return (FrontMatter(), 0) }
    let yaml = lines[1..<end].joined(separator: "\n")
    let node: Node?
    do {
      node = try Yams.compose(yaml: yaml)
    } catch {
      throw AudiobookError(.badInput, "the front matter is not valid YAML", file: manuscript.file, line: 2)
    }
    var front = FrontMatter()
    if let mapping = node?.mapping {
      front.title = mapping["title"]?.string
      front.author = mapping["author"]?.string
      front.voice = mapping["voice"]?.string
    }
    return (front, end + 1)
  }

  /// `# Title` → (1, "Title"); closing `#`s are dropped.
  static func atxHeading(_ line: String) -> (level: Int, text: String)? {
    let hashes = line.prefix { $0 == "#" }.count
    guard (1...6).contains(hashes) else { return nil }
    let rest = line.dropFirst(hashes)
    guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
    var text = rest.trimmingSpaces
    while text.hasSuffix("#") { text.removeLast() }
    text = text.trimmingSpaces
    return text.isEmpty ? nil : (hashes, text)
  }

  static func isImageOnly(_ line: String) -> Bool {
    line.hasPrefix("![") && line.hasSuffix(")") && inlineText(line).isEmpty
  }

  /// The text a listener hears: images dropped, links as their text, emphasis and code marks
  /// removed, inline HTML tags removed.
  static func inlineText(_ line: String) -> String {
    var text = line
    text = text.replacingOccurrences(of: #"!\[[^\]]*\]\([^)]*\)"#, with: "", options: .regularExpression)
    text = text.replacingOccurrences(of: #"\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression)
    text = text.replacingOccurrences(
      of: #"</?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>"#, with: "", options: .regularExpression)
    text = text.replacingOccurrences(of: #"(\*\*|__)(\S(?:.*?\S)?)\1"#, with: "$2", options: .regularExpression)
    text = text.replacingOccurrences(
      of: #"(?<![\w*])([*_])(\S(?:.*?\S)?)\1(?![\w*])"#, with: "$2", options: .regularExpression)
    text = text.replacingOccurrences(of: "`", with: "")
    if let first = text.first, "-*+".contains(first), text.dropFirst().first == " " { text = String(text.dropFirst(2)) }
    return text.trimmingSpaces
  }
}
