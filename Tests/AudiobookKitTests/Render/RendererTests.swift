import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookBook
@testable import AudiobookSpeech
@testable import AudiobookAudio
@testable import AudiobookPublish
@testable import AudiobookKit

@Suite struct RendererTests {
  let manuscript = """
    Harbour Lights
    by Ada Finch

    Chapter 1: Fog

    The fog came in at 6 p.m. and stayed. Mr. Gale lit the lamp.

    “Will it hold?” asked Nell. “It always has.”

    Chapter 2: Clear

    By morning the sea was glass.
    """

  func render(into folder: URL, preset: VoicePreset = VoicePreset(name: "narrator")) throws -> Renderer.Result {
    let path = try TestSupport.write(manuscript, to: "harbour.txt", in: folder)
    let book = try BookReader.read(path)
    return try Renderer(preset: preset, workerExecutable: TestSupport.workerExecutable)
      .render(book, into: folder.appendingPathComponent("out").path)
  }

  @Test func filesMatchTheManifestExactly() throws {
    try TestSupport.withScratchFolder { folder in
      let result = try render(into: folder)
      let manifest = result.manifest
      #expect(result.folder.hasSuffix("out/harbour-lights"))
      #expect(manifest.sampleRate == 22_050)
      #expect(manifest.chapters.map(\.file) == ["01 Chapter 1 Fog.wav", "02 Chapter 2 Clear.wav"])
      #expect(
        try FileManager.default.contentsOfDirectory(atPath: result.folder).sorted()
          == ["01 Chapter 1 Fog.wav", "02 Chapter 2 Clear.wav", "harbour-lights.cue", "manifest.json"])
      for chapter in manifest.chapters {
        let reader = try SoundFileReader(path: "\(result.folder)/\(chapter.file)")
        #expect(reader.frames == chapter.frames)
        #expect(reader.isPCM16WAV && reader.channels == 1 && reader.sampleRate == 22_050)
        #expect(chapter.frames % 294 == 0)
        let samples = try reader.samples()
        var end = chapter.heading.startFrame + chapter.heading.frames
        for sentence in chapter.paragraphs.flatMap(\.sentences) {
          #expect(sentence.startFrame >= end)
          #expect(sentence.frames > 0)
          // Speech starts exactly where the manifest says: the frame is sound, the one before silence.
          #expect(samples[sentence.startFrame] != 0)
          #expect(samples[sentence.startFrame - 1] == 0)
          end = sentence.startFrame + sentence.frames
        }
        #expect(end + VoicePreset(name: "").pauses.tail * 22_050 / 1000 <= chapter.frames)
      }
      let first = manifest.chapters[0].paragraphs
      #expect(
        first.map { $0.sentences.map(\.text) } == [
          ["The fog came in at 6 p.m. and stayed.", "Mr. Gale lit the lamp."],
          ["“Will it hold?” asked Nell.", "“It always has.”"],
        ])
      #expect(first.map(\.sourceLine) == [6, 8])
    }
  }

  @Test func twoRendersGiveIdenticalBytes() throws {
    try TestSupport.withScratchFolder { first in
      try TestSupport.withScratchFolder { second in
        let a = try render(into: first)
        let b = try render(into: second)
        let files = try FileManager.default.contentsOfDirectory(atPath: a.folder).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: b.folder).sorted() == files)
        for file in files {
          #expect(
            FileManager.default.contents(atPath: "\(a.folder)/\(file)")
              == FileManager.default.contents(atPath: "\(b.folder)/\(file)"), "\(file) differs")
        }
      }
    }
  }

  @Test func presetPausesAreTheSilencesBetweenSentences() throws {
    try TestSupport.withScratchFolder { folder in
      var preset = VoicePreset(name: "slow")
      preset.pauses.sentence = 700
      let result = try render(into: folder, preset: preset)
      let chapter = result.manifest.chapters[0]
      let sentences = chapter.paragraphs[0].sentences
      let gap = sentences[1].startFrame - (sentences[0].startFrame + sentences[0].frames)
      #expect(gap == 700 * 22_050 / 1000)
      let samples = try SoundFileReader(path: "\(result.folder)/\(chapter.file)").samples()
      #expect(samples[(sentences[1].startFrame - gap)..<sentences[1].startFrame].allSatisfy { $0 == 0 })
    }
  }

  @Test func aRenamedChapterRemovesItsOldFile() throws {
    try TestSupport.withScratchFolder { folder in
      let result = try render(into: folder)
      let path = try TestSupport.write(
        manuscript.replacingOccurrences(of: "Chapter 2: Clear", with: "Chapter 2: Calm"), to: "harbour.txt", in: folder)
      _ = try Renderer(preset: VoicePreset(name: "narrator"), workerExecutable: TestSupport.workerExecutable)
        .render(try BookReader.read(path), into: folder.appendingPathComponent("out").path)
      let files = try FileManager.default.contentsOfDirectory(atPath: result.folder)
      #expect(files.contains("02 Chapter 2 Calm.wav"))
      #expect(!files.contains("02 Chapter 2 Clear.wav"))
    }
  }

  @Test func unwritableOutputIsCannotCreate() throws {
    try TestSupport.withScratchFolder { folder in
      let blocker = try TestSupport.write("a file, not a folder", to: "out", in: folder)
      let book = try BookReader.read(try TestSupport.write(manuscript, to: "harbour.txt", in: folder))
      let error = #expect(throws: AudiobookError.self) {
        try Renderer(preset: VoicePreset(name: "narrator"), workerExecutable: TestSupport.workerExecutable)
          .render(book, into: blocker)
      }
      #expect(error?.kind == .cannotCreate)
    }
  }

  /// Chapters are assembled several at once (one lane per worker): the files, the manifest
  /// and the progress events are the same for every `jobs`, events in reading order.
  @Test func everyJobsCountGivesTheSameBytesAndEventsInReadingOrder() throws {
    try TestSupport.withScratchFolder { folder in
      let longer =
        manuscript + (3...8).map { "\n\nChapter \($0): More\n\nThe lamp burned on through hour \($0)." }.joined()
      let book = try BookReader.read(try TestSupport.write(longer, to: "harbour.txt", in: folder))
      var outputs: [[String: Data]] = []
      var eventLists: [[RenderEvent]] = []
      for jobs in [1, 3] {
        let events = LockedEvents()
        let output = folder.appendingPathComponent("out-\(jobs)").path
        // Each its own cache, so both synthesize every clip.
        let result = try Renderer(
          preset: VoicePreset(name: "narrator"), workerExecutable: TestSupport.workerExecutable, jobs: jobs,
          cacheDirectory: folder.appendingPathComponent("cache-\(jobs)").path, progress: events.add
        ).render(book, into: output)
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: result.folder) {
          files[name] = try Data(contentsOf: URL(fileURLWithPath: result.folder).appendingPathComponent(name))
        }
        outputs.append(files)
        eventLists.append(events.all.filter { if case .finished = $0 { false } else { true } })
      }
      #expect(outputs[0].count == 8 * 1 + 2)
      #expect(outputs[0] == outputs[1])
      #expect(eventLists[0] == eventLists[1])
      let chapters = eventLists[1].compactMap { event -> Int? in
        if case .chapter(let number, _, _, _) = event { number } else { nil }
      }
      #expect(chapters == Array(1...8))
    }
  }

  final class LockedEvents: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [RenderEvent] = []
    func add(_ event: RenderEvent) { lock.withLock { events.append(event) } }
    var all: [RenderEvent] { lock.withLock { events } }
  }

  /// `H:MM:SS`, rounded to the second, hours past 99 included.
  @Test func durationsAreHoursMinutesAndSeconds() {
    #expect(Renderer.formatDuration(seconds: 0) == "0:00:00")
    #expect(Renderer.formatDuration(seconds: 59.5) == "0:01:00")
    #expect(Renderer.formatDuration(seconds: 3_725.4) == "1:02:05")
    #expect(Renderer.formatDuration(seconds: 360_000) == "100:00:00")
    #expect(Renderer.defaultCacheDirectory(output: "out/books") == "out/books/.audiobook-cache")
  }
}
