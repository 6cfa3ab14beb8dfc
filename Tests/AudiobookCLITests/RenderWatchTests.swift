import AudiobookKit
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `render --watch`: renders, then re-renders only what changed after each save, one line
/// each; a save that breaks the book leaves the last render; Ctrl-C ends it, the folder whole.
@Suite struct RenderWatchTests {
  static let book = """
    The Salt Road

    Chapter 1

    The carts left at dawn, loaded with salt from the pans.

    Chapter 2

    By noon they had reached the ford. The river was low.

    Chapter 3

    At dusk the lights of the market town came into view.

    """

  /// Reads lines from a pipe as they come.
  final class Lines {
    let handle: FileHandle
    private var buffer = Data()

    init(_ handle: FileHandle) { self.handle = handle }

    /// The next whole line, or nil when none comes within `timeout`.
    func next(timeout: TimeInterval = 120) -> String? {
      let deadline = Date().addingTimeInterval(timeout)
      while true {
        if let end = buffer.firstIndex(of: 0x0A) {
          let line = String(decoding: buffer[..<end], as: UTF8.self)
          buffer.removeSubrange(...end)
          return line
        }
        guard !readableDescriptors([handle.fileDescriptor], until: deadline).isEmpty else { return nil }
        let chunk = handle.availableData
        if chunk.isEmpty { return nil }
        buffer += chunk
      }
    }
  }

  @Test func eachSaveIsOneReRenderOfWhatChangedAndCtrlCLeavesTheFolderWhole() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let bookPath = try scratch.write(Self.book, to: "book.txt")
    let output = Pipe()
    let running = try Audiobook.start(
      ["render", "book.txt", "--watch", "-o", "out", "--progress", "none"], in: scratch.url,
      standardOutput: output.fileHandleForWriting)
    try output.fileHandleForWriting.close()
    let lines = Lines(output.fileHandleForReading)
    defer { if running.isRunning { kill(running.pid, SIGKILL) } }

    let first = try #require(lines.next())
    #expect(first.contains("3 chapters") && first.contains("synthesized 3 of 3 paragraphs"), "\(first)")
    #expect(running.waitForStderr { $0.contains { $0.hasPrefix("watching ") && $0.contains("book.txt") } })

    // Saved as editors save: a new file renamed over the old.
    let edited = Self.book.replacingOccurrences(of: "The river was low.", with: "The river was high.")
    try scratch.write(edited, to: ".book.txt.swp")
    #expect(rename(scratch.appending(".book.txt.swp"), bookPath) == 0)
    let second = try #require(lines.next())
    #expect(second.hasPrefix("book.txt changed: "), "\(second)")
    #expect(second.contains("synthesized 1 of 3 paragraphs, rewrote 1 chapter files"), "\(second)")
    let folder = scratch.appending("out/the-salt-road")
    let manifest = try String(contentsOfFile: folder + "/manifest.json", encoding: .utf8)
    #expect(manifest.contains("The river was high."))

    // A lexicon that does not read: one error line naming it, and the render stays as it was.
    try scratch.write("\"ford\": [\n", to: "book.lexicon.yaml")
    #expect(
      running.waitForStderr { $0.contains { $0.hasPrefix("book.lexicon.yaml:") && $0.contains(": error: ") } },
      "no error line for the broken lexicon")
    #expect(try String(contentsOfFile: folder + "/manifest.json", encoding: .utf8) == manifest)
    try scratch.write("\"ford\": \"fored\"\n", to: "book.lexicon.yaml")
    let third = try #require(lines.next())
    #expect(third.hasPrefix("book.lexicon.yaml changed: ") && third.contains("rewrote 1 chapter files"), "\(third)")

    kill(running.pid, SIGINT)
    let result = running.wait(timeout: 60)
    #expect(result.status == 130, "\(result.stderrText)")
    let verify = try Audiobook.run(["verify", folder], in: scratch.url)
    #expect(verify.status == 0, "\(verify.stdoutText)\(verify.stderrText)")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty, "\(leftovers)")
  }

  @Test func watchRendersTheWholeBookSoItTakesNoShard() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try scratch.write(Self.book, to: "book.txt")
    let result = try Audiobook.run(["render", "book.txt", "--watch", "--shard", "1/2"], in: scratch.url)
    #expect(result.status == 64)
    #expect(result.stderrText.contains("--watch"))
  }
}
