import Foundation

/// Creates output folders, explaining in plain words why one cannot be made.
enum OutputFolder {
  /// Creates `folder` and its parents, and checks it can be written.
  ///
  /// - Throws: `.cannotCreate` naming the part of the path at fault.
  static func create(_ folder: String) throws(AudiobookError) {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else { throw AudiobookError(.cannotCreate, "is a file, not a folder", file: folder) }
    } else {
      // Find the deepest part of the path that exists: that is where creation fails.
      var ancestor = (folder as NSString).deletingLastPathComponent
      while !ancestor.isEmpty, ancestor != "/",
        !FileManager.default.fileExists(atPath: ancestor, isDirectory: &isDirectory)
      {
        ancestor = (ancestor as NSString).deletingLastPathComponent
      }
      if !ancestor.isEmpty, FileManager.default.fileExists(atPath: ancestor, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        throw AudiobookError(.cannotCreate, "cannot create the folder: '\(ancestor)' is a file", file: folder)
      }
      do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      } catch {
        let reason =
          FileManager.default.isWritableFile(atPath: ancestor.isEmpty ? "." : ancestor)
          ? "\(error.localizedDescription)" : "'\(ancestor)' is not writable"
        throw AudiobookError(.cannotCreate, "cannot create the folder: \(reason)", file: folder)
      }
    }
    guard FileManager.default.isWritableFile(atPath: folder) else {
      throw AudiobookError(.cannotCreate, "the folder is not writable", file: folder)
    }
  }
}
