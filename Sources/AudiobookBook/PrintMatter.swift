import Foundation
import AudiobookCore

/// What a printed book carries that a narrator does not read: illustration markers and their
/// captions, page numbers, transcriber's notes, scene-break ornaments, tables of contents and
/// lists of illustrations with their page numbers, the printer's colophon.
enum PrintMatter {
  /// `lines` as a narrator reads them, one entry per line so line numbers stay:
  ///
  /// - `[Illustration]` / `[Illustration: ...]` and `[Transcriber's Note: ...]` spans (which
  ///   may run over several lines and hold brackets of their own) are taken out. A chapter
  ///   heading inside an illustration span that stands on lines of its own (Project
  ///   Gutenberg's Pride and Prejudice opens its first chapter so; others print
  ///   `[Illustration: CHAPTER I.]`) stays, on its own line.
  /// - Page markers (`[Pg 12]`, `[Page 12]`, `{13}`) are taken out, with the space before them.
  /// - A scene-break ornament (`* * *`, `***`, `# # #`, `----`) becomes a blank line: a
  ///   paragraph boundary.
  ///
  /// A line that held only a page marker, or only the inside of a span that opened or closed
  /// beside text, is nil: it neither ends a paragraph nor is part of one.
  static func cleaned(_ lines: ArraySlice<String>) -> [String?] {
    var result: [String?] = withoutBracketedSpans(Array(lines))
    for index in result.indices {
      guard let line = result[index] else { continue }
      if isSceneBreak(line) {
        result[index] = ""
      } else if let kept = withoutPageMarkers(line) {
        result[index] = kept.allSatisfy(\.isWhitespace) ? nil : kept
      }
    }
    return result
  }

  /// The kinds of span taken out, by their opening text (compared without regard to case).
  private static let spanOpeners = ["[Illustration", "[Transcriber"]
  /// A span that has not closed after this many lines was not a span (a stray bracket).
  private static let longestSpan = 80

  private static func withoutBracketedSpans(_ lines: [String]) -> [String?] {
    var result: [String?] = lines
    var index = 0
    var searchFrom: String.Index?
    while index < lines.count {
      // Nearly every line of a novel has no bracket: pass over it cheaply.
      guard let line = result[index], line.utf8.contains(UInt8(ascii: "[")),
        let open = firstOpener(in: line, from: searchFrom ?? line.startIndex)
      else {
        index += 1
        searchFrom = nil
        continue
      }
      guard let close = closingBracket(after: open.range.upperBound, line: index, in: result) else {
        searchFrom = open.range.upperBound
        continue
      }
      let closeLine = result[close.line] ?? ""
      let before = String(line[..<open.range.lowerBound])
      let after = String(closeLine[closeLine.index(after: close.index)...])
      let standsAlone = before.allSatisfy(\.isWhitespace) && after.allSatisfy(\.isWhitespace)
      // The inside of the span, line by line.
      var inside: [String] = []
      for spanLine in index...close.line {
        let text = result[spanLine] ?? ""
        let start = spanLine == index ? open.range.upperBound : text.startIndex
        let end = spanLine == close.line ? close.index : text.endIndex
        inside.append(String(text[start..<end]))
      }
      let headings = open.isIllustration && standsAlone ? inside.map(heading(in:)) : inside.map { _ in nil }
      let keepsHeading = headings.contains { $0 != nil }
      for (offset, spanLine) in (index...close.line).enumerated() {
        var text = headings[offset] ?? ""
        if spanLine == index { text = before + text }
        if spanLine == close.line {
          text = index == close.line && !text.allSatisfy(\.isWhitespace) ? joined(text, after) : text + after
        }
        if !text.allSatisfy(\.isWhitespace) {
          result[spanLine] = text
        } else {
          // Inside a span that opened or closed beside text, a line is nothing; around a span
          // on lines of its own (or a heading), it is a blank line, as in print.
          result[spanLine] = standsAlone || keepsHeading ? "" : nil
        }
      }
      if index == close.line, let text = result[index] {
        // Look again at the same line, past the span: it may open another.
        searchFrom = text.index(text.startIndex, offsetBy: min(before.count, text.count))
      } else {
        index = close.line
        searchFrom = nil
        if let text = result[index] {
          searchFrom = text.index(text.endIndex, offsetBy: -min(after.count, text.count))
        } else {
          index += 1
        }
      }
    }
    return result
  }

