import Testing

@testable import AudiobookCore
@testable import AudiobookBook
@testable import AudiobookSpeech
@testable import AudiobookPublish
@testable import AudiobookKit

@Suite struct BookPlanTests {
  @Test func countsAndEstimates() throws {
    let book = Book(
      title: "T", author: "A",
      chapters: [
        Chapter(
          number: 1, title: "One", sourceLine: 1,
          paragraphs: [
            Paragraph(number: 1, id: "a", sourceLine: 3, text: "One two three. Four five."),
            Paragraph(number: 2, id: "b", sourceLine: 5, text: "Six."),
          ])
      ], sourceFile: "t.txt")
    var preset = VoicePreset(name: "p")
    preset.engine.rate = 60
    preset.pauses = Pauses(sentence: 1000, paragraph: 2000, afterTitle: 3000, head: 4000, tail: 5000)
    let plan = try BookPlan(book: book, preset: preset)
    #expect(plan.chapters.count == 1)
    let chapter = plan.chapters[0]
    #expect(chapter.paragraphs == 2)
    #expect(chapter.words == 6)
    // 7 words (with the title) at 60 wpm, one sentence pause, one paragraph pause, head, title, tail.
    #expect(chapter.estimatedSeconds == 7 + 1 + 2 + 3 + 4 + 5)
  }
}
