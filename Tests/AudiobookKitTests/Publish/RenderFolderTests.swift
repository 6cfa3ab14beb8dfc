import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookPublish

@Suite struct RenderFolderTests {
  static func inode(_ path: String) -> UInt? {
    var info = stat()
    return lstat(path, &info) == 0 ? UInt(info.st_ino) : nil
  }

  static func names(_ path: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
  }

  /// A published book folder holding a previous render's files and the user's own.
  static func previousRender(in root: URL) throws -> String {
    let book = root.appendingPathComponent("book")
    try FileManager.default.createDirectory(at: book, withIntermediateDirectories: true)
    for (name, text) in [
      ("01 One.wav", "one"), ("02 Two.wav", "two"), ("manifest.json", "{}"), ("notes.txt", "mine"),
      (".01 One.wav.123.partial", "half"),
    ] {
      try TestSupport.write(text, to: name, in: book)
    }
    #expect(symlink("notes.txt", book.appendingPathComponent("latest").path) == 0)
    return book.path
  }

  @Test func aCommitSwapsInTheNewRenderKeepingWhatIsUnchangedAndWhatNoRenderMade() throws {
    try TestSupport.withScratchFolder { root in
      let book = try Self.previousRender(in: root)
      let kept = Self.inode("\(book)/01 One.wav")
      let notes = Self.inode("\(book)/notes.txt")

      let folder = try RenderFolder(published: book)
      #expect(folder.staging == root.appendingPathComponent(".book.\(getpid()).render").path)
      try folder.keep("01 One.wav")
      try folder.write(Array("three".utf8), to: "03 Three.wav")
      try folder.write(Array("{}".utf8), to: "manifest.json")  // the same bytes as before
      try folder.commit(previousRender: ["01 One.wav", "02 Two.wav", "manifest.json"])

      // 02 is the previous render's and not this one's; the temporary file was nobody's.
      #expect(Self.names(book) == ["01 One.wav", "03 Three.wav", "latest", "manifest.json", "notes.txt"])
      #expect(Self.inode("\(book)/01 One.wav") == kept)
      #expect(Self.inode("\(book)/notes.txt") == notes)
      #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "\(book)/latest") == "notes.txt")
      #expect(FileManager.default.contents(atPath: "\(book)/03 Three.wav") == Data("three".utf8))
      #expect(Self.names(root.path) == [".book.lock", "book"])
    }
  }

  @Test func aFileWithTheSameBytesAsBeforeKeepsItsModificationTime() throws {
    try TestSupport.withScratchFolder { root in
      let book = try Self.previousRender(in: root)
      let before = Self.inode("\(book)/manifest.json")
      let folder = try RenderFolder(published: book)
      try folder.write(Array("{}".utf8), to: "manifest.json")
      try folder.write(Array("two, changed".utf8), to: "02 Two.wav")
      try folder.commit(previousRender: ["01 One.wav", "02 Two.wav", "manifest.json"])
      #expect(Self.inode("\(book)/manifest.json") == before)
      #expect(FileManager.default.contents(atPath: "\(book)/02 Two.wav") == Data("two, changed".utf8))
    }
  }

  @Test func aDiscardedRenderLeavesThePreviousOneAlone() throws {
    try TestSupport.withScratchFolder { root in
      let book = try Self.previousRender(in: root)
      let before = Self.names(book)
      do {
        let folder = try RenderFolder(published: book)
        try folder.write(Array("new".utf8), to: "01 One.wav")
        folder.discard()
      }
      #expect(Self.names(book) == before)
      #expect(FileManager.default.contents(atPath: "\(book)/01 One.wav") == Data("one".utf8))
      #expect(Self.names(root.path) == [".book.lock", "book"])
    }
  }

  /// Renders of one book take turns by `.<slug>.lock` beside it, which stays.
  @Test func theFirstRenderIsRenamedIntoPlace() throws {
    try TestSupport.withScratchFolder { root in
      let book = root.appendingPathComponent("book").path
      let folder = try RenderFolder(published: book)
      try folder.write(Array("one".utf8), to: "01 One.wav")
      try folder.commit(previousRender: [])
      #expect(Self.names(book) == ["01 One.wav"])
      #expect(Self.names(root.path) == [".book.lock", "book"])
    }
  }

  @Test(arguments: ["folder", "fifo"])
  func somethingNoRenderMakesInTheBookFolderIsRefusedNotDropped(kind: String) throws {
    try TestSupport.withScratchFolder { root in
      let book = try Self.previousRender(in: root)
      let odd = "\(book)/odd"
      if kind == "folder" {
        try FileManager.default.createDirectory(atPath: odd, withIntermediateDirectories: false)
      } else {
        #expect(mkfifo(odd, 0o600) == 0)
      }
      #expect {
        _ = try RenderFolder(published: book)
      } throws: { error in
        (error as? AudiobookError)?.kind == .cannotCreate && (error as? AudiobookError)?.file == odd
      }
      #expect(Self.names(root.path) == [".book.lock", "book"])
    }
  }

  @Test func aBookFolderThatIsASymbolicLinkIsRefused() throws {
    try TestSupport.withScratchFolder { root in
      try FileManager.default.createDirectory(
        at: root.appendingPathComponent("elsewhere"), withIntermediateDirectories: false)
      #expect(symlink("elsewhere", root.appendingPathComponent("book").path) == 0)
      #expect(throws: AudiobookError.self) { _ = try RenderFolder(published: root.appendingPathComponent("book").path) }
    }
  }

  /// A killed render's folder (no lock held) is removed; a running one's (locked) is left; a
  /// previous render set aside and never replaced goes back into place.
  @Test func abandonedFoldersAreSweptAndRunningOnesLeftAlone() throws {
    try TestSupport.withScratchFolder { root in
      let running = root.appendingPathComponent(".book.4242.render")
      let abandoned = root.appendingPathComponent(".book.4343.render")
      let aside = root.appendingPathComponent(".book.4444.previous")
      let unrelated = root.appendingPathComponent(".book.notes.render")
      for folder in [running, abandoned, aside, unrelated] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        try TestSupport.write("x", to: "01 One.wav", in: folder)
      }
      let lock = open(running.path, O_RDONLY | O_DIRECTORY)
      defer { close(lock) }
      #expect(flock(lock, LOCK_EX) == 0)

      let folder = try RenderFolder(published: root.appendingPathComponent("book").path)
      defer { folder.discard() }
      #expect(
        Set(Self.names(root.path)) == [
          ".book.4242.render", ".book.\(getpid()).render", ".book.notes.render", ".book.lock", "book",
        ])
      #expect(Self.names(root.appendingPathComponent("book").path) == ["01 One.wav"])
    }
  }
}
