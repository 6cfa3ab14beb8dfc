import Foundation

/// A private folder, made once per process under `$TMPDIR`, for readers that take a path:
/// each input is written over the same file names, so a long run leaves no pile of files.
enum ScratchFolder {
  /// The folder's path; the process stops when it cannot be made, since no input could be tried.
  static let path: String = {
    let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    var template = Array("\(base)/audiobook-fuzz.XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else {
      FileHandle.standardError.write(Data("error: cannot make a scratch folder in \(base)\n".utf8))
      exit(73)
    }
    return String(cString: made)
  }()

  /// Writes `data` to `name` inside the scratch folder (or a folder inside it) and returns the file's path.
  @discardableResult
  static func write(_ data: Data, to name: String) -> String {
    let file = (path as NSString).appendingPathComponent(name)
    do {
      try data.write(to: URL(fileURLWithPath: file))
    } catch {
      FileHandle.standardError.write(Data("error: cannot write \(file): \(error)\n".utf8))
      exit(74)
    }
    return file
  }
}
