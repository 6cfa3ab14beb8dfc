import Foundation

/// A folder that holds only files, as the render folders do.
package enum FlatFolder {
  /// The names in `folder`, hidden ones included; none when it cannot be read.
  package static func names(in folder: String) -> [String] {
    (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
  }

  /// Removes `folder` and what is directly inside it; a folder inside, which no render makes,
  /// is left with it.
  package static func remove(_ folder: String) {
    for name in names(in: folder) { unlink((folder as NSString).appendingPathComponent(name)) }
    rmdir(folder)
  }
}