  /// `before` and `after` with one space between them where a span was taken out.
  private static func joined(_ before: String, _ after: String) -> String {
    let left = before.reversed().drop { $0 == " " }.reversed()
    let right = after.drop { $0 == " " }
    if left.isEmpty { return String(right) }
    if right.isEmpty { return String(left) }
    return String(left) + " " + right
  }

  private static func firstOpener(
    in line: String, from start: String.Index
  ) -> (range: Range<String.Index>, isIllustration: Bool)? {
    var best: (range: Range<String.Index>, isIllustration: Bool)?
    for opener in spanOpeners {
      if let range = line.range(of: opener, options: .caseInsensitive, range: start..<line.endIndex),
        best.map({ range.lowerBound < $0.range.lowerBound }) ?? true
      {
        best = (range, opener == "[Illustration")
      }
    }
    return best
  }

  /// The `]` that closes a span opened just before `start` on line `line`, counting the
  /// brackets opened inside it.
  private static func closingBracket(
    after start: String.Index, line: Int, in lines: [String?]
  ) -> (line: Int, index: String.Index)? {
    var depth = 1
    for index in line..<min(lines.count, line + longestSpan) {
      guard let text = lines[index] else { continue }
      var position = index == line ? start : text.startIndex
      while position < text.endIndex {
        let character = text[position]
        if character == "[" {
          depth += 1
        } else if character == "]" {
          depth -= 1
          if depth == 0 { return (index, position) }
        }
        position = text.index(after: position)
      }
    }
    return nil
  }

  /// A chapter heading that is the whole of `text` (a caption line such as `Chapter I.`, or
  /// the `: CHAPTER I.` after `[Illustration`).
  private static func heading(in text: String) -> String? {
    var trimmed = text.trimmingSpaces
    if trimmed.hasPrefix(":") { trimmed = String(trimmed.dropFirst()).trimmingSpaces }
    return ChapterHeading.parse(trimmed) != nil ? trimmed : nil
  }

  // MARK: - Page markers

