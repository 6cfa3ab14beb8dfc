import Foundation
import AudiobookCore

/// Saves one entry to a lexicon file, as the studio's respelling panel does: the word's
/// earlier entries (one line each) give way to a new last line, every other line is kept as
/// written, and the file is replaced whole only once it reads back as a lexicon.
public enum LexiconFile {
  /// Writes `word: said` to the lexicon at `path`, making the file when there is none.
  ///
  /// - Parameter said: a respelling, or `[[phonemes]]`.
  /// - Returns: the entry as the lexicon now reads it.
  /// - Throws: `.badInput` for a word or a saying a lexicon cannot hold, or a file that is not
  ///   a lexicon (it is left as it was); `.cannotCreate` or `.io` when it cannot be written.
  @discardableResult
  public static func save(word: String, said: String, to path: String) throws(AudiobookError) -> Lexicon.Entry {
    let line = Self.line(word: word, said: said)
    let entry = try Lexicon.parse(text: line + "\n", file: path).entries.first
    guard let entry, entry.word == word else {
      throw AudiobookError(.badInput, "'\(word.quotedForMessage)' cannot be a lexicon entry", file: path)
    }
    var existing = ""
    var mode: mode_t = 0o644
    var info = stat()
    if lstat(path, &info) == 0 {
      // Replaced whole, a link would become a file of its own: the shared lexicon it names
      // would no longer hear of the entry. A file the author made read-only stays so.
      guard info.st_mode & S_IFMT != S_IFLNK else {
        throw AudiobookError(.cannotCreate, "the lexicon is a symbolic link; add the entry where it leads", file: path)
      }
      guard access(path, W_OK) == 0 else {
        throw AudiobookError(.cannotCreate, "the lexicon is read-only", errno: errno, file: path)
      }
      mode = info.st_mode & 0o7777
      existing = try Lexicon.text(of: path)
    }
    let kept = try linesWithout(word, in: existing, file: path)
    let text = kept.joined(separator: "\n") + (kept.isEmpty ? "" : "\n") + line + "\n"
    let saved = try Lexicon.parse(text: text, file: path)
    guard let written = saved.entries.first(where: { $0.word == word }), written.spoken == entry.spoken else {
      throw AudiobookError(.badInput, "the lexicon would not read the entry back as written", file: path)
    }
    try AtomicOutput.writing(path) { temporary throws(AudiobookError) in
      try AtomicOutput.writeFile(Array(text.utf8), at: temporary, reportedPath: path)
      chmod(temporary, mode)
    }
    return written
  }

  /// The lines of `text` without the entries for `word`, each of which must be one line.
  private static func linesWithout(_ word: String, in text: String, file: String) throws(AudiobookError) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    guard !text.isEmpty else { return [] }
    let lexicon = try Lexicon.parse(text: text, file: file)
    let stale = Set(lexicon.entries.filter { $0.word == word }.map(\.line))
    for line in stale {
      let index = line - 1
      let next = index + 1 < lines.count ? lines[index + 1] : ""
      guard lines.indices.contains(index), !next.hasPrefix(" "), !next.hasPrefix("\t") else {
        throw AudiobookError(
          .badInput, "the entry for '\(word.quotedForMessage)' spans lines; edit it by hand", file: file, line: line)
      }
    }
    return lines.enumerated().filter { !stale.contains($0.offset + 1) }.map(\.element)
  }

  /// The entry as one line of YAML.
  package static func line(word: String, said: String) -> String {
    "\(quoted(word)): \(quoted(said.trimmingSpaces))"
  }

  /// A YAML double-quoted scalar.
  private static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += String(format: "\\x%02X", scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
