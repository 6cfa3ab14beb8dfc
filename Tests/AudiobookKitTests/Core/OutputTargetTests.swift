import Foundation
import Testing

@testable import AudiobookCore

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct OutputTargetTests {
  @Test func aRegularFileOrNothingIsAFileAndADeviceOrFIFOIsAStream() throws {
    try TestSupport.withScratchFolder { folder in
      let fifo = folder.appendingPathComponent("fifo").path
      #expect(mkfifo(fifo, 0o600) == 0)
      let file = try TestSupport.write("old", to: "report.json", in: folder)
      #expect(try OutputTarget(path: file) == .file)
      #expect(try OutputTarget(path: folder.appendingPathComponent("new.json").path) == .file)
      #expect(try OutputTarget(path: fifo) == .stream)
      #expect(try OutputTarget(path: "/dev/null") == .stream)
      #expect(FileKind(path: fifo, followingLinks: false) == .fifo)
    }
  }

  @Test func aFolderOrALinkToOneIsRefused() throws {
    try TestSupport.withScratchFolder { folder in
      let link = folder.appendingPathComponent("link").path
      #expect(symlink(folder.path, link) == 0)
      for path in [folder.path, link] {
        #expect(throws: AudiobookError(.cannotCreate, "is a folder, not a file to write", file: path)) {
          try OutputTarget(path: path)
        }
      }
    }
  }

  @Test func writesAFileThroughARenameAndADeviceInPlace() throws {
    try TestSupport.withScratchFolder { folder in
      let file = try TestSupport.write("old", to: "report.json", in: folder)
      try OutputTarget.write(Array("new".utf8), to: file)
      #expect(FileManager.default.contents(atPath: file) == Data("new".utf8))
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"])
      try OutputTarget.write(Array("gone".utf8), to: "/dev/null")
      #expect(FileKind(path: "/dev/null", followingLinks: true) == .characterDevice)
    }
  }

  @Test func aFullDeviceSaysTheDiskIsFullAndStaysADevice() throws {
    #expect(
      throws: AudiobookError(.io, "cannot write: the disk is full (no space left on device)", file: "/dev/full")
    ) {
      try OutputTarget.write(Array("x".utf8), to: "/dev/full")
    }
    #expect(FileKind(path: "/dev/full", followingLinks: true) == .characterDevice)
  }
}
