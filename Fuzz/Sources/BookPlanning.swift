@testable import AudiobookBook
@testable import AudiobookSpeech
@testable import AudiobookKit

/// What `plan` and `render` do with a book once it is read, short of speaking it: split
/// every paragraph into sentences and speech pieces, name the chapter files, hash the clips.
enum BookPlanning {
  /// The engine a render would report; only its fields enter the plan's hashes.
  static let engine = EngineInfo(version: "1.51", dataPath: "/usr/share/espeak-ng-data", sampleRate: 22_050)

  /// Plans `book` with the default voice preset, as `plan` and `render` would.
  static func plan(_ book: Book, preset: VoicePreset = VoicePreset(name: "fuzz")) {
    _ = try? BookPlan(book: book, preset: preset).encoded()
    _ = try? RenderPlan(book: book, preset: preset, engine: engine)
  }

  /// Reads the manuscript at `path` (its extension picks the reader) and plans it.
  static func readAndPlan(_ path: String, includeFrontMatter: Bool = false) {
    guard let book = try? BookReader.read(path, includeFrontMatter: includeFrontMatter) else { return }
    plan(book)
  }
}
