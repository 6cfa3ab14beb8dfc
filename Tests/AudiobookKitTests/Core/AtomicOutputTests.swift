import Foundation
import Testing

@testable import AudiobookCore

@Suite struct AtomicOutputTests {
  @Test func writesThroughAHiddenTemporaryName() throws {
    try TestSupport.withScratchFolder { folder in
      let path = folder.appendingPathComponent("manifest.json").path
      #expect(
        AtomicOutput.temporaryPath(for: path)
          == folder.appendingPathComponent(".manifest.json.\(getpid()).partial").path)
      try AtomicOutput.write(Array("{}".utf8), to: path)
      #expect(FileManager.default.contents(atPath: path) == Data("{}".utf8))
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["manifest.json"])
    }
  }

  @Test func interruptionRemovesFilesInProgress() throws {
    try TestSupport.withScratchFolder { folder in
      let temporary = try TestSupport.write("half", to: ".x.partial", in: folder)
      AtomicOutput.register(temporary)
      AtomicOutput.removeAllInProgress(under: folder.path)
      AtomicOutput.unregister(temporary)
      #expect(!FileManager.default.fileExists(atPath: temporary))
    }
  }
}
