import AudiobookKit
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `audiobook render BOOK --output DIR`, end to end.
@Suite struct RenderCommandTests {
  /// Renders `book` into `scratch/name`, requiring success; returns the book folder.
  private func render(_ book: String, into scratch: ScratchDirectory, _ name: String = "out") throws -> String {
    let result = try Audiobook.run(["render", book, "--output", scratch.appending(name)], in: scratch.url)
    try #require(result.status == 0 && result.exited, "render failed: \(result.stderrText)")
    return scratch.appending(name)
  }

  // MARK: The example book

  @Test func exampleBookGivesOneFilePerChapterACueSheetAndAManifest() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let output = try render(Fixtures.exampleBook, into: scratch)

    #expect(RenderedFolder.allFiles(under: output).first == "the-lighthouse-ledger")
    let folder = (output as NSString).appendingPathComponent("the-lighthouse-ledger")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    #expect(
      files == [
        "01 Chapter 1 The Letter.wav", "02 Chapter 2 The Crossing.wav", "03 Chapter 3 The Keeper.wav",
        "manifest.json", "the-lighthouse-ledger.cue",
      ])
    #expect(files.filter(RenderedFolder.isTemporary).isEmpty)

    let manifest = try ManifestFile.read((folder as NSString).appendingPathComponent("manifest.json"))
    #expect(manifest.title == "The Lighthouse Ledger")
    #expect(manifest.author == "Ada Finch")
    #expect(manifest.sampleRate == 22050)
    #expect(manifest.chapters.map(\.number) == [1, 2, 3])
    #expect(manifest.chapters.map(\.title) == Fixtures.exampleChapterTitles)
    for chapter in manifest.chapters {
      let prefix = chapter.file.prefix { $0 != " " }
      #expect(prefix.count >= 2 && prefix.allSatisfy(\.isNumber), "\(chapter.file)")
      #expect(Int(prefix) == chapter.number)
      #expect(chapter.file.hasSuffix(".wav"))
      #expect(files.contains(chapter.file))
    }
    #expect(manifest.chapters.map { $0.paragraphs.count } == [3, 4, 4])
    #expect(
      manifest.chapters.map { $0.paragraphs.map(\.sourceLine) } == [[6, 11, 14], [20, 24, 26, 29], [35, 39, 43, 46]])
  }

  @Test func chapterFilesAre16BitMonoAt22050WithTheFramesTheManifestClaims() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let folder = (try render(Fixtures.exampleBook, into: scratch) as NSString).appendingPathComponent(
      "the-lighthouse-ledger")
    let manifest = try ManifestFile.read((folder as NSString).appendingPathComponent("manifest.json"))
    try #require(manifest.chapters.count == 3)
    for chapter in manifest.chapters {
      let wav = try SoundFileReader(path: (folder as NSString).appendingPathComponent(chapter.file))
      #expect(wav.isPCM16WAV, "\(chapter.file)")
      #expect(wav.channels == 1)
      #expect(wav.sampleRate == 22050)
      #expect(wav.tags.title == chapter.title && wav.tags.artist == "Ada Finch", "\(chapter.file): \(wav.tags)")
      #expect(wav.tags.album == "The Lighthouse Ledger" && wav.tags.trackNumber == String(chapter.number))
      #expect(wav.frames == chapter.frames, "\(chapter.file)")
      #expect(wav.frames % 294 == 0, "\(chapter.file) is not a whole number of cue frames: \(wav.frames)")
      #expect(wav.frames > 22050, "\(chapter.file) is suspiciously short")
    }
  }

  @Test func sentencesLieInsideTheirFileInOrderWithoutOverlap() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let folder = (try render(Fixtures.exampleBook, into: scratch) as NSString).appendingPathComponent(
      "the-lighthouse-ledger")
    let manifest = try ManifestFile.read((folder as NSString).appendingPathComponent("manifest.json"))
    for chapter in manifest.chapters {
      var previousEnd = 0
      for paragraph in chapter.paragraphs {
        try #require(!paragraph.sentences.isEmpty)
        #expect(paragraph.startFrame == paragraph.sentences[0].startFrame)
        let last = try #require(paragraph.sentences.last)
        #expect(paragraph.startFrame + paragraph.frames == last.startFrame + last.frames)
        for sentence in paragraph.sentences {
          #expect(sentence.frames > 0, "empty sentence '\(sentence.text)'")
          #expect(sentence.startFrame >= previousEnd, "'\(sentence.text)' overlaps the sentence before it")
          #expect(sentence.startFrame + sentence.frames <= chapter.frames, "'\(sentence.text)' runs past the file")
          previousEnd = sentence.startFrame + sentence.frames
        }
      }
    }
  }

  @Test func sentenceTextsAreTheBookAsWritten() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let folder = (try render(Fixtures.exampleBook, into: scratch) as NSString).appendingPathComponent(
      "the-lighthouse-ledger")
    let manifest = try ManifestFile.read((folder as NSString).appendingPathComponent("manifest.json"))
    let lines = try String(contentsOfFile: Fixtures.exampleBook, encoding: .utf8).components(separatedBy: "\n")
    for paragraph in manifest.chapters.flatMap(\.paragraphs) {
      let block = lines.dropFirst(paragraph.sourceLine - 1).prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
      #expect(
        paragraph.sentences.map(\.text).joined(separator: " ") == block.joined(separator: " ").collapsingWhitespace)
    }
    let second = try #require(manifest.chapters.first?.paragraphs.dropFirst().first)
    #expect(
      second.sentences.map(\.text) == [
        "\"Dear Doctor,\" it began.", "\"The lamp still turns, but the keeper does not answer.",
        "I have rowed out three times.", "Please come.\"",
      ])
  }

  @Test func thePauseBeforeEachLaterSentenceOfAParagraphIsDigitalSilence() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let folder = (try render(Fixtures.exampleBook, into: scratch) as NSString).appendingPathComponent(
      "the-lighthouse-ledger")
    let manifest = try ManifestFile.read((folder as NSString).appendingPathComponent("manifest.json"))
    let pause = frames(milliseconds: manifest.voice.pauses.sentence, sampleRate: manifest.sampleRate)
    try #require(pause > 0)
    var checked = 0
    for chapter in manifest.chapters {
      let samples = try SoundFileReader(path: (folder as NSString).appendingPathComponent(chapter.file)).samples()
      try #require(samples.count == chapter.frames)
      for paragraph in chapter.paragraphs {
        for sentence in paragraph.sentences.dropFirst() {
          let range = (sentence.startFrame - pause)..<sentence.startFrame
          try #require(range.lowerBound >= 0)
          let loud = samples[range].filter { $0 != 0 }.count
          #expect(loud == 0, "\(loud) non-zero samples in the pause before '\(sentence.text)' in \(chapter.file)")
          checked += 1
        }
      }
      // The speech itself is not silence.
      for sentence in chapter.paragraphs.flatMap(\.sentences) {
        let range = sentence.startFrame..<(sentence.startFrame + sentence.frames)
        #expect(samples[range].contains { $0 != 0 }, "'\(sentence.text)' is silent")
      }
    }
    #expect(checked >= 10)
  }

  @Test func cueSheetIsReadByCueprintAndNamesTheChapterFiles() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let folder = (try render(Fixtures.exampleBook, into: scratch) as NSString).appendingPathComponent(
      "the-lighthouse-ledger")
    let cue = (folder as NSString).appendingPathComponent("the-lighthouse-ledger.cue")

    let printed = try runTool("cueprint", [cue], in: scratch.url)
    #expect(printed.status == 0, "cueprint: \(printed.stderrText)")
    #expect(printed.stdoutText.contains("The Lighthouse Ledger"))
    #expect(printed.stdoutText.contains("Ada Finch"))
    for title in Fixtures.exampleChapterTitles {
      #expect(printed.stdoutText.contains(title), "cueprint does not show '\(title)'")
    }
    #expect(printed.stdoutText.contains("no. of tracks:\t3"))

    let breakpoints = try runTool("cuebreakpoints", [cue], in: scratch.url)
    #expect(breakpoints.status == 0, "cuebreakpoints: \(breakpoints.stderrText)")

    // Every FILE the sheet names is a chapter file beside it; no byte-order mark.
    let bytes = try Data(contentsOf: URL(fileURLWithPath: cue))
    #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]))
    let named = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
      .filter { $0.hasPrefix("FILE \"") }
      .map { $0.dropFirst("FILE \"".count).prefix { $0 != "\"" } }
    #expect(named.count == 3)
    for file in named {
      #expect(FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(String(file))))
    }
  }

  @Test func renderingTwiceGivesByteIdenticalFiles() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let first = try render(Fixtures.exampleBook, into: scratch, "first")
    let second = try render(Fixtures.exampleBook, into: scratch, "second")
    let firstFiles = RenderedFolder.allFiles(under: first)
    #expect(firstFiles == RenderedFolder.allFiles(under: second))
    #expect(firstFiles.filter { $0.hasSuffix(".wav") }.count == 3)
    for file in firstFiles where file.contains(".") {
      let a = try Data(contentsOf: URL(fileURLWithPath: (first as NSString).appendingPathComponent(file)))
      let b = try Data(contentsOf: URL(fileURLWithPath: (second as NSString).appendingPathComponent(file)))
      #expect(a == b, "\(file) differs between two renders")
    }
    #expect(firstFiles.filter(RenderedFolder.isTemporary).isEmpty)
  }

  // MARK: Other manuscripts

  @Test func plainTextWithoutHeadingsIsOneChapterNamedAfterTheFile() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try scratch.write(
      """
      The rain had stopped by noon. Nobody in the village noticed.

      She walked down to the harbour and waited.
      The boat was late again.

      It came at dusk, and she smiled.

      """, to: "my-short-story.txt")
    let output = try render(book, into: scratch)
    let folder = (output as NSString).appendingPathComponent("my-short-story")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    #expect(files == ["01 My Short Story.wav", "manifest.json", "my-short-story.cue"])
    let manifest = try ManifestFile.read((folder as NSString).appendingPathComponent("manifest.json"))
    #expect(manifest.title == "My Short Story")
    #expect(manifest.chapters.map(\.title) == ["My Short Story"])
    #expect(manifest.chapters.first?.paragraphs.count == 3)
    #expect(manifest.chapters.first?.paragraphs.map(\.sourceLine) == [1, 3, 6])
    #expect(
      manifest.chapters.first?.paragraphs[1].sentences.map(\.text) == [
        "She walked down to the harbour and waited.", "The boat was late again.",
      ])
  }

  @Test func markdownFrontMatterGivesTitleAndAuthorAndSecondLevelHeadingsGiveChapters() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try scratch.write(
      """
      ---
      title: The Glass Harbour
      author: Mira Stone
      ---

      # Part One

      ## The Arrival

      She came on a *grey* morning. The **harbour** was quiet.

      Gulls _circled_ the mast.

      ## The Departure

      He left with _nothing_ but a __coat__. Nobody waved.

      """, to: "draft.md")
    let output = try render(book, into: scratch)
    let folder = (output as NSString).appendingPathComponent("the-glass-harbour")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    #expect(files == ["01 The Arrival.wav", "02 The Departure.wav", "manifest.json", "the-glass-harbour.cue"])
    let manifest = try ManifestFile.read((folder as NSString).appendingPathComponent("manifest.json"))
    #expect(manifest.title == "The Glass Harbour")
    #expect(manifest.author == "Mira Stone")
    #expect(manifest.chapters.map(\.title) == ["The Arrival", "The Departure"])
    #expect(manifest.chapters.map { $0.paragraphs.count } == [2, 1])
    let sentences = manifest.chapters.flatMap(\.paragraphs).flatMap(\.sentences).map(\.text)
    #expect(
      sentences == [
        "She came on a grey morning.", "The harbour was quiet.", "Gulls circled the mast.",
        "He left with nothing but a coat.", "Nobody waved.",
      ])
    for sentence in sentences {
      #expect(!sentence.contains("*") && !sentence.contains("_"), "emphasis marker left in '\(sentence)'")
    }
    let cue = try String(
      contentsOfFile: (folder as NSString).appendingPathComponent("the-glass-harbour.cue"), encoding: .utf8)
    #expect(cue.contains("PERFORMER \"Mira Stone\""))
  }

  @Test(
    .enabled(
      if: FileManager.default.fileExists(atPath: Fixtures.valerieLoren),
      "needs ../shared/books/valerie-loren.txt beside the working copy"))
  func valerieLorenRendersAsOneChapterWithEveryParagraph() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let output = try render(Fixtures.valerieLoren, into: scratch)
    let folder = (output as NSString).appendingPathComponent("valerie-loren")
    let manifest = try ManifestFile.read((folder as NSString).appendingPathComponent("manifest.json"))
    #expect(manifest.chapters.map(\.title) == ["Valerie Loren"])
    let chapter = try #require(manifest.chapters.first)

    let text = try String(contentsOfFile: Fixtures.valerieLoren, encoding: .utf8)
      .replacingOccurrences(of: "\r\n", with: "\n")
    var blocks: [String] = []
    var current: [String] = []
    for line in text.components(separatedBy: "\n") {
      if line.trimmingCharacters(in: .whitespaces).isEmpty {
        if !current.isEmpty { blocks.append(current.joined(separator: " ").collapsingWhitespace) }
        current = []
      } else {
        current.append(line)
      }
    }
    if !current.isEmpty { blocks.append(current.joined(separator: " ").collapsingWhitespace) }
    try #require(blocks.count > 1)

    #expect(chapter.paragraphs.count == blocks.count)
    for (paragraph, block) in zip(chapter.paragraphs, blocks) {
      #expect(paragraph.sentences.map(\.text).joined(separator: " ") == block)
    }
    let wav = try SoundFileReader(path: (folder as NSString).appendingPathComponent(chapter.file))
    #expect(wav.frames == chapter.frames)
    #expect(wav.isPCM16WAV)
  }

  // MARK: Interruption

  /// SIGTERM (a CI job cancelled) and SIGINT (Ctrl-C): exit 128 + the signal with one line
  /// saying so, no error about the temporary files the interruption removed, nothing partial.
  @Test(arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130))])
  func anInterruptedRenderExitsWith128PlusTheSignalAndLeavesNoPartialFiles(signal: Int32, status: Int32) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try scratch.write(Self.longBook(paragraphsPerChapter: 100), to: "the-long-watch.txt")
    let output = scratch.appending("out")
    let running = try Audiobook.start(["render", book, "--output", output, "--progress", "json"], in: scratch.url)
    // Once the first paragraph is spoken, the render is under way with hundreds to go.
    let spoken = running.waitForStderr { lines in lines.contains { $0.contains(#""event":"paragraph""#) } }
    guard spoken, running.isRunning else {
      if running.isRunning { kill(running.pid, SIGKILL) }
      Issue.record("the render spoke no paragraph while it ran: \(running.wait().stderrText)")
      return
    }
    let workers = childProcesses(of: running.pid)
    try #require(!workers.isEmpty, "the render has no synthesis worker")
    kill(running.pid, signal)
    let result = running.wait(timeout: 60)

    #expect(!result.timedOut, "render did not stop within 60 s of signal \(signal)")
    #expect(result.exited, "killed by signal \(result.status) instead of exiting")
    #expect(result.status == status)
    #expect(result.stderrText.contains("interrupted"))
    #expect(!result.stderrText.contains("error:"), "\(result.stderrText)")

    let folder = (output as NSString).appendingPathComponent("the-long-watch")
    let files = RenderedFolder.allFiles(under: folder)
    #expect(files.filter(RenderedFolder.isTemporary).isEmpty, "left behind: \(files)")
    let beside = RenderedFolder.allFiles(under: output).filter { $0.hasPrefix(".the-long-watch") }
    #expect(beside.isEmpty, "the render's own folder was left behind: \(beside)")
    let manifestPath = (folder as NSString).appendingPathComponent("manifest.json")
    let manifest = FileManager.default.fileExists(atPath: manifestPath) ? try ManifestFile.read(manifestPath) : nil
    for file in files where file.hasSuffix(".wav") {
      let wav = try SoundFileReader(path: (folder as NSString).appendingPathComponent(file))
      #expect(wav.isPCM16WAV && wav.frames > 0, "\(file) is not a complete WAV")
      #expect(wav.frames % 294 == 0, "\(file) does not end on a cue frame: \(wav.frames) frames")
      if let chapter = manifest?.chapters.first(where: { $0.file == file }) {
        #expect(wav.frames == chapter.frames)
      }
    }

    // The synthesis worker does not outlive the render.
    let alive = waitForExit(of: workers, timeout: 2)
    #expect(alive.isEmpty, "worker processes \(alive) still running after the render was interrupted")
  }

  /// A render killed outright (SIGKILL: no handler runs) resumes from the clip cache and ends
  /// byte-identical to a render that was never interrupted.
  @Test func aRenderKilledMidwayResumesToTheSameBytes() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try scratch.write(Self.longBook(paragraphsPerChapter: 150), to: "the-long-watch.txt")
    let killed = scratch.appending("killed")
    let running = try Audiobook.start(
      ["render", book, "--output", killed, "--progress", "json"], in: scratch.url)
    // Once more than 40 paragraphs are done (each in the clip cache), kill without warning.
    let done = running.waitForStderr { lines in lines.filter { $0.contains(#""event":"paragraph""#) }.count > 40 }
    let workers = childProcesses(of: running.pid)
    let wasRunning = running.isRunning
    if wasRunning { kill(running.pid, SIGKILL) }
    _ = running.wait(timeout: 60)
    try #require(done && wasRunning, "the render finished before it could be killed")
    // The worker sees its stdin close and exits.
    let alive = waitForExit(of: workers, timeout: 30)
    #expect(alive.isEmpty, "worker processes \(alive) still running after the render was killed")

    let resumed = try Audiobook.run(["render", book, "--output", killed, "--progress", "json"], in: scratch.url)
    #expect(resumed.status == 0, "\(resumed.stderrText)")
    let started = resumed.stderrLines.first { $0.contains("\"started\"") } ?? ""
    #expect(
      !started.contains("\"paragraphsToSynthesize\":600"), "the resumed render used nothing from the cache: \(started)")

    let clean = scratch.appending("clean")
    #expect(try Audiobook.run(["render", book, "--output", clean, "-q"], in: scratch.url).status == 0)
    let a = (killed as NSString).appendingPathComponent("the-long-watch")
    let b = (clean as NSString).appendingPathComponent("the-long-watch")
    let files = RenderedFolder.allFiles(under: a)
    #expect(files == RenderedFolder.allFiles(under: b))
    for file in files {
      #expect(
        FileManager.default.contents(atPath: "\(a)/\(file)") == FileManager.default.contents(atPath: "\(b)/\(file)"),
        "\(file) differs after the resumed render")
    }
  }

  /// Four chapters of varied, generated prose.
  static func longBook(paragraphsPerChapter: Int) -> String {
    let subjects = ["The keeper", "A gull", "The old boat", "Harriet", "The tide", "Nobody on the quay", "The lamp"]
    let verbs = ["watched", "followed", "remembered", "ignored", "circled", "counted", "welcomed"]
    let objects = [
      "the grey water", "a line of silver clouds", "the distant harbour wall", "every passing ship",
      "the broken lantern", "the quiet evening", "the ledger on the desk",
    ]
    let endings = [
      "before the rain came.", "without a word.", "for most of the afternoon.", "as the wind turned north.",
      "and then went inside.", "until the bell rang twice.",
    ]
    var lines = ["The Long Watch", "by Test Writer", ""]
    var seed = 7
    func next(_ count: Int) -> Int {
      seed = (seed &* 1_103_515_245 &+ 12345) & 0x7fff_ffff
      return seed % count
    }
    for chapter in 1...4 {
      lines += ["Chapter \(chapter): Watch \(chapter)", ""]
      for paragraph in 1...paragraphsPerChapter {
        var sentences: [String] = []
        for _ in 0..<(2 + next(3)) {
          sentences.append(
            "\(subjects[next(subjects.count)]) \(verbs[next(verbs.count)]) \(objects[next(objects.count)]) "
              + endings[next(endings.count)])
        }
        sentences.append("That was paragraph \(paragraph) of chapter \(chapter).")
        lines += [sentences.joined(separator: " "), ""]
      }
    }
    return lines.joined(separator: "\n")
  }
}

/// Runs a system tool (cuetools) by name through `/usr/bin/env`.
func runTool(_ name: String, _ arguments: [String], in directory: URL) throws -> RunResult {
  try Audiobook.start([name] + arguments, in: directory, executable: "/usr/bin/env").wait(timeout: 60)
}
