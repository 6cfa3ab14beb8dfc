import AudiobookKit
import Foundation
import Testing

/// `render --layout book|both`: one file for the whole book, a single-FILE cue sheet, WAV markers.
@Suite struct BookLayoutCommandTests {
  /// `m:ss.ff` (cuebreakpoints' form, 75 frames a second) as a sample position.
  static func frame(ofBreakpoint text: String, sampleRate: Int) -> Int? {
    let parts = text.split(whereSeparator: { $0 == ":" || $0 == "." }).compactMap { Int($0) }
    guard parts.count == 3 else { return nil }
    return ((parts[0] * 60 + parts[1]) * 75 + parts[2]) * sampleRate / 75
  }

  /// Cutting the book file where cuebreakpoints says the tracks start gives the chapter
  /// files back, sample for sample.
  @Test(arguments: [["--format", "wav"], ["--format", "flac", "--sample-rate", "16000"]])
  func cuttingTheBookAtTheCueSheetsTimesGivesTheChapterFiles(flags: [String]) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let (folder, manifest) = try PublishCommandTests.render(["--layout", "both"] + flags, into: scratch)
    let book = try #require(manifest.book)
    let slug = PublishCommandTests.slug
    #expect(book.file == "\(slug).\(flags[1])")
    let cue = (folder as NSString).appendingPathComponent("\(slug).cue")
    let breakpoints = try runTool("cuebreakpoints", [cue], in: scratch.url)
    #expect(breakpoints.status == 0, "\(breakpoints.stderrText)")
    let starts =
      [0] + breakpoints.stdoutLines.compactMap { Self.frame(ofBreakpoint: $0, sampleRate: manifest.sampleRate) }
    #expect(starts == book.chapterStarts)

    let whole = try SoundFileReader(path: (folder as NSString).appendingPathComponent(book.file))
    #expect(whole.frames == book.frames)
    #expect(whole.tags.title == "The Lighthouse Ledger" && whole.tags.artist == "Ada Finch")
    let samples = try whole.samples()
    let ends = Array(starts.dropFirst()) + [samples.count]
    for (index, chapter) in manifest.chapters.enumerated() {
      let file = try SoundFileReader(path: (folder as NSString).appendingPathComponent(chapter.file)).samples()
      #expect(Array(samples[starts[index]..<ends[index]]) == file, "chapter \(chapter.number) differs from its file")
    }
    if flags[1] == "wav" {
      #expect(whole.markers.map(\.frame) == book.chapterStarts)
      let bytes = try Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(book.file)))
      for title in Fixtures.exampleChapterTitles {
        #expect(bytes.range(of: Data(title.utf8)) != nil, "no label \(title)")
      }
      // Players that read WAV markers through ffmpeg show every chapter by its title.
      if ffmpegIsInstalled {
        let probe = try M4BCommandTests.probe((folder as NSString).appendingPathComponent(book.file), in: scratch)
        #expect(probe.chapters.map { $0.tags?["title"] } == Fixtures.exampleChapterTitles)
      }
    }
    // One FILE, one TRACK per chapter; the chapter files keep a sheet of their own.
    let printed = try runTool("cueprint", [cue], in: scratch.url)
    #expect(printed.stdoutText.contains("no. of tracks:\t3"))
    let text = try String(contentsOfFile: cue, encoding: .utf8)
    #expect(text.components(separatedBy: "\nFILE ").count == 2)
    #expect(FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("\(slug).chapters.cue")))
    #expect(try Audiobook.run(["verify", folder], in: scratch.url).status == 0)
  }

  /// A whole-book FLAC, Ogg or Opus file (chapter comments) or MP3 (ID3v2 CHAP frames) carries
  /// its chapters: ffprobe lists each by title at the manifest's start, to the millisecond, and
  /// the tags too (`MetadataCommandTests` reads every tag, Ogg's included).
  @Test(.enabled(if: ffmpegIsInstalled, "ffmpeg is not installed"), arguments: ["flac", "mp3", "ogg", "opus"])
  func theBookFileCarriesItsChapters(format: String) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let (folder, manifest) = try PublishCommandTests.render(["--layout", "book", "--format", format], into: scratch)
    let book = try #require(manifest.book)
    let probe = try M4BCommandTests.probe((folder as NSString).appendingPathComponent(book.file), in: scratch)
    #expect(probe.chapters.map { $0.tags?["title"] } == Fixtures.exampleChapterTitles)
    let starts = probe.chapters.compactMap { Double($0.start_time) }.map { Int(($0 * 1000).rounded()) }
    #expect(starts == book.chapterStarts.map { ($0 * 1000 + manifest.sampleRate / 2) / manifest.sampleRate })
    if format == "flac" || format == "mp3" {
      #expect(probe.format.tags?["title"] == "The Lighthouse Ledger" && probe.format.tags?["artist"] == "Ada Finch")
    }
    // Written once more with the chapters, the file is still the same bytes for the same input.
    let bytes = try Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(book.file)))
    let other = try ScratchDirectory()
    defer { other.remove() }
    let (again, _) = try PublishCommandTests.render(["--layout", "book", "--format", format], into: other)
    #expect(try Data(contentsOf: URL(fileURLWithPath: (again as NSString).appendingPathComponent(book.file))) == bytes)
    #expect(try Audiobook.run(["verify", folder], in: scratch.url).status == 0)
  }

  @Test func bookLayoutWritesOnlyTheBookFileAndLeavesItAloneWhenUnchanged() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let (folder, manifest) = try PublishCommandTests.render(["--layout", "book", "--format", "flac"], into: scratch)
    let slug = PublishCommandTests.slug
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    #expect(files == ["manifest.json", "\(slug).cue", "\(slug).flac"])
    #expect(manifest.chapters.allSatisfy { $0.file == "\(slug).flac" })
    #expect(manifest.chapters.compactMap(\.startFrame) == manifest.book?.chapterStarts)
    let path = (folder as NSString).appendingPathComponent("\(slug).flac")
    // A day back: a file the re-render wrote again would have a later time.
    try backdate(path)
    let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
    let again = try PublishCommandTests.render(["--layout", "book", "--format", "flac"], into: scratch)
    #expect(again.manifest == manifest)
    #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == before)
    #expect(try Audiobook.run(["verify", folder], in: scratch.url).status == 0)
  }

  /// Strict cue readers stop at 99 tracks: a 135-chapter book gets a sheet per volume of 99.
  @Test func moreThan99ChaptersGetOneCueSheetPerVolume() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    var lines = ["The Long Voyage", "by Test Writer", ""]
    for chapter in 1...135 { lines += ["Chapter \(chapter)", "", "The ship sailed on through day \(chapter).", ""] }
    let book = try scratch.write(lines.joined(separator: "\n"), to: "the-long-voyage.txt")
    let output = scratch.appending("out")
    let result = try Audiobook.run(["render", book, "--output", output, "-q", "--layout", "both"], in: scratch.url)
    try #require(result.status == 0, "\(result.stderrText)")
    let folder = (output as NSString).appendingPathComponent("the-long-voyage")
    let sheets = [
      ("the-long-voyage.cue", 99), ("the-long-voyage.vol2.cue", 36), ("the-long-voyage.chapters.cue", 99),
      ("the-long-voyage.chapters.vol2.cue", 36),
    ]
    for (name, tracks) in sheets {
      let path = (folder as NSString).appendingPathComponent(name)
      let printed = try runTool("cueprint", [path], in: scratch.url)
      #expect(printed.status == 0, "\(name): \(printed.stderrText)")
      #expect(printed.stdoutText.contains("no. of tracks:\t\(tracks)"), "\(name)")
      #expect(try runTool("cuebreakpoints", [path], in: scratch.url).status == 0, "\(name)")
    }
    // The second volume starts at chapter 100, where the manifest says it does.
    let manifest = try JSONDecoder().decode(
      Manifest.self,
      from: Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("manifest.json"))))
    let second = try String(
      contentsOfFile: (folder as NSString).appendingPathComponent("the-long-voyage.vol2.cue"), encoding: .utf8)
    let start = try #require(manifest.book?.chapterStarts[99])
    #expect(
      second.contains("TITLE \"Chapter 100\"")
        && second.contains("INDEX 01 \(CueSheet.time(frames: start, sampleRate: manifest.sampleRate))"))
    #expect(try Audiobook.run(["verify", folder], in: scratch.url).status == 0)
  }
}

