import Foundation
import SystemPackage
import Testing

@testable import AudiobookCore

#if canImport(Glibc)
  import Glibc
#endif

/// Whole reads and writes and the worker's length-prefixed messages, on real pipes.
@Suite struct FileDescriptorWholeTests {
  private func withPipe<T>(_ body: (_ read: FileDescriptor, _ write: FileDescriptor) throws -> T) throws -> T {
    let (readEnd, writeEnd) = try FileDescriptor.pipe()
    defer {
      try? readEnd.close()
      try? writeEnd.close()
    }
    return try body(readEnd, writeEnd)
  }

  @Test func messagesArriveWholeAndInOrder() throws {
    try withPipe { readEnd, writeEnd throws in
      try writeEnd.writeMessage(Array("first".utf8))
      try writeEnd.writeMessage([])
      try writeEnd.writeMessage([1, 2, 3])
      #expect(try readEnd.readMessage() == Array("first".utf8))
      #expect(try readEnd.readMessage() == [])
      #expect(try readEnd.readMessage() == [1, 2, 3])
    }
  }

  @Test func theEndOfTheFileInsideAMessageIsNoMessage() throws {
    try withPipe { readEnd, writeEnd throws in
      var header = ByteWriter()
      header.append(UInt32(10))
      try writeEnd.writeWhole(header.bytes + [1, 2, 3])
      try writeEnd.close()
      #expect(try readEnd.readMessage() == nil)
      #expect(try readEnd.read(exactly: 1) == nil)
    }
  }

  @Test func aMessageLargerThanThePipeIsWrittenAndReadWhole() throws {
    let bytes = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    try withPipe { readEnd, writeEnd throws in
      // A writer on its own thread: the pipe holds far less than the message.
      let written = DispatchSemaphore(value: 0)
      nonisolated(unsafe) var failure: Errno?
      Thread {
        do throws(Errno) { try writeEnd.writeMessage(bytes) } catch { failure = error }
        written.signal()
      }.start()
      #expect(try readEnd.readMessage() == bytes)
      written.wait()
      #expect(failure == nil)
    }
  }

  @Test func writingToAPipeNobodyReadsIsABrokenPipe() throws {
    signal(SIGPIPE, SIG_IGN)
    try withPipe { readEnd, writeEnd throws in
      try readEnd.close()
      #expect(throws: Errno.brokenPipe) { try writeEnd.writeWhole([1, 2, 3]) }
    }
  }

  @Test func readingAClosedDescriptorIsItsErrno() {
    #expect(throws: Errno.badFileDescriptor) { try FileDescriptor(rawValue: -1).read(exactly: 4) }
  }
}
