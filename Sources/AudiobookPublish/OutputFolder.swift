import Foundation
import AudiobookCore

/// Creates output folders, explaining in plain words why one cannot be made.
enum OutputFolder {
  /// Creates `folder` and its parents, and checks it can be written.
  ///
  /// - Throws: `.cannotCreate` naming the part of the path at fault.
  static func create(_ folder: String) throws(AudiobookError) {
    guard folder.utf8.count < 4_096 else {
      throw AudiobookError(
        .cannotCreate, "the path is \(folder.utf8.count) bytes long, more than Linux takes (4095)",
        file: String(folder.prefix(200)) + "…")
    }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else { throw AudiobookError(.cannotCreate, "is a file, not a folder", file: folder) }
    } else {
      do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      } catch {
        throw AudiobookError(.cannotCreate, "cannot create the folder: \(obstacle(to: folder))", file: folder)
      }
    }
    guard FileManager.default.isWritableFile(atPath: folder) else {
      throw AudiobookError(.cannotCreate, "the folder is not writable", file: folder)
    }
  }

  /// Why `folder` cannot be made: the deepest part of its path that exists is a file, or is
  /// not writable.
  private static func obstacle(to folder: String) -> String {
    var ancestor = URL(fileURLWithPath: folder).standardizedFileURL
    var isDirectory: ObjCBool = false
    while ancestor.path != "/" && !FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDirectory) {
      ancestor.deleteLastPathComponent()
    }
    if !isDirectory.boolValue { return "'\(ancestor.path)' is a file" }
    if !FileManager.default.isWritableFile(atPath: ancestor.path) { return "'\(ancestor.path)' is not writable" }
    return "'\(ancestor.path)' does not accept new folders"
  }
}
