import ArgumentParser
import AudiobookKit
import Foundation

extension AudiobookCommand {
  struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show the chapters a render would make, with word counts and estimated durations.",
      discussion: "Chapter and paragraph numbers here are the ones `say --paragraph C:P` uses.")

    @Argument(help: "The manuscript.", completion: .manuscript)
    var book: String

    @Flag(
      help:
        "Print JSON: title, author, language (ISO 639-1), metadata{}, settings{}, origins{}, chapters[] with number, title, sourceLine, paragraphs, words, estimatedSeconds, and warnings[]."
    )
    var json = false

    @Flag(
      help: """
        Instead of the chapters: every word the lexicons replace (word, said as, count, first line, entry) \
        and the words espeak-ng would spell out letter by letter. With --json: replacements[] and spelledOut[].
        """)
    var lexiconReport = false

    @Flag(
      help: ArgumentHelp(
        """
        List the cast's voices and, per chapter, each quotation's first words, its line and who reads it, \
        with why (tag, pronoun, paragraph, continued, alternation, correction, unattributed). \
        Correct one with `at: LINE` under the speaker in the cast. With --json: voices[] and chapters[].
        """))
    var castReport = false

    @Option(
      help: ArgumentHelp(
        """
        Also write the chapters found (before --skip) to this file, one a line as LINE<tab>TITLE: \
        correct a line and give the file back with --chapters.
        """, valueName: "file"))
    var chaptersOut: String?

    @OptionGroup var voiceOptions: VoiceOptions

    @OptionGroup var manuscript: ManuscriptOptions

    @OptionGroup(title: "Book metadata (each wins over the manuscript's)") var metadata: MetadataOptions

    /// The metadata the files will carry and the settings the book keeps, each with where it
    /// came from when not from the manuscript itself.
    private func printSettings(_ plan: BookPlan) {
      let fields = BookMetadata.keys.compactMap { key in plan.metadata[key].map { (key, $0) } }
      let settings = BookSettings.keys.compactMap { key in plan.settings[key].map { (key, $0) } }
      for (key, value) in fields + settings {
        let origin = plan.origins[key].map { "  (\($0.withoutControlCharacters))" } ?? ""
        print("  \(key): \(value.withoutControlCharacters.quoted(upTo: 100))\(origin)")
      }
      // A book that names no language and whose text does not tell is read as English: say so.
      if plan.metadata["language"] == nil {
        print("  language: \(plan.language)  (\(plan.origins["language"] ?? BookPlan.defaultLanguageOrigin))")
      }
    }

    func run() throws {
      try Diagnostics.run {
        if let chaptersOut {
          try OutputTarget.refuseOverwriting(
            chaptersOut,
            inputs: [book, manuscript.lexicon, manuscript.chapters, BookReader.lexiconFile(besides: book)]
              .compactMap { $0 }, flag: "--chapters-out")
        }
        let whole = try manuscript.readAll(book)
        if let chaptersOut {
          try OutputTarget.write(Array(ChapterList.text(of: whole).utf8), to: chaptersOut)
        }
        let parsed = try metadata.applied(to: try manuscript.skip(whole))
        // The settings render would refuse are refused here too, naming their line.
        _ = try PublishingOptions.options(PublishingOptions.Given(), with: parsed.settings)
        let preset = try voiceOptions.preset(
          bookVoice: parsed.voice, book: book, language: parsed.language, voiceSetting: parsed.settings["voice"])
        if lexiconReport {
          try printLexiconReport(try LexiconReport(book: parsed, preset: preset))
          return
        }
        if castReport {
          guard let cast = try CastVoices.resolve(book: parsed, preset: preset, library: voiceOptions.library) else {
            throw AudiobookError(
              .usage,
              "the book has no cast: give one under `cast:` in its front matter, its settings file or the voice preset",
              file: book)
          }
          try printCastReport(CastReport(book: parsed, cast: cast))
          return
        }
        let plan = try BookPlan(book: parsed, preset: preset)
        if json {
          StandardOutput.write(try plan.encoded())
          return
        }
        // Everything printed that comes from the book or a lexicon loses its control characters,
        // so a title cannot move the cursor or recolour the terminal.
        print(plan.title.withoutControlCharacters + (plan.author.map { " by \($0.withoutControlCharacters)" } ?? ""))
        printSettings(plan)
        let titles = plan.chapters.map(\.title.withoutControlCharacters)
        let width = max(5, titles.map(\.count).max() ?? 0)
        print(
          "   #  " + "Title".padding(toLength: width, withPad: " ", startingAt: 0)
            + "   Line  Paragraphs   Words  Duration")
        var part: String?
        for (chapter, title) in zip(plan.chapters, titles) {
          if let chapterPart = chapter.part, chapterPart != part {
            print("      \(chapterPart.withoutControlCharacters)")
          }
          part = chapter.part
          print(
            String(format: "%4d  ", chapter.number)
              + title.padding(toLength: width, withPad: " ", startingAt: 0)
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

    private func printLexiconReport(_ report: LexiconReport) throws {
      if json {
        StandardOutput.write(try report.encoded())
        return
      }
      print("Replaced by the lexicon: \(report.replacements.count) words")
      if !report.replacements.isEmpty {
        let rows = report.replacements.map { [$0.word, $0.saidAs, String($0.count), String($0.firstLine), $0.entry] }
        printTable(header: ["word", "said as", "count", "first line", "entry"], rows: rows)
      }
      print("Spelled out letter by letter by espeak-ng: \(report.spelledOut.count) words")
      if !report.spelledOut.isEmpty {
        let rows = report.spelledOut.map { [$0.word, String($0.count), String($0.firstLine)] }
        printTable(header: ["word", "count", "first line"], rows: rows)
      }
    }

    private func printCastReport(_ report: CastReport) throws {
      if json {
        StandardOutput.write(try report.encoded())
        return
      }
      print("Cast:")
      printTable(
        header: ["voice", "espeak-ng", "rate", "pitch"],
        rows: report.voices.map { [$0.name, $0.espeakVoice, String($0.rate), String($0.pitch)] })
      for chapter in report.chapters where !chapter.quotations.isEmpty {
        print("Chapter \(chapter.number): \(chapter.title.withoutControlCharacters.quoted(upTo: 80))")
        printTable(
          header: ["line", "voice", "why", "quotation"],
          rows: chapter.quotations.map { quotation in
            let why = quotation.taggedName.map { "\(quotation.reason) (\($0))" } ?? quotation.reason
            return [String(quotation.line), quotation.voice, why, quotation.opening]
          })
      }
      let all = report.chapters.flatMap(\.quotations)
      let unattributed = all.filter { $0.reason == "unattributed" }.count
      print("\(all.count) quotations, \(all.count - unattributed) attributed, \(unattributed) to the default voice")
    }

    private func printTable(header: [String], rows: [[String]]) {
      let rows = rows.map { $0.map(\.withoutControlCharacters) }
      let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
      for row in [header] + rows {
        let cells = zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
        print("  " + cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
      }
    }
  }
}
