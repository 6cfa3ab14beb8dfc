import Foundation

/// What a printed book carries that a narrator does not read: illustration markers and their
/// captions, tables of contents and lists of illustrations with their page numbers.
enum PrintMatter {
  /// `lines` with every `[Illustration]` / `[Illustration: ...]` span (which may run over
  /// several lines) blanked out, line numbers kept. A chapter heading inside a span (Project
  /// Gutenberg's Pride and Prejudice opens its first chapter so) stays, on its own line.
  static func withoutIllustrations(_ lines: ArraySlice<String>) -> [String] {
    var result: [String] = []
    result.reserveCapacity(lines.count)
    var inside = false
    for line in lines {
      // Nearly every line of a novel has no bracket: keep it as it is, cheaply.
      if !inside && !line.utf8.contains(UInt8(ascii: "[")) {
        result.append(line)
        continue
      }
      var text = line
      var kept = ""
      while !text.isEmpty {
        if inside {
          guard let close = text.firstIndex(of: "]") else {
            if let heading = heading(in: text) { kept += heading }
            text = ""
            break
          }
          if let heading = heading(in: String(text[..<close])) { kept += heading }
          text = String(text[text.index(after: close)...])
          inside = false
        } else if let open = text.range(of: "[Illustration") {
          kept += text[..<open.lowerBound]
          text = String(text[open.upperBound...])
          inside = true
        } else {
          kept += text
          text = ""
        }
      }
      result.append(kept.allSatisfy(\.isWhitespace) ? "" : kept)
    }
    return result
  }

  /// A chapter heading that is the whole of `text` (a caption line such as `Chapter I.`).
  private static func heading(in text: String) -> String? {
    let trimmed = text.trimmingSpaces
    return ChapterHeading.parse(trimmed) != nil ? trimmed : nil
  }

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
    return entries > 0 || block.lines.allSatisfy { ["PAGE", "CONTENTS"].contains($0.trimmingSpaces.uppercased()) }
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
}
