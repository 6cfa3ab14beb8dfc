import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookSpeech
@testable import AudiobookKit

@Suite struct ClipCacheTests {
  let engine = EngineInfo(version: "1.51", dataPath: "/data", sampleRate: 22_050)
  let clip = Clip(pieces: [
    SpokenPiece(samples: [1, 2, 3, -4], words: [WordTiming(textOffset: 0, length: 2, startFrame: 1)])
  ])

  @Test func keysChangeWithEverythingThatDecidesTheSamples() {
    let base = ClipKey(pieces: ["Hello."], settings: EngineSettings(), engine: engine)
    #expect(base == ClipKey(pieces: ["Hello."], settings: EngineSettings(), engine: engine))
    #expect(base != ClipKey(pieces: ["Hello!"], settings: EngineSettings(), engine: engine))
    #expect(base != ClipKey(pieces: ["Hel", "lo."], settings: EngineSettings(), engine: engine))
    #expect(base != ClipKey(pieces: ["Hello."], settings: EngineSettings(rate: 170), engine: engine))
    #expect(base != ClipKey(pieces: ["Hello."], settings: EngineSettings(variant: "f2"), engine: engine))
    var other = engine
    other.version = "1.52"
    #expect(base != ClipKey(pieces: ["Hello."], settings: EngineSettings(), engine: other))
    other = engine
    other.dataPath = "/elsewhere"
    #expect(base != ClipKey(pieces: ["Hello."], settings: EngineSettings(), engine: other))
  }

  @Test func storesAndReadsBack() throws {
    try TestSupport.withScratchFolder { folder in
      let cache = try ClipCache(directory: folder.path)
      let key = ClipKey(pieces: ["Hi."], settings: EngineSettings(), engine: engine)
      guard case .miss = cache.read(key) else { Issue.record("expected a miss"); return }
      try cache.write(clip, for: key)
      #expect(cache.contains(key))
      guard case .hit(let read) = cache.read(key) else { Issue.record("expected a hit"); return }
      #expect(read == clip)
    }
  }

  @Test(arguments: ["flip", "truncate", "garbage"])
  func damagedEntriesAreDetected(damage: String) throws {
    try TestSupport.withScratchFolder { folder in
      let cache = try ClipCache(directory: folder.path)
      let key = ClipKey(pieces: ["Hi."], settings: EngineSettings(), engine: engine)
      try cache.write(clip, for: key)
      var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: cache.path(for: key))))
      switch damage {
      case "flip": bytes[bytes.count - 3] ^= 0x40
      case "truncate": bytes.removeLast(2)
      default: bytes = Array("not a clip".utf8)
      }
      try Data(bytes).write(to: URL(fileURLWithPath: cache.path(for: key)))
      guard case .damaged = cache.read(key) else {
        Issue.record("\(damage) was not detected")
        return
      }
    }
  }

  /// A cache filled by an earlier version (SHA-256 entries, magic `ABCLIP1`) is not damage:
  /// its entries are misses, synthesized again and replaced without a warning.
  @Test func entriesOfTheEarlierLayoutAreMisses() throws {
    try TestSupport.withScratchFolder { folder in
      let cache = try ClipCache(directory: folder.path)
      let key = ClipKey(pieces: ["Hi."], settings: EngineSettings(), engine: engine)
      try cache.write(clip, for: key)
      let path = cache.path(for: key)
      var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
      bytes.replaceSubrange(0..<8, with: Array("ABCLIP1\n".utf8))
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      guard case .miss = cache.read(key) else { Issue.record("expected a miss"); return }
      // Not there for planning either, so the render gives it to its workers.
      #expect(!cache.contains(key))
      try cache.write(clip, for: key)
      #expect(cache.contains(key))
      guard case .hit(let read) = cache.read(key) else { Issue.record("expected a hit"); return }
      #expect(read == clip)
    }
  }

  @Test func pruneKeepsOnlyWhatRendersUse() throws {
    try TestSupport.withScratchFolder { folder in
      let cache = try ClipCache(directory: folder.path)
      let used = ClipKey(pieces: ["Kept."], settings: EngineSettings(), engine: engine)
      let unused = ClipKey(pieces: ["Dropped."], settings: EngineSettings(), engine: engine)
      try cache.write(clip, for: used)
      try cache.write(clip, for: unused)
      try cache.recordUse([used], book: "a-book")
      let removed = cache.prune()
      #expect(removed.files == 1)
      #expect(cache.contains(used))
      #expect(!cache.contains(unused))
    }
  }
}
