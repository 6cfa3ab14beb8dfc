import ArgumentParser
import AudiobookKit
import Foundation

/// `--encoding` and `--include-front-matter`, shared by the commands that read a manuscript.
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

  @Flag(help: "Read an EPUB's cover, table of contents and copyright page too (skipped by default).")
  var includeFrontMatter = false

  /// Reads `path` into a book, printing what the reader had to guess unless `quiet`.
  func read(_ path: String, quiet: Bool = false) throws(AudiobookError) -> Book {
    let book = try BookReader.read(
      path, encoding: encoding, includeFrontMatter: includeFrontMatter, lexicon: lexicon)
    if !quiet { for warning in book.warnings { FileHandle.standardError.write(Data("\(warning)\n".utf8)) } }
    return book
  }
}