extension BookLayoutCommandTests {
  /// A change to one chapter rewrites the book file, and leaves the other chapter files, whose
  /// bytes come out the same, alone.
  @Test func anEditRewritesTheBookButNotTheUnchangedChapterFiles() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let text = try String(contentsOfFile: Fixtures.exampleBook, encoding: .utf8)
    let book = try scratch.write(text, to: "the-lighthouse-ledger.txt")
    let output = scratch.appending("out")
    let flags = ["--output", output, "-q", "--layout", "both", "--format", "flac"]
    try #require(try Audiobook.run(["render", book] + flags, in: scratch.url).status == 0)
    let folder = (output as NSString).appendingPathComponent(PublishCommandTests.slug)
    func modified(_ name: String) throws -> Date? {
      try FileManager.default.attributesOfItem(atPath: (folder as NSString).appendingPathComponent(name))[
        .modificationDate] as? Date
    }
    let names = ["01 Chapter 1 The Letter.flac", "02 Chapter 2 The Crossing.flac", "\(PublishCommandTests.slug).flac"]
    // A day back: a file the render writes again gets a later time.
    for name in names { try backdate((folder as NSString).appendingPathComponent(name)) }
    let before = try names.map(modified)
    // Line 39, in chapter 3.
    let edited = text.replacingOccurrences(of: "The keeper sat", with: "The old keeper sat")
    try #require(edited != text)
    try scratch.write(edited, to: "the-lighthouse-ledger.txt")
    let result = try Audiobook.run(["render", book] + flags, in: scratch.url)
    try #require(result.status == 0, "\(result.stderrText)")
    let after = try names.map(modified)
    #expect(after[2] != before[2], "the book file was not rewritten")
    #expect(after[0] == before[0] && after[1] == before[1], "chapters 1 and 2 were rewritten, their audio the same")
    #expect(try Audiobook.run(["verify", folder], in: scratch.url).status == 0)
  }
}
