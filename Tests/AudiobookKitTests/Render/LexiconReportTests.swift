import Testing

@testable import AudiobookCore
@testable import AudiobookBook
@testable import AudiobookSpeech
@testable import AudiobookPublish
@testable import AudiobookKit

@Suite struct LexiconReportTests {
  static func book(lexicon: Lexicon) -> Book {
    var book = Book(
      title: "Lex", author: nil,
      chapters: [
        Chapter(
          number: 1, title: "Chapter 1: Hermione", sourceLine: 3,
          paragraphs: [Paragraph(number: 1, id: "c1p1", sourceLine: 5, text: "Hermione smiled at Jean-Luc.")])
      ], sourceFile: "lex.txt")
    book.lexicon = lexicon
    return book
  }

  static let lexicon = Lexicon(entries: [
    .init(word: "Hermione", spoken: .respelling("her-MY-oh-nee"), file: "lex.yaml", line: 1),
    .init(word: "Jean-Luc", spoken: .respelling("zhahn luke"), file: "lex.yaml", line: 2),
  ])

  /// The title is spoken with the lexicon, so the report counts its words from the title's line.
  @Test func titlesCountInTheReport() throws {
    let report = try LexiconReport(
      book: Self.book(lexicon: Self.lexicon), preset: VoicePreset(name: "p"),
      workerExecutable: TestSupport.workerExecutable)
    #expect(report.replacements.map(\.word) == ["Hermione", "Jean-Luc"])
    #expect(report.replacements.map(\.count) == [2, 1])
    #expect(report.replacements.map(\.firstLine) == [3, 5])
  }

  /// `render` sends the title through the lexicon too.
  @Test func theRenderPlanSpeaksTitlesWithTheLexicon() throws {
    let plan = try RenderPlan(
      book: Self.book(lexicon: Self.lexicon), preset: VoicePreset(name: "p"), engine: try EspeakVoices.info())
    #expect(plan.chapters.first?.title.script.pieces == ["Chapter 1.", "her-MY-oh-nee."])
  }
}
