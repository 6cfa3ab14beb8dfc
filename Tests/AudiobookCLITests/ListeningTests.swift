import AudiobookKit
import Foundation
import Testing

/// `say --book` addressing, playback without a device, and subtitles with exact timings.
@Suite struct ListeningTests {
  func samples(_ path: String) throws -> [Int16] { try SoundFileReader(path: path).samples() }

  @Test func aParagraphByAddressEqualsItsSentencesInTheRender() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let output = scratch.appending("out")
    #expect(try Audiobook.run(["render", Fixtures.exampleBook, "-o", output, "-q"], in: scratch.url).status == 0)
    let manifest = try JSONDecoder().decode(
      Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: "\(output)/the-lighthouse-ledger/manifest.json")))
    let chapter = manifest.chapters[1]
    let paragraph = chapter.paragraphs[2]

    let piped = try Audiobook.run(
      ["say", "--book", Fixtures.exampleBook, "--paragraph", "2:3", "--cache", scratch.appending("no-cache")],
      in: scratch.url)
    #expect(piped.status == 0, "\(piped.stderrText)")
    let wav = try scratch.write(piped.stdout, to: "p.wav")
    let said = try samples(wav)
    let rendered = try samples("\(output)/the-lighthouse-ledger/\(chapter.file)")
    let region = Array(rendered[paragraph.startFrame..<(paragraph.startFrame + paragraph.frames)])
    #expect(Array(said.prefix(paragraph.frames)) == region)
    #expect(said.dropFirst(paragraph.frames).allSatisfy { $0 == 0 })

    // The same paragraph by a line inside it, and from the render's cache.
    let line = paragraph.sourceLine + 1
    let byLine = try Audiobook.run(
      ["say", "--book", Fixtures.exampleBook, "--line", "\(line)", "--cache", "\(output)/.audiobook-cache"],
      in: scratch.url)
    #expect(byLine.status == 0)
    #expect(byLine.stdout == piped.stdout)

    // A chapter is exactly the rendered chapter file.
    let whole = scratch.appending("c2.wav")
    #expect(
      try Audiobook.run(["say", "--book", Fixtures.exampleBook, "--chapter", "2", "-o", whole], in: scratch.url).status
        == 0)
    #expect(
      FileManager.default.contents(atPath: whole)
        == FileManager.default.contents(atPath: "\(output)/the-lighthouse-ledger/\(chapter.file)"))
  }

  @Test(arguments: [
    (["--paragraph", "2:9"], "chapter 2 has paragraphs 1 to 4"),
    (["--paragraph", "7:1"], "the book has chapters 1 to 3"),
    (["--chapter", "0"], "the book has chapters 1 to 3"),
    (["--line", "2"], "is not inside a paragraph"),
    (["--paragraph", "two"], "CHAPTER:PARAGRAPH"),
  ])
  func addressesThatDoNotExistAreUsageErrors(arguments: [String], message: String) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let result = try Audiobook.run(["say", "--book", Fixtures.exampleBook] + arguments, in: scratch.url)
    #expect(result.status == 64)
    #expect(result.stderrText.contains(message), "\(result.stderrText)")
  }

  /// On a terminal without -o the audio plays; with no player or device that is one line, exit 69.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
  func noAudioDeviceIsOneLineAndStatus69() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    // `script` gives the command a terminal for stdout; PATH without any audio player.
    let command = "PATH=/nonexistent '\(Audiobook.executable)' say 'Hello there.'"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["-qec", command, "/dev/null"]
    process.currentDirectoryURL = scratch.url
    let output = Pipe()
    process.standardOutput = output
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 69)
    let lines = text.split(whereSeparator: \.isNewline).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    #expect(lines.count == 1, "\(text)")
    #expect(text.contains("no audio player") && text.contains("-o FILE.wav"))
  }

  @Test func subtitlesAreTimedExactlyAgainstTheChapterFile() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let output = scratch.appending("out")
    let result = try Audiobook.run(
      ["render", Fixtures.exampleBook, "-o", output, "--subtitles", "vtt,srt,words", "-q"], in: scratch.url)
    #expect(result.status == 0, "\(result.stderrText)")
    let folder = "\(output)/the-lighthouse-ledger"
    let manifest = try JSONDecoder().decode(
      Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: "\(folder)/manifest.json")))
    let rate = manifest.sampleRate
    let pause = manifest.voice.pauses.sentence * rate / 1000
    for chapter in manifest.chapters {
      let base = String(chapter.file.dropLast(4))
      let vtt = try String(contentsOfFile: "\(folder)/\(base).vtt", encoding: .utf8)
      let srt = try String(contentsOfFile: "\(folder)/\(base).srt", encoding: .utf8)
      #expect(vtt.hasPrefix("WEBVTT\n"))
      let vttCues = cues(vtt, separator: ".")
      let srtCues = cues(srt, separator: ",")
      let sentences = [chapter.heading] + chapter.paragraphs.flatMap(\.sentences)
      #expect(vttCues.count >= sentences.count)
      #expect(srtCues.map(\.start) == vttCues.map(\.start))
      #expect(srtCues.map(\.end) == vttCues.map(\.end))
      // A cue starts exactly where each sentence starts, and one ends where it ends.
      let (starts, ends) = (Set(vttCues.map(\.start)), Set(vttCues.map(\.end)))
      for sentence in sentences {
        #expect(starts.contains((sentence.startFrame * 1000 + rate / 2) / rate))
        #expect(ends.contains(((sentence.startFrame + sentence.frames) * 1000 + rate / 2) / rate))
      }
      // Readable: at most 2 lines of 42 characters and 7 s a cue (a single word aside), the
      // book's text, all of it, in order.
      let blocks = srt.components(separatedBy: "\n\n").map { $0.split(separator: "\n").dropFirst(2).map(String.init) }
      for (lines, cue) in zip(blocks, srtCues) where lines.joined().contains(" ") {
        #expect(lines.count <= 2 && lines.allSatisfy { $0.count <= 42 }, "\(lines)")
        #expect(cue.end - cue.start <= 7_000, "\(lines)")
      }
      // A real reader takes every cue of both files.
      for file in ["\(folder)/\(base).vtt", "\(folder)/\(base).srt"] where ffmpegIsInstalled {
        let probed = try runTool(
          "ffprobe", ["-v", "error", "-show_entries", "packet=pts_time", "-of", "csv=p=0", file], in: scratch.url)
        #expect(probed.status == 0)
        #expect(probed.stdoutText.split(separator: "\n").count == vttCues.count, "\(file)")
      }
      let said = sentences.map { $0.text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
      #expect(blocks.map { $0.joined(separator: " ") }.joined(separator: " ") == said.joined(separator: " "))
      for (earlier, later) in zip(vttCues, vttCues.dropFirst()) {
        #expect(earlier.start < earlier.end && earlier.end <= later.start, "cues overlap or are out of order")
      }
      #expect((vttCues.last?.end ?? .max) < chapter.frames * 1000 / rate)
      // Word timings: in the manifest, and as WebVTT timestamp tags inside the cues.
      let words = chapter.paragraphs.flatMap(\.sentences).flatMap { $0.words ?? [] }
      #expect(words.count > 20)
      #expect(words.map(\.startFrame) == words.map(\.startFrame).sorted())
      // Every word as written has a timing, also those espeak-ng runs into a neighbour ("on
      // the quay", "does not answer") and those it says as several (`7:45`, `12.5`), with
      // their punctuation: the words give the sentence back.
      for sentence in chapter.paragraphs.flatMap(\.sentences) {
        let written = sentence.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(sentence.words?.map(\.text).joined(separator: " ") == written)
      }
      #expect(vtt.contains("<00:00:"))
      // The audio just before each later sentence of a paragraph is the preset's silence.
      let audio = try samples("\(folder)/\(chapter.file)")
      for sentence in chapter.paragraphs.flatMap({ $0.sentences.dropFirst() }) {
        #expect(audio[(sentence.startFrame - pause)..<sentence.startFrame].allSatisfy { $0 == 0 })
        #expect(audio[sentence.startFrame] != 0)
      }
    }
    #expect(try Audiobook.run(["verify", folder], in: scratch.url).status == 0)
  }

  /// A respelling, a year and money: the manifest's words are the book's, each timed over
  /// what was said for it.
  @Test func wordsAreTheBooksAsWritten() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try scratch.write(
      "Orchard\n\n\"Well,\" Siobhan said, \"I paid £3 for it in 1887.\"\n", to: "orchard.txt")
    _ = try scratch.write("Siobhan: shiv-AWN\n", to: "orchard.lexicon.yaml")
    let result = try Audiobook.run(
      ["render", book, "-o", scratch.appending("out"), "--subtitles", "words", "-q"], in: scratch.url)
    try #require(result.status == 0, "\(result.stderrText)")
    let manifest = try JSONDecoder().decode(
      Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: scratch.appending("out/orchard/manifest.json"))))
    let sentence = try #require(manifest.chapters.first?.paragraphs.first?.sentences.first)
    let words = try #require(sentence.words)
    #expect(words.map(\.text) == ["\"Well,\"", "Siobhan", "said,", "\"I", "paid", "£3", "for", "it", "in", "1887.\""])
    // "£3" is said "3 pounds", "1887" "eighteen eighty-seven": longer than a short word.
    let frames = Dictionary(uniqueKeysWithValues: words.map { ($0.text, $0.frames) })
    #expect(frames["£3"]! > frames["for"]! && frames["1887.\""]! > 2 * frames["in"]!)
    #expect(words.map(\.startFrame) == words.map(\.startFrame).sorted())
    #expect(zip(words, words.dropFirst()).allSatisfy { $0.startFrame + $0.frames <= $1.startFrame + 1 })
  }

  /// Three chapters of a long novel (the others left out with `--skip`), rendered: every cue
  /// keeps the limits, a cue starts where each sentence does, and the words are the book's.
  @Test(
    .enabled(
      if: FileManager.default.fileExists(atPath: Fixtures.prideAndPrejudice),
      "needs ../shared/books/pride-and-prejudice.txt beside the working copy"))
  func aLongNovelsSubtitlesAreReadable() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let output = scratch.appending("out")
    let kept: Set = [2, 20, 40]
    let skips = (1...62).filter { !kept.contains($0) }.flatMap { ["--skip", String($0)] }
    let result = try Audiobook.run(
      ["render", Fixtures.prideAndPrejudice, "-o", output, "--subtitles", "srt,words", "-q"] + skips, in: scratch.url)
    try #require(result.status == 0, "\(result.stderrText)")
    let folder = "\(output)/pride-and-prejudice"
    let manifest = try JSONDecoder().decode(
      Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: "\(folder)/manifest.json")))
    #expect(manifest.chapters.map(\.title) == ["Chapter I", "Chapter XIX", "Chapter XXXIX"])
    let rate = manifest.sampleRate
    var (sentenceCount, cueCount) = (0, 0)
    for chapter in manifest.chapters {
      let srt = try String(contentsOfFile: "\(folder)/\(chapter.file.dropLast(4)).srt", encoding: .utf8)
      let timed = cues(srt, separator: ",")
      let blocks = srt.components(separatedBy: "\n\n").map { $0.split(separator: "\n").dropFirst(2).map(String.init) }
      #expect(blocks.count == timed.count)
      for (lines, cue) in zip(blocks, timed) where lines.joined().contains(" ") {
        #expect(lines.count <= 2 && lines.allSatisfy { $0.count <= 42 }, "\(lines)")
        #expect(cue.end - cue.start <= 7_000, "\(lines)")
      }
      let sentences = chapter.paragraphs.flatMap(\.sentences)
      let starts = Set(timed.map(\.start))
      for sentence in sentences {
        #expect(starts.contains((sentence.startFrame * 1000 + rate / 2) / rate))
        let written = sentence.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(sentence.words?.map(\.text).joined(separator: " ") == written)
      }
      sentenceCount += sentences.count
      cueCount += timed.count
    }
    #expect(cueCount > sentenceCount + 20, "long sentences are split")
  }

  /// `HH:MM:SS.mmm --> HH:MM:SS.mmm` lines, in milliseconds.
  func cues(_ text: String, separator: Character) -> [(start: Int, end: Int)] {
    text.split(separator: "\n").compactMap { line in
      let parts = line.components(separatedBy: " --> ")
      guard parts.count == 2, let start = milliseconds(parts[0], separator), let end = milliseconds(parts[1], separator)
      else { return nil }
      return (start, end)
    }
  }

  func milliseconds(_ stamp: String, _ separator: Character) -> Int? {
    let main = stamp.split(separator: separator)
    let clock = main.first?.split(separator: ":").compactMap { Int($0) } ?? []
    guard main.count == 2, clock.count == 3, let fraction = Int(main[1]) else { return nil }
    return ((clock[0] * 60 + clock[1]) * 60 + clock[2]) * 1000 + fraction
  }
}
