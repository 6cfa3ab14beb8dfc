import Foundation
import Testing

@testable import AudiobookKit

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

  @Test func sweepsOnlyTheTemporaryFilesOfProcessesThatAreGone() throws {
    try TestSupport.withScratchFolder { folder in
      // pid 1 is alive (init); 2^22 + 1 is above Linux's pid_max, so no process has it.
      try TestSupport.write("x", to: ".01 One.wav.\(1 << 22 + 1).partial", in: folder)
      try TestSupport.write("x", to: ".02 Two.wav.1.partial", in: folder)
      try TestSupport.write("x", to: "01 One.wav", in: folder)
      AtomicOutput.sweepStale(in: folder.path)
      #expect(
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
          ".02 Two.wav.1.partial", "01 One.wav",
        ])
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
