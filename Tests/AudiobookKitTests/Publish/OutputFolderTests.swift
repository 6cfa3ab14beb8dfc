import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookPublish

@Suite struct OutputFolderTests {
  @Test func aFolderIsCreatedWithItsParentsOrTakenAsItIs() throws {
    try TestSupport.withScratchFolder { folder in
      let nested = folder.appendingPathComponent("out/books/2024").path
      try OutputFolder.create(nested)
      var isDirectory: ObjCBool = false
      #expect(FileManager.default.fileExists(atPath: nested, isDirectory: &isDirectory) && isDirectory.boolValue)
      // An existing folder is fine, and what it holds stays.
      try TestSupport.write("kept", to: "note.txt", in: URL(fileURLWithPath: nested))
      try OutputFolder.create(nested)
      #expect(FileManager.default.contents(atPath: nested + "/note.txt") == Data("kept".utf8))
    }
  }

  @Test func aFileWhereTheFolderShouldBeIsCannotCreate() throws {
    try TestSupport.withScratchFolder { folder in
      let file = try TestSupport.write("text", to: "out", in: folder)
      let error = #expect(throws: AudiobookError.self) { try OutputFolder.create(file) }
      #expect(error?.kind == .cannotCreate)
      #expect(error?.message == "is a file, not a folder")
      #expect(error?.file == file)
    }
  }

  /// Under a file, the message names the file in the way, however deep the path goes on.
  @Test func aFileInThePathIsNamed() throws {
    try TestSupport.withScratchFolder { folder in
      let file = try TestSupport.write("text", to: "books", in: folder)
      let target = file + "/novel/audio"
      let error = #expect(throws: AudiobookError.self) { try OutputFolder.create(target) }
      #expect(error?.kind == .cannotCreate)
      #expect(
        error?.message == "cannot create the folder: '\(URL(fileURLWithPath: file).standardizedFileURL.path)' is a file"
      )
      #expect(error?.file == target)
      #expect(!FileManager.default.fileExists(atPath: file + "/novel"))
    }
  }
}