  /// `line` without its page markers, or nil when it has none. A marker between words leaves
  /// one space; at either end of the line, none.
  static func withoutPageMarkers(_ line: String) -> String? {
    guard line.utf8.contains(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "{") }),
      line.contains(Patterns.pageMarker)
    else { return nil }
    var result = ""
    var hasText = false
    var rest = line[...]
    while let match = rest.firstMatch(of: Patterns.pageMarker) {
      let before = rest[..<match.range.lowerBound]
      result += before
      hasText = hasText || before.contains { $0 != " " && $0 != "\t" }
      rest = rest[match.range.upperBound...].drop { $0 == " " || $0 == "\t" }
      // At the start of the line the indentation stays; between words, one space.
      if hasText {
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        if !rest.isEmpty { result += " " }
      }
    }
    return result + rest
  }

  // MARK: - Scene breaks

  /// Characters of the ornament lines that mark a break between scenes.
  private static let ornaments: Set<Character> = ["*", "#", "-", "–", "—", "~", "=", "_", "·", "•", "⁂"]

  /// Whether `line` is a scene-break ornament: at least three ornament characters (or an
  /// asterism `⁂`) and nothing else but spaces, such as `* * *`, `***`, `# # #`, `----`.
  static func isSceneBreak(_ line: String) -> Bool {
    guard let first = line.first(where: { $0 != " " && $0 != "\t" }), ornaments.contains(first) else {
      return false
    }
    var count = 0
    for character in line where character != " " && character != "\t" {
      guard ornaments.contains(character) else { return false }
      count += character == "⁂" ? 3 : 1
    }
    return count >= 3
  }

  // MARK: - Blocks

  /// Whether a block is a table of contents or list of illustrations: every line ends in a
  /// page number after a run of spaces, or is a column heading such as `PAGE`.
  static func isPageList(_ block: TextBlock) -> Bool {
    // Prose paragraphs end in punctuation or letters and have no run of spaces: rule them out fast.
    guard let first = block.lines.first, first.utf8.last.map({ $0 != UInt8(ascii: ".") }) ?? false,
      block.lines.allSatisfy({ hasRunOfSpaces($0) || $0.utf8.count <= 14 })
    else { return false }
    var entries = 0
    for line in block.lines {
      let trimmed = line.trimmingSpaces
      if ["PAGE", "CONTENTS", "ILLUSTRATIONS"].contains(trimmed.uppercased()) { continue }
      guard let gap = trimmed.range(of: "  ", options: .backwards) else { return false }
      let page = trimmed[gap.upperBound...].trimmingSpaces
      guard !page.isEmpty, Int(page) != nil || RomanNumeral.value(of: page) != nil else { return false }
      entries += 1
    }
    // `CONTENTS` alone heads a table of contents (see `isContentsHeading`); `PAGE` alone is a
    // column heading.
    return entries > 0 || block.lines.allSatisfy { $0.trimmingSpaces.uppercased() == "PAGE" }
  }

  /// Whether a block is the heading of a table of contents: `CONTENTS`, `Table of Contents.`
  static func isContentsHeading(_ block: TextBlock) -> Bool {
    guard block.lines.count == 1 else { return false }
    var text = block.lines[0].trimmingSpaces.lowercased()
    while let last = text.last, ".:".contains(last) { text.removeLast() }
    return ["contents", "table of contents", "list of contents"].contains(text)
  }

  /// How a block opens a transcriber's note.
  enum NoteOpening {
    /// `Transcriber's Notes:` alone: the note's text follows in the next blocks.
    case heading
    /// `Transcriber's Note: Obvious typos have been corrected.`: the note is this block.
    case headingAndText
  }

  /// Whether `line` opens a transcriber's note (`Transcriber's Note:`, `TRANSCRIBER’S NOTES`,
  /// `Original Transcriber's Notes:`), and whether the note's text follows on the same line.
  static func transcriberNote(opening line: String) -> NoteOpening? {
    guard line.utf8.count < 200, let match = line.trimmingSpaces.wholeMatch(of: Patterns.transcriberNote) else {
      return nil
    }
    return match.output.1.allSatisfy(\.isWhitespace) ? .heading : .headingAndText
  }

  /// Whether a block is a printer's colophon: in capitals, naming a press or printer
  /// (`CHISWICK PRESS:--CHARLES WHITTINGHAM AND CO.`, `PRINTED BY ...`).
  static func isColophon(_ block: TextBlock) -> Bool {
    guard block.lines.count <= 4 else { return false }
    let text = block.lines.joined(separator: " ")
    guard text.contains(where: \.isLetter), !text.contains(where: \.isLowercase) else { return false }
    let words = text.split { !$0.isLetter }
    return words.contains("PRESS") || zip(words, words.dropFirst()).contains { $0 == "PRINTED" && $1 == "BY" }
  }

  /// Whether `line` has two spaces in a row (a column gap), scanning bytes: this runs on every
  /// paragraph of a book.
  private static func hasRunOfSpaces(_ line: String) -> Bool {
    var previousWasSpace = false
    for byte in line.utf8 {
      if byte == UInt8(ascii: " ") {
        if previousWasSpace { return true }
        previousWasSpace = true
      } else {
        previousWasSpace = false
      }
    }
    return false
  }

  /// The patterns, compiled once: a regex literal evaluated in a function is parsed again on
  /// every call.
  private enum Patterns {
    /// `[Pg 12]`, `[Page 12]`, `[pg. xii]`, `{13}`. In braces, digits only: `{x}` or `{mix}`
    /// in a manuscript is text.
    nonisolated(unsafe) static let pageMarker =
      /\[(?:[Pp][Gg]|[Pp]age|PAGE)\.?\s*(?:\d+|[ivxlcdm]+|[IVXLCDM]+)\]|\{\d+\}/
    nonisolated(unsafe) static let transcriberNote =
      /(?i)(?:original\s+)?transcriber(?:['’]?s['’]?)?\s+notes?\b\s*[:.]?(.*)/
  }
}
