import Foundation

/// Paths and scratch folders shared by the library's tests.
enum TestSupport {
  /// The built `audiobook` executable, which serves as the synthesis worker; it sits beside
  /// the test bundle because this test target depends on it.
  static var workerExecutable: String {
    let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("audiobook").path
  }

  /// The repository's root folder.
  static var repository: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
  }

  /// A new empty folder, removed by `body`'s caller via the returned URL.
  static func scratchFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("audiobook-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Runs `body` with a fresh folder and removes it afterwards.
  static func withScratchFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
  }

  /// Writes `text` to `name` in `folder` and returns the path.
  @discardableResult
  static func write(_ text: String, to name: String, in folder: URL) throws -> String {
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  /// A sine tone of `amplitude` (full scale 1), `seconds` long at `rate`.
  static func sine(_ frequency: Double, amplitude: Double, rate: Int, seconds: Double) -> [Float] {
    (0..<Int(Double(rate) * seconds)).map {
      Float(amplitude * sin(2 * Double.pi * frequency * Double($0) / Double(rate)))
    }
  }
}
