import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookBook
@testable import AudiobookSpeech
@testable import AudiobookPublish
@testable import AudiobookKit

@Suite struct BookVerifierTests {
  /// Renders a small book and hands its folder to `damage`; returns what `verify` says.
  func problems(after damage: (String, Manifest) throws -> Void) throws -> [String] {
    try TestSupport.withScratchFolder { folder in
      let path = try TestSupport.write(
        "Quay Notes\n\nChapter 1\n\nThe quay was empty.\n\nChapter 2\n\nThen it was not.", to: "quay.txt", in: folder)
      let result = try Renderer(preset: VoicePreset(name: "narrator"), workerExecutable: TestSupport.workerExecutable)
        .render(try BookReader.read(path), into: folder.appendingPathComponent("out").path)
      try damage(result.folder, result.manifest)
      return BookVerifier.problems(in: result.folder)
    }
  }

  @Test func anIntactBookVerifies() throws {
    #expect(try problems { _, _ in } == [])
  }

  @Test func aFlippedByteIsCaught() throws {
    let found = try problems { folder, manifest in
      let url = URL(fileURLWithPath: "\(folder)/\(manifest.chapters[0].file)")
      var bytes = try [UInt8](Data(contentsOf: url))
      bytes[bytes.count / 2] ^= 0x01
      try Data(bytes).write(to: url)
    }
    #expect(found.count == 1)
    #expect(found.first?.contains("SHA-256") == true)
  }

  @Test func aTruncatedWAVIsCaught() throws {
    let found = try problems { folder, manifest in
      let url = URL(fileURLWithPath: "\(folder)/\(manifest.chapters[1].file)")
      let bytes = try Data(contentsOf: url)
      try bytes.prefix(bytes.count - 5000).write(to: url)
    }
    #expect(found.count >= 1)
    #expect(found.allSatisfy { $0.contains("02 Chapter 2.wav") })
  }

  @Test func aHandEditedCueSheetIsCaught() throws {
    let found = try problems { folder, _ in
      let url = URL(fileURLWithPath: "\(folder)/quay-notes.cue")
      let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(
        of: "INDEX 01 00:00:00", with: "INDEX 01 00:02:00")
      try Data(text.utf8).write(to: url)
    }
    #expect(found.count == 1)
    #expect(found.first?.contains("quay-notes.cue:7:") == true)
  }

  @Test func missingAndExtraFilesAreCaught() throws {
    let found = try problems { folder, manifest in
      try FileManager.default.removeItem(atPath: "\(folder)/\(manifest.chapters[0].file)")
      try Data("x".utf8).write(to: URL(fileURLWithPath: "\(folder)/stray.txt"))
    }
    #expect(found.count == 2)
    #expect(found.contains { $0.hasSuffix("01 Chapter 1.wav: missing") })
    #expect(found.contains { $0.contains("stray.txt") })
  }
}
