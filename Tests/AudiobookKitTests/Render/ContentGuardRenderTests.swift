import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookBook
@testable import AudiobookSpeech
@testable import AudiobookPublish
@testable import AudiobookKit

/// The content guard on real renders: a clip cut short that arrives from the cache (checksum
/// intact, as a cache copied from a faulty machine would be) fails the render.
@Suite struct ContentGuardRenderTests {
  let text =
    "Ledger\n\nChapter 1\n\nThe keeper wrote in the ledger every single evening without fail.\n\nChapter 2\n\nThe lamp turned all night, as it always had."

  func poisonedRender(keepGoing: Bool) throws -> (AudiobookError?, URL, [String]) {
    try TestSupport.withScratchFolder { folder in
      let path = try TestSupport.write(text, to: "ledger.txt", in: folder)
      let book = try BookReader.read(path)
      let cacheFolder = folder.appendingPathComponent("cache").path
      var renderer = Renderer(
        preset: VoicePreset(name: "narrator"), workerExecutable: TestSupport.workerExecutable,
        cacheDirectory: cacheFolder)
      // Fill the cache, then replace every paragraph's clip with a tenth of itself.
      _ = try renderer.render(book, into: folder.appendingPathComponent("first").path)
      let cache = try ClipCache(directory: cacheFolder)
      let plan = try RenderPlan(book: book, preset: renderer.preset, engine: try EspeakVoices.info())
      for chapter in plan.chapters {
        for batch in chapter.paragraphs.flatMap(\.batches) {
          guard case .hit(var clip) = cache.read(batch.key) else { continue }
          clip.pieces = clip.pieces.map {
            SpokenPiece(samples: Array($0.samples.prefix($0.samples.count / 10)), words: [])
          }
          try cache.write(clip, for: batch.key)
        }
      }
      renderer.keepGoing = keepGoing
      let output = folder.appendingPathComponent("second")
      do {
        _ = try renderer.render(book, into: output.path)
        return (nil, output, [])
      } catch {
        let files =
          (try? FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("ledger").path)) ?? []
        if keepGoing {
          // Every poisoned entry met was removed: the next render is whole again.
          renderer.keepGoing = false
          _ = try renderer.render(book, into: folder.appendingPathComponent("third").path)
        }
        return (error as? AudiobookError, output, files)
      }
    }
  }

  @Test func aClipCutShortFailsTheRenderNamingTheParagraph() throws {
    let (error, _, files) = try poisonedRender(keepGoing: false)
    let failure = try #require(error)
    #expect(failure.kind == .failure)
    #expect(failure.line == 5)
    #expect(failure.message.contains("chapter 1, paragraph 1"))
    #expect(failure.message.contains("The keeper wrote"))
    #expect(!files.contains("manifest.json"))
    #expect(!files.contains { $0.hasSuffix(".partial") })
  }

  @Test func keepGoingReportsEveryFailureAtTheEnd() throws {
    let (error, _, files) = try poisonedRender(keepGoing: true)
    let failure = try #require(error)
    #expect(failure.details.count == 2)
    #expect(failure.details[0].hasPrefix(failure.details[0].components(separatedBy: ":5:")[0] + ":5: error:"))
    #expect(failure.details[1].contains(":9: error: chapter 2, paragraph 1"))
    #expect(!files.contains("manifest.json"))
  }
}

/// A re-render that fails part way publishes nothing: the earlier render stays whole.
@Suite struct FailedRerenderTests {
  @Test func theEarlierRenderStaysIntactAndVerifies() throws {
    try TestSupport.withScratchFolder { folder in
      let original = "Ledger\n\nChapter 1\n\nThe keeper wrote every evening.\n\nChapter 2\n\nThe lamp turned all night."
      let edited = original.replacingOccurrences(of: "every evening", with: "every single evening")
        .replacingOccurrences(of: "all night", with: "all night long")
      let cacheFolder = folder.appendingPathComponent("cache").path
      let renderer = Renderer(
        preset: VoicePreset(name: "narrator"), workerExecutable: TestSupport.workerExecutable,
        cacheDirectory: cacheFolder)
      let output = folder.appendingPathComponent("out").path
      let first = try renderer.render(
        try BookReader.read(try TestSupport.write(original, to: "ledger.txt", in: folder)), into: output)
      let before = try FileManager.default.contentsOfDirectory(atPath: first.folder).sorted()
      let bytes = try before.map { try Data(contentsOf: URL(fileURLWithPath: "\(first.folder)/\($0)")) }

      // The edited book's clips go into the cache; chapter 2's is then cut short.
      let editedBook = try BookReader.read(try TestSupport.write(edited, to: "ledger.txt", in: folder))
      _ = try renderer.render(editedBook, into: folder.appendingPathComponent("elsewhere").path)
      let cache = try ClipCache(directory: cacheFolder)
      let plan = try RenderPlan(book: editedBook, preset: renderer.preset, engine: try EspeakVoices.info())
      let key = try #require(plan.chapters[1].paragraphs.first?.batches.first?.key)
      guard case .hit(var clip) = cache.read(key) else {
        Issue.record("the edited clip is not in the cache")
        return
      }
      clip.pieces = clip.pieces.map { SpokenPiece(samples: Array($0.samples.prefix(50)), words: []) }
      try cache.write(clip, for: key)

      #expect(throws: AudiobookError.self) { try renderer.render(editedBook, into: output) }
      #expect(try FileManager.default.contentsOfDirectory(atPath: first.folder).sorted() == before)
      #expect(try before.map { try Data(contentsOf: URL(fileURLWithPath: "\(first.folder)/\($0)")) } == bytes)
      #expect(BookVerifier.problems(in: first.folder) == [])
    }
  }
}
