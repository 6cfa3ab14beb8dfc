import AudiobookKit
import Foundation

extension AudiobookCommand.Render {
  /// `--watch`: waits for a save of one of `files`, renders again (one commit, as every render
  /// is), prints one line, and waits again. A render that fails on the book's files (a typo
  /// in the lexicon) is reported and the folder keeps the last good render; the next save
  /// tries again. Ctrl-C ends it; the folder is whole, since a render commits in one step.
  func watchAndRender(_ files: [String]) throws(AudiobookError) {
    var files = files
    var watch = try FileWatch(files: files)
    if !quiet { announce(files) }
    while let changed = watch.waitForChange() {
      // The same watch stays while the files do, so that a save made during a render is
      // heard when it ends; a new watch is checked against the files as the render found them.
      let before = Self.snapshot(of: files)
      let names = changed.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
      do {
        let now = try renderOnce(changed: names)
        if now != files {
          files = now
          watch = try FileWatch(files: files)
          if !quiet { announce(files) }
          if Self.snapshot(of: files) != before { _ = try renderOnce(changed: "the watched files") }
        }
      } catch  where [.badInput, .missingInput, .usage].contains(error.kind) {
        Diagnostics.printError(error)
        FileHandle.standardError.write(Data("note: \(names) changed; the folder keeps the last render\n".utf8))
      }
    }
  }

  private func announce(_ files: [String]) {
    let names = files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
    FileHandle.standardError.write(Data("watching \(names) for changes (Ctrl-C ends)\n".utf8))
  }

  /// Each file's inode, size and modification time (nil for one that does not exist).
  private static func snapshot(of files: [String]) -> [String: [Int]] {
    var found: [String: [Int]] = [:]
    for file in files {
      var info = stat()
      guard stat(file, &info) == 0 else { continue }
      found[file] = [Int(info.st_ino), Int(info.st_size), info.st_mtim.tv_sec, info.st_mtim.tv_nsec]
    }
    return found
  }
}
