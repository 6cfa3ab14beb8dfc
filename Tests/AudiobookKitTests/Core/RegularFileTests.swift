import Foundation
import Testing

@testable import AudiobookCore

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct RegularFileTests {
  @Test func itsPathReachesTheOpenFileEvenAfterTheNameIsSwapped() throws {
    try TestSupport.withScratchFolder { folder in
      let name = try TestSupport.write("first", to: "a.wav", in: folder)
      let file = try RegularFile(opening: name)
      defer { file.close() }
      #expect(file.size == 5)
      #expect(file.name == name)
      // Swapped for a FIFO after the open: the open file is still what is read.
      #expect(unlink(name) == 0)
      #expect(mkfifo(name, 0o600) == 0)
      #expect(FileManager.default.contents(atPath: file.path) == Data("first".utf8))
    }
  }

  @Test func aFIFOADeviceOrALinkIsRefusedWithoutBlocking() throws {
    try TestSupport.withScratchFolder { folder in
      let fifo = folder.appendingPathComponent("fifo.wav").path
      #expect(mkfifo(fifo, 0o600) == 0)
      let target = try TestSupport.write("outside", to: "target.wav", in: folder)
      let link = folder.appendingPathComponent("link.wav").path
      #expect(symlink(target, link) == 0)
      #expect(throws: AudiobookError(.badInput, "is a FIFO, not a plain file", file: fifo)) {
        try RegularFile(opening: fifo)
      }
      #expect(throws: AudiobookError(.badInput, "is a character device, not a plain file", file: "/dev/null")) {
        try RegularFile(opening: "/dev/null")
      }
      #expect(throws: AudiobookError(.badInput, "is a symbolic link, not a plain file", file: link)) {
        try RegularFile(opening: link)
      }
      #expect(throws: AudiobookError.self) { try RegularFile(opening: folder.appendingPathComponent("none").path) }
    }
  }
}
