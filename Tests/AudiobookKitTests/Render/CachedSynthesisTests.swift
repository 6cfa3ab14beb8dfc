import Foundation
import Testing

@testable import AudiobookSpeech
@testable import AudiobookKit

/// Real synthesis through a worker of the built `audiobook`, and a real cache on disk.
@Suite struct CachedSynthesisTests {
  let preset = VoicePreset(name: "narrator")
  let engine = EngineInfo(version: "test", dataPath: "/test", sampleRate: 22_050)

  func key(_ pieces: [String]) -> ClipKey { ClipKey(pieces: pieces, settings: preset.engine, engine: engine) }

  /// A miss is synthesized and stored; then the clip comes from the cache, even where no
  /// worker could be started, since none is started until one is needed.
  @Test func aMissIsSynthesizedAndStoredThenReadFromTheCache() throws {
    try TestSupport.withScratchFolder { folder in
      let cache = try ClipCache(directory: folder.path)
      let pieces = ["The fog came in."]
      let synthesis = CachedSynthesis(preset: preset, workerExecutable: TestSupport.workerExecutable, cache: cache)
      defer { synthesis.close() }
      let (clip, seconds) = try synthesis.clip(for: pieces, key: key(pieces))
      #expect(clip.pieces.count == 1 && clip.frames > 22_050 / 4)
      #expect((seconds ?? 0) > 0)
      #expect(cache.contains(key(pieces)))
      let again = try synthesis.clip(for: pieces, key: key(pieces))
      #expect(again.clip == clip && again.seconds == nil)

      let noWorker = CachedSynthesis(preset: preset, workerExecutable: "/nonexistent/audiobook", cache: cache)
      defer { noWorker.close() }
      let cached = try noWorker.clip(for: pieces, key: key(pieces))
      #expect(cached.clip == clip && cached.seconds == nil)
      #expect(throws: SpeechError.self) { try noWorker.clip(for: ["Not cached."], key: key(["Not cached."])) }
    }
  }

  /// An entry that fails its check, or holds another number of pieces, is reported and
  /// synthesized again, and the sound clip replaces it in the cache.
  @Test func aDamagedEntryIsReportedAndReplaced() throws {
    try TestSupport.withScratchFolder { folder in
      let cache = try ClipCache(directory: folder.path)
      let synthesis = CachedSynthesis(preset: preset, workerExecutable: TestSupport.workerExecutable, cache: cache)
      defer { synthesis.close() }

      let pieces = ["Nell lit the lamp."]
      try cache.write(Clip(pieces: [SpokenPiece(samples: [1, 2, 3], words: [])]), for: key(pieces))
      let path = cache.path(for: key(pieces))
      var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
      bytes[bytes.count - 2] ^= 0x01
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      var reasons: [String] = []
      let (clip, seconds) = try synthesis.clip(for: pieces, key: key(pieces)) { reasons.append($0) }
      #expect(reasons.count == 1 && reasons.first?.isEmpty == false)
      #expect(seconds != nil && clip.frames > 1_000)
      guard case .hit(let stored) = cache.read(key(pieces)) else {
        Issue.record("the damaged entry was not replaced")
        return
      }
      #expect(stored == clip)

      let two = ["One.", "Two."]
      try cache.write(Clip(pieces: [SpokenPiece(samples: [1, 2, 3], words: [])]), for: key(two))
      reasons = []
      let replaced = try synthesis.clip(for: two, key: key(two)) { reasons.append($0) }
      #expect(reasons == ["wrong number of pieces"])
      #expect(replaced.clip.pieces.count == 2 && replaced.seconds != nil)
    }
  }

  /// Without a cache every clip is synthesized, the voice's worker started once.
  @Test func withoutACacheEveryClipIsSynthesized() throws {
    let synthesis = CachedSynthesis(preset: preset, workerExecutable: TestSupport.workerExecutable, cache: nil)
    defer { synthesis.close() }
    let first = try synthesis.clip(for: ["Hello."], key: key(["Hello."]))
    let second = try synthesis.clip(for: ["Hello."], key: key(["Hello."]))
    #expect(first.seconds != nil && second.seconds != nil)
    #expect(first.clip == second.clip)
  }
}
