import AudiobookBook
import AudiobookSpeech

/// The files a render of a book reads, whose change changes it: what `render --watch` and
/// `studio` watch.
public enum BookSources {
  /// The manuscript, the settings and lexicon files beside it (made or not yet), every
  /// lexicon it reads, the voice preset's file, and `also` (`--lexicon`, `--chapters`).
  public static func files(of book: Book, preset: VoicePreset, also: [String?] = []) -> [String] {
    var files = [
      book.sourceFile, BookReader.settingsFile(besides: book.sourceFile),
      BookReader.lexiconFile(besides: book.sourceFile),
    ]
    files += also.compactMap { $0 }
    files += book.lexicon.entries.map(\.file) + preset.lexicon.entries.map(\.file)
    if case .file(let path) = preset.source { files.append(path) }
    return Array(Set(files)).sorted()
  }
}
