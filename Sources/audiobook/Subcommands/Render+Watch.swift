import AudiobookKit
import Foundation

extension AudiobookCommand.Render {
  /// `--watch`: waits for a save of one of `files`, renders again (one commit, as every render
  /// is), prints one line, and waits again. A render that fails on the book's files (a typo
  /// in the lexicon) is reported and the folder keeps the last good render; the next save
  /// tries again. Ctrl-C ends it; the folder is whole, since a render commits in one step.
  func watchAndRender(_ files: [String]) throws(AudiobookError) {
    var files = files
    var announced: [String] = []
    while true {
      if !quiet && files != announced {
        let names = files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
        FileHandle.standardError.write(Data("watching \(names) for changes (Ctrl-C ends)\n".utf8))
        announced = files
      }
      let watch = try FileWatch(files: files)
      guard let changed = watch.waitForChange() else { return }
      let names = changed.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
      do {
        files = try renderOnce(changed: names)
      } catch  where [.badInput, .missingInput, .usage].contains(error.kind) {
        Diagnostics.printError(error)
        FileHandle.standardError.write(Data("note: \(names) changed; the folder keeps the last render\n".utf8))
      }
    }
  }

  /// The files whose change changes a render of `book` with `preset`: the manuscript, the
  /// settings and lexicon files beside it (made or not), every lexicon it reads, `--lexicon`
  /// and `--chapters`, and the preset's file.
  static func watchedFiles(of book: Book, preset: VoicePreset, flags: [String?]) -> [String] {
    var files = [
      book.sourceFile, BookReader.settingsFile(besides: book.sourceFile),
      BookReader.lexiconFile(besides: book.sourceFile),
    ]
    files += flags.compactMap { $0 }
    files += book.lexicon.entries.map(\.file) + preset.lexicon.entries.map(\.file)
    if case .file(let path) = preset.source { files.append(path) }
    return Array(Set(files)).sorted()
  }
}
