import Foundation
import Testing

@testable import AudiobookBook
@testable import AudiobookSpeech
@testable import AudiobookKit

/// The book as the studio shows it, and which paragraphs a change makes sound different.
@Suite struct StudioBookTests {
  static let text = """
    The Bell

    Chapter 1

    Tom rang the bell at noon. Nobody came.

    The square stayed empty. The NTSB sent nobody.

    Chapter 2

    At one, Tom rang it again.

    """

  func studioBook(_ text: String, lexicon: String = "", preset: VoicePreset = VoicePreset(name: "narrator"))
    throws -> StudioBook
  {
    try TestSupport.withScratchFolder { folder in
      let path = try TestSupport.write(text, to: "book.txt", in: folder)
      if !lexicon.isEmpty { _ = try TestSupport.write(lexicon, to: "book.lexicon.yaml", in: folder) }
      let book = try BookReader.read(path)
      let engine = EngineInfo(version: "test", dataPath: "/test", sampleRate: 22_050)
      return try StudioBook(
        book: book, preset: preset, engine: engine, lexiconFile: "book.lexicon.yaml", version: 1
      ) { candidates in candidates.filter { $0 == "NTSB" || $0 == "Tom" } }
    }
  }

  @Test func paragraphsAreNumberedAsPlanNumbersThem() throws {
    let book = try studioBook(Self.text)
    #expect(book.chapters.map(\.number) == [1, 2])
    #expect(book.chapters[0].paragraphs.map(\.address) == ["1:1", "1:2"])
    #expect(book.chapters[0].paragraphs[0].sentences == ["Tom rang the bell at noon.", "Nobody came."])
    #expect(book.chapters[0].paragraphs[0].sourceLine == 5)
    // Only the words worth asking about reach the check ("Tom" is read as a word).
    #expect(book.spelled == ["NTSB"])
  }

  @Test func anEditedParagraphIsTheOnlyOneChanged() throws {
    let before = try studioBook(Self.text)
    let after = try studioBook(Self.text.replacingOccurrences(of: "stayed empty", with: "filled slowly"))
    #expect(after.changedParagraphs(since: before) == ["1:2"])
    #expect(before.changedParagraphs(since: before).isEmpty)
  }

  @Test func aLexiconEntryChangesTheParagraphsWithTheWord() throws {
    let before = try studioBook(Self.text)
    let after = try studioBook(Self.text, lexicon: "Tom: tomm\n")
    #expect(after.changedParagraphs(since: before) == ["1:1", "2:1"])
  }

  @Test func anotherVoiceOrPauseChangesEveryParagraph() throws {
    let before = try studioBook(Self.text)
    var slower = VoicePreset(name: "narrator")
    slower.pauses.sentence += 100
    #expect(try studioBook(Self.text, preset: slower).changedParagraphs(since: before) == ["1:1", "1:2", "2:1"])
    var other = VoicePreset(name: "narrator")
    other.engine.rate += 10
    #expect(try studioBook(Self.text, preset: other).changedParagraphs(since: before).count == 3)
  }

  @Test func aChapterWarningSitsWithItsChapter() throws {
    let book = try studioBook(Self.text.replacingOccurrences(of: "Chapter 2", with: "Chapter 4"))
    #expect(book.chapters[1].warnings.count == 1, "\(book.warnings)")
    #expect(book.chapters[1].warnings.first?.contains("warning:") == true)
    #expect(book.chapters[0].warnings.isEmpty)
  }
}
