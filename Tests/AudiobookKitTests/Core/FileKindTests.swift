import Foundation
import Testing

@testable import AudiobookCore

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct FileKindTests {
  @Test func tellsEveryKindApartWithoutOpeningIt() throws {
    try TestSupport.withScratchFolder { folder in
      let file = try TestSupport.write("text", to: "file.txt", in: folder)
      let fifo = folder.appendingPathComponent("fifo").path
      #expect(mkfifo(fifo, 0o600) == 0)
      let link = folder.appendingPathComponent("link").path
      #expect(symlink(folder.path, link) == 0)
      #expect(FileKind(path: file, followingLinks: false) == .regular)
      #expect(FileKind(path: folder.path, followingLinks: false) == .directory)
      // Looking at a FIFO must not block (stat, not open).
      #expect(FileKind(path: fifo, followingLinks: false) == .fifo)
      #expect(FileKind(path: "/dev/null", followingLinks: true) == .characterDevice)
      #expect(FileKind(path: link, followingLinks: false) == .symbolicLink)
      #expect(FileKind(path: link, followingLinks: true) == .directory)
      #expect(FileKind(path: folder.appendingPathComponent("none").path, followingLinks: true) == .missing)
      #expect(FileKind.fifo.described == "a FIFO")
    }
  }
}
