import Testing

@testable import AudiobookBook
@testable import AudiobookSpeech
@testable import AudiobookText
@testable import AudiobookKit

@Suite struct RenderPlanTests {
  let engine = EngineInfo(version: "1.51", dataPath: "/usr/share/espeak-ng-data", sampleRate: 22_050)

  /// Chapter 1 has two paragraphs, the first of two sentences; chapter 2 one paragraph of one
  /// sentence, so neither pause between sentences nor between paragraphs occurs in it.
  func book(secondChapter: String = "By morning the sea was glass.", firstParagraph: String? = nil) -> Book {
    Book(
      title: "Harbour Lights", author: "Ada Finch",
      chapters: [
        Chapter(
          number: 1, title: "One", sourceLine: 1,
          paragraphs: [
            Paragraph(number: 1, id: "a", sourceLine: 3, text: firstParagraph ?? "The fog came in. It stayed."),
            Paragraph(number: 2, id: "b", sourceLine: 5, text: "Nell lit the lamp."),
          ]),
        Chapter(
          number: 2, title: "Two", sourceLine: 7,
          paragraphs: [Paragraph(number: 1, id: "c", sourceLine: 9, text: secondChapter)]),
      ], sourceFile: "harbour.txt")
  }

  func plan(_ book: Book? = nil, preset: VoicePreset = VoicePreset(name: "narrator"), fileExtension: String = "wav")
    throws -> RenderPlan
  {
    try RenderPlan(book: book ?? self.book(), preset: preset, engine: engine, fileExtension: fileExtension)
  }

  func hashes(_ plan: RenderPlan) -> [String] { plan.chapters.map(\.contentHash) }

  /// Each part's batches are its script's, keyed for the preset and engine, numbered in
  /// reading order across the whole book.
  @Test func batchesAreKeyedAndNumberedInReadingOrder() throws {
    let long = (1...10).map { "Sentence \($0) is here." }.joined(separator: " ")
    let plan = try plan(book(firstParagraph: long))
    #expect(plan.chapters.map(\.file) == ["01 One.wav", "02 Two.wav"])
    #expect(plan.chapters.map { $0.paragraphs.map(\.paragraph?.id) } == [["a", "b"], ["c"]])
    #expect(plan.chapters.allSatisfy { $0.title.paragraph == nil })
    let first = plan.chapters[0]
    #expect(first.title.script == SpeechScript.title(of: first.chapter))
    #expect(first.paragraphs[0].batches.map(\.pieces.count) == [8, 2])
    let parts = plan.chapters.flatMap { [$0.title] + $0.paragraphs }
    for part in parts {
      #expect(part.batches.map(\.pieces) == part.script.batches.map(\.pieces))
      for batch in part.batches {
        #expect(batch.key == ClipKey(pieces: batch.pieces, settings: EngineSettings(), engine: engine))
      }
    }
    let all = plan.chapters.flatMap(\.batches)
    #expect(all.map(\.order) == Array(0..<all.count))
    #expect(all.count == 6)
  }

  /// The same text twice is the same clip, asked for twice.
  @Test func theSameTextIsTheSameKey() throws {
    let plan = try plan(book(secondChapter: "Nell lit the lamp."))
    let lamp = plan.chapters[0].paragraphs[1].batches[0]
    let again = plan.chapters[1].paragraphs[0].batches[0]
    #expect(lamp.key == again.key)
    #expect(lamp.order != again.order)
  }

  @Test func theContentHashIsStableAndFollowsTheChaptersOwnText() throws {
    let hashes = hashes(try plan())
    #expect(Set(hashes).count == 2)
    #expect(self.hashes(try plan()) == hashes)
    let edited = self.hashes(try plan(book(secondChapter: "By noon the sea was glass.")))
    #expect(edited[0] == hashes[0] && edited[1] != hashes[1])
    // The file's name is part of what it is.
    let flac = try plan(fileExtension: "flac")
    #expect(flac.chapters.map(\.file) == ["01 One.flac", "02 Two.flac"])
    #expect(Set(self.hashes(flac)).isDisjoint(with: hashes))
  }

  /// A pause changes the chapters it occurs in; the voice's settings change every clip.
  @Test func pausesChangeOnlyTheChaptersTheyOccurIn() throws {
    let hashes = hashes(try plan())
    func with(_ change: (inout VoicePreset) -> Void) throws -> [String] {
      var preset = VoicePreset(name: "narrator")
      change(&preset)
      return self.hashes(try plan(preset: preset))
    }
    let sentence = try with { $0.pauses.sentence += 100 }
    #expect(sentence[0] != hashes[0] && sentence[1] == hashes[1])
    let paragraph = try with { $0.pauses.paragraph += 100 }
    #expect(paragraph[0] != hashes[0] && paragraph[1] == hashes[1])
    for change: (inout VoicePreset) -> Void in [
      { $0.pauses.afterTitle += 1 }, { $0.pauses.head += 1 }, { $0.pauses.tail += 1 }, { $0.engine.rate += 1 },
    ] {
      let changed = try with(change)
      #expect(changed[0] != hashes[0] && changed[1] != hashes[1])
    }
  }

  /// The preset's lexicon and the book's both reach the pieces, the book's winning.
  @Test func theLexiconsReachThePieces() throws {
    var preset = VoicePreset(name: "narrator")
    preset.lexicon = Lexicon(entries: [
      .init(word: "Nell", spoken: .respelling("NELL-ee"), file: "p.yaml", line: 1),
      .init(word: "lamp", spoken: .respelling("LAMMP"), file: "p.yaml", line: 2),
    ])
    var book = book()
    book.lexicon = Lexicon(entries: [.init(word: "Nell", spoken: .respelling("NEH-ll"), file: "b.yaml", line: 1)])
    let plan = try plan(book, preset: preset)
    #expect(plan.chapters[0].paragraphs[1].script.pieces == ["NEH-ll lit the LAMMP."])
    #expect(hashes(plan)[0] != hashes(try self.plan())[0])
  }
}
