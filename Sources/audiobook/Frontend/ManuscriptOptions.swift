import ArgumentParser
import AudiobookKit
import Foundation

/// `--encoding`, `--language`, `--include-front-matter` and the like, shared by the commands that read a manuscript.
struct ManuscriptOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      """
      The manuscript's encoding when it is not UTF-8: any name `iconv -l` lists (utf-16, windows-1252, macroman, koi8-r, ...). \
      Without it: UTF-8, UTF-16 with a byte-order mark, else Windows-1252 with a warning.
      """, valueName: "name"))
  var encoding: String?

  @Option(
    help: ArgumentHelp(
      """
      A pronunciation lexicon (YAML: word: respelling or "[[phonemes]]"); its entries win over \
      BOOK.lexicon.yaml beside the manuscript, the front matter's lexicon and the voice's.
      """, valueName: "file"),
    completion: .yaml)
  var lexicon: String?

  @Option(
    help: ArgumentHelp(
      """
      The book's language as a BCP 47 tag (en, fr, de-AT, pt-BR): it picks the sentence rules, the chapter words, \
      the speech text and the default voice. Without it: the settings file's, the front matter's, the EPUB's or the \
      Gutenberg header's language, else the one the text is written in (see `plan`).
      """, valueName: "tag"))
  var language: String?

  @Flag(help: "Read an EPUB's cover, table of contents and copyright page too (skipped by default).")
  var includeFrontMatter = false

  @Option(
    help: ArgumentHelp(
      """
      Cut the book into the chapters this file lists instead of the headings found: one chapter a line, \
      LINE or LINE<tab>TITLE, LINE the source line `plan` prints (`plan --chapters-out FILE` writes one to edit).
      """, valueName: "file"))
  var chapters: String?

  @Option(
    name: .customLong("skip"),
    help: ArgumentHelp(
      "Leave chapter N (numbered as `plan` prints it without --skip) out of the audiobook; repeatable.",
      valueName: "n"))
  var skipped: [Int] = []

  func validate() throws {
    if let language, !BookLanguage.isTag(language) {
      throw ValidationError(
        "--language takes a BCP 47 tag such as en, fr-CA or pt-BR; got '\(language.quotedForMessage)'.")
    }
  }

  /// Reads `path` into a book, printing what the reader had to guess unless `quiet`, without
  /// the chapters `--skip` names.
  func read(_ path: String, quiet: Bool = false) throws(AudiobookError) -> Book {
    try skip(try readAll(path, quiet: quiet), quiet: quiet)
  }

  /// Reads `path` into a book with every chapter, printing what the reader had to guess
  /// unless `quiet`.
  func readAll(_ path: String, quiet: Bool = false) throws(AudiobookError) -> Book {
    let book = try BookReader.read(
      path, encoding: encoding, includeFrontMatter: includeFrontMatter, lexicon: lexicon, chapters: chapters,
      language: language)
    if !quiet { for warning in book.warnings { Self.printError(warning) } }
    return book
  }

  /// `book` without the chapters `--skip` names, each named on stderr unless `quiet`.
  func skip(_ book: Book, quiet: Bool = false) throws(AudiobookError) -> Book {
    let kept = try book.skipping(skipped)
    if !quiet {
      for chapter in book.chapters where skipped.contains(chapter.number) {
        Self.printError(
          "\(book.sourceFile):\(chapter.sourceLine): note: chapter \(chapter.number) "
            + "(\(chapter.title.withoutControlCharacters)) left out (--skip \(chapter.number))")
      }
    }
    return kept
  }

  private static func printError(_ line: String) {
    FileHandle.standardError.write(Data("\(line)\n".utf8))
  }
}
