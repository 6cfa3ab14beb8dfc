import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookBook
@testable import AudiobookSpeech
@testable import AudiobookPublish
@testable import AudiobookKit

/// Re-rendering: the cache, unchanged chapters, parallel workers.
@Suite struct IncrementalRenderTests {
  static let manuscript = """
    Tide Tables
    by Ada Finch

    Chapter 1: Low Water

    The tide went out at 6:12 a.m., as the tables said it would.

    Mr. Rowe checked his watch twice. “Early,” he said.

    The gulls did not care either way.

    Chapter 2: High Water

    By noon the harbour was full again.

    Nobody had noticed the boat.

    Chapter 3: Slack Water

    For a moment, nothing moved at all.
    """

  final class Events: @unchecked Sendable {
    var all: [RenderEvent] = []
    var synthesizedParagraphs: [(Int, Int)] {
      all.compactMap {
        if case .paragraph(let chapter, let paragraph, false, _, _) = $0, paragraph > 0 { return (chapter, paragraph) }
        return nil
      }
    }
    var damaged: Int { all.filter { if case .damagedCacheEntry = $0 { true } else { false } }.count }
  }

  func render(
    _ text: String, in folder: URL, output: String = "out", cache: String = "cache", jobs: Int = 2
  ) throws -> (Renderer.Result, Events) {
    let path = try TestSupport.write(text, to: "tide-tables.txt", in: folder)
    let events = Events()
    let renderer = Renderer(
      preset: VoicePreset(name: "narrator"), workerExecutable: TestSupport.workerExecutable, jobs: jobs,
      cacheDirectory: folder.appendingPathComponent(cache).path, progress: { events.all.append($0) })
    let result = try renderer.render(try BookReader.read(path), into: folder.appendingPathComponent(output).path)
    return (result, events)
  }

  func contents(of folder: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
      files[name] = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name)"))
    }
    return files
  }

  @Test func everyJobCountGivesTheSameBytes() throws {
    try TestSupport.withScratchFolder { folder in
      let (one, _) = try render(Self.manuscript, in: folder, output: "one", cache: "c1", jobs: 1)
      let (four, _) = try render(Self.manuscript, in: folder, output: "four", cache: "c4", jobs: 4)
      let a = try contents(of: one.folder)
      #expect(a.count == 5)
      #expect(a == (try contents(of: four.folder)))
    }
  }

  @Test func anEditSynthesizesOnlyTheEditedParagraph() throws {
    try TestSupport.withScratchFolder { folder in
      let (first, firstEvents) = try render(Self.manuscript, in: folder)
      #expect(firstEvents.synthesizedParagraphs.count == 6)
      let files = first.manifest.chapters.map { "\(first.folder)/\($0.file)" }
      let before = try files.map { try FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as? Date }

      let edited = Self.manuscript.replacingOccurrences(of: "Nobody had noticed", with: "Nobody at all had noticed")
      let (second, events) = try render(edited, in: folder)
      #expect(events.synthesizedParagraphs.map { "\($0.0):\($0.1)" } == ["2:2"])
      #expect(second.summary.paragraphsSynthesized == 1)
      #expect(second.summary.chaptersWritten == 1)
      let after = try files.map { try FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as? Date }
      #expect(after[0] == before[0] && after[2] == before[2], "unchanged chapter files keep their modification time")
      #expect(after[1] != before[1])

      // Same bytes as a render of the edited book from scratch.
      let (fresh, _) = try render(edited, in: folder, output: "fresh", cache: "fresh-cache")
      #expect(try contents(of: second.folder) == (try contents(of: fresh.folder)))

      // Nothing changed: not a file is touched, the manifest and cue sheet included.
      let every = try FileManager.default.contentsOfDirectory(atPath: second.folder).map { "\(second.folder)/\($0)" }
      let times = try every.map { try FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as? Date }
      let (_, nothing) = try render(edited, in: folder)
      #expect(nothing.synthesizedParagraphs.isEmpty)
      #expect(every.contains { $0.hasSuffix("manifest.json") } && every.contains { $0.hasSuffix(".cue") })
      #expect(
        try every.map { try FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as? Date } == times)
    }
  }

  @Test func aDamagedCacheEntryIsSynthesizedAgainNotAssembled() throws {
    try TestSupport.withScratchFolder { folder in
      let (first, _) = try render(Self.manuscript, in: folder)
      let original = try contents(of: first.folder)
      // Damage every clip, and remove the chapter files so they must be assembled again.
      let clips = folder.appendingPathComponent("cache/clips")
      let enumerator = FileManager.default.enumerator(atPath: clips.path)
      var damaged = 0
      while let name = enumerator?.nextObject() as? String {
        guard name.hasSuffix(".clip") else { continue }
        let url = clips.appendingPathComponent(name)
        var bytes = try [UInt8](Data(contentsOf: url))
        bytes[bytes.count / 2] ^= 0xFF
        try Data(bytes).write(to: url)
        damaged += 1
      }
      try FileManager.default.removeItem(atPath: first.folder)
      let (second, events) = try render(Self.manuscript, in: folder)
      #expect(events.damaged == damaged)
      #expect(try contents(of: second.folder) == original)
      let (_, again) = try render(Self.manuscript, in: folder, output: "again")
      #expect(again.damaged == 0, "damaged entries were replaced")
    }
  }

  @Test func aChangedPauseReassemblesWithoutSynthesizing() throws {
    try TestSupport.withScratchFolder { folder in
      _ = try render(Self.manuscript, in: folder)
      let path = try TestSupport.write(Self.manuscript, to: "tide-tables.txt", in: folder)
      var preset = VoicePreset(name: "narrator")
      preset.pauses.paragraph = 1200
      let renderer = Renderer(
        preset: preset, workerExecutable: TestSupport.workerExecutable,
        cacheDirectory: folder.appendingPathComponent("cache").path)
      let result = try renderer.render(try BookReader.read(path), into: folder.appendingPathComponent("out").path)
      #expect(result.summary.paragraphsSynthesized == 0)
      #expect(result.summary.chaptersWritten == 2, "the one-paragraph chapter has no paragraph pause")
    }
  }
}
