import Foundation
import Testing

@testable import AudiobookCore

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct StreamOutputTests {
  @Test func aFIFONobodyReadsIsRefusedAtOnce() throws {
    try TestSupport.withScratchFolder { folder in
      let fifo = folder.appendingPathComponent("fifo").path
      #expect(mkfifo(fifo, 0o600) == 0)
      #expect(
        throws: AudiobookError(.io, "nothing is reading from this FIFO; start its reader first", file: fifo)
      ) {
        try StreamOutput(opening: fifo)
      }
      #expect(FileKind(path: fifo, followingLinks: false) == .fifo)
    }
  }

  @Test func aRegularFileIsNotOpenedAsAStream() throws {
    try TestSupport.withScratchFolder { folder in
      let file = try TestSupport.write("keep", to: "file", in: folder)
      #expect(throws: AudiobookError.self) { try StreamOutput(opening: file) }
      #expect(FileManager.default.contents(atPath: file) == Data("keep".utf8))
    }
  }

  @Test func copiesAFileIntoAFIFOItsReaderHolds() throws {
    try TestSupport.withScratchFolder { folder in
      let fifo = folder.appendingPathComponent("fifo").path
      #expect(mkfifo(fifo, 0o600) == 0)
      let reader = open(fifo, O_RDONLY | O_NONBLOCK)
      #expect(reader >= 0)
      defer { close(reader) }
      let bytes = (0..<1000).map { UInt8($0 % 251) }
      let source = folder.appendingPathComponent("source").path
      #expect(FileManager.default.createFile(atPath: source, contents: Data(bytes)))
      let output = try StreamOutput(opening: fifo)
      #expect(try output.copy(contentsOf: source))
      output.close()
      var received = [UInt8](repeating: 0, count: 2000)
      let count = received.withUnsafeMutableBytes { read(reader, $0.baseAddress, $0.count) }
      #expect(Array(received.prefix(max(count, 0))) == bytes)
    }
  }

  @Test func aReaderThatWentAwayIsFalseNotACrash() throws {
    try TestSupport.withScratchFolder { folder in
      let fifo = folder.appendingPathComponent("fifo").path
      #expect(mkfifo(fifo, 0o600) == 0)
      let reader = open(fifo, O_RDONLY | O_NONBLOCK)
      let output = try StreamOutput(opening: fifo)
      close(reader)
      #expect(try output.write(Array("lost".utf8)) == false)
      #expect(throws: AudiobookError.self) { try output.writeAll(Array("lost".utf8)) }
    }
  }
}
