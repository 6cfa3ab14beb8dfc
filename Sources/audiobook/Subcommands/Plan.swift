import ArgumentParser
import AudiobookKit
import Foundation

extension AudiobookCommand {
  struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show the chapters a render would make, with word counts and estimated durations.",
      discussion: "Chapter and paragraph numbers here are the ones `say --paragraph C:P` uses.")

    @Argument(help: "The manuscript.")
    var book: String

    @Flag(
      help:
        "Print JSON: title, author and chapters[] with number, title, sourceLine, paragraphs, words, estimatedSeconds.")
    var json = false

    @OptionGroup var voiceOptions: VoiceOptions

    @OptionGroup var manuscript: ManuscriptOptions

    func run() throws {
      try Diagnostics.run {
        let parsed = try manuscript.read(book)
        let plan = try BookPlan(
          book: parsed, preset: try voiceOptions.preset(bookVoice: parsed.voice, book: book, language: parsed.language))
        if json {
          FileHandle.standardOutput.write(Data(try plan.encoded()))
          return
        }
        print(plan.title + (plan.author.map { " by \($0)" } ?? ""))
        let width = max(5, plan.chapters.map(\.title.count).max() ?? 0)
        print(
          "   #  " + "Title".padding(toLength: width, withPad: " ", startingAt: 0)
            + "   Line  Paragraphs   Words  Duration")
        for chapter in plan.chapters {
          print(
            String(format: "%4d  ", chapter.number)
              + chapter.title.padding(toLength: width, withPad: " ", startingAt: 0)
              + String(format: " %6d  %10d  %6d  ", chapter.sourceLine, chapter.paragraphs, chapter.words)
              + Renderer.formatDuration(seconds: Double(chapter.estimatedSeconds)))
        }
        let total = plan.chapters.reduce(0) { $0 + $1.estimatedSeconds }
        let words = plan.chapters.reduce(0) { $0 + $1.words }
        print(
          "\(plan.chapters.count) chapters, \(words) words, about \(Renderer.formatDuration(seconds: Double(total))) of audio"
        )
      }
    }
  }
}
