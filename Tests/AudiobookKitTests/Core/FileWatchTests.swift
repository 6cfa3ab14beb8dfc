import Foundation
import Testing

@testable import AudiobookCore

/// Hearing of saves to named files through inotify.
@Suite struct FileWatchTests {
  @Test func aSaveByRenameAndAWriteInPlaceAreHeardAndOtherFilesAreNot() throws {
    try TestSupport.withScratchFolder { folder in
      let book = try TestSupport.write("one", to: "book.txt", in: folder)
      let lexicon = folder.appendingPathComponent("book.lexicon.yaml").path  // not there yet
      let watch = try FileWatch(files: [book, lexicon])
      _ = try TestSupport.write("noise", to: "other.txt", in: folder)
      let swap = try TestSupport.write("two", to: ".book.txt.swp", in: folder)
      #expect(rename(swap, book) == 0)
      #expect(watch.waitForChange(timeout: .seconds(30)) == [book])
      _ = try TestSupport.write("Darcy: DAR-see\n", to: "book.lexicon.yaml", in: folder)
      #expect(watch.waitForChange(timeout: .seconds(30)) == [lexicon])
    }
  }

  @Test func nothingChangedIsNilAtTheTimeout() throws {
    try TestSupport.withScratchFolder { folder in
      let book = try TestSupport.write("one", to: "book.txt", in: folder)
      let watch = try FileWatch(files: [book])
      #expect(watch.waitForChange(timeout: .milliseconds(50)) == nil)
    }
  }

  @Test func closeEndsAWaitOnAnotherThread() throws {
    try TestSupport.withScratchFolder { folder in
      let book = try TestSupport.write("one", to: "book.txt", in: folder)
      let watch = try FileWatch(files: [book])
      let ended = DispatchSemaphore(value: 0)
      Thread {
        _ = watch.waitForChange()
        ended.signal()
      }.start()
      watch.close()
      #expect(ended.wait(timeout: .now() + 30) == .success)
    }
  }

  @Test func aFolderThatDoesNotExistCannotBeWatched() {
    #expect(throws: AudiobookError.self) { try FileWatch(files: ["/nonexistent-folder-for-a-test/book.txt"]) }
  }
}
