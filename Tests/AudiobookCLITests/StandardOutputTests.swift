import Foundation
import Testing

/// Every command that prints to stdout says so in one line (exit 74) when stdout is full,
/// rather than losing its output silently or trapping in Foundation's `FileHandle`.
@Suite struct StandardOutputTests {
  @Test(arguments: [
    ["sentences", Fixtures.exampleBook], ["plan", Fixtures.exampleBook], ["plan", Fixtures.exampleBook, "--json"],
    ["plan", Fixtures.exampleBook, "--lexicon-report", "--json"], ["voices"], ["voices", "--json"],
  ])
  func aFullStdoutIsOneLineAndExit74(arguments: [String]) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    let result = try Audiobook.start(arguments, in: scratch.url, standardOutput: full).wait(timeout: 60)
    #expect(result.exited, "killed by signal \(result.status)")
    #expect(result.status == 74)
    #expect(result.stderrLines.count == 1, "\(result.stderrText)")
    #expect(result.stderrText.hasPrefix("<stdout>: error: cannot write"), "\(result.stderrText)")
  }
}
