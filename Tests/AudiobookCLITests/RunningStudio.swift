import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `audiobook studio` started on a free port in a scratch folder, with a book of our own.
final class RunningStudio {
  /// Three chapters; "NTSB" is a word espeak-ng spells out.
  static let book = """
    # The Tide Clock

    ## Chapter 1: Low Water

    Mara wound the tide clock at six. It ran slow in winter and fast in summer, and nobody on the island minded.

    The ferry from Skerrow came twice a week. Its captain never once arrived on time.

    ## Chapter 2: The Storm

    Wind came from the west at noon. By evening the harbour wall was white with spray.

    "Will it hold?" asked the NTSB inspector. Mara said nothing.

    The lamp in the window burned until dawn.

    ## Chapter 3: High Water

    The clock stopped at midnight. In the morning the sea was calm again.

    """

  let scratch: ScratchDirectory
  let running: Audiobook.Running
  let probe: HTTPProbe
  var bookPath: String { scratch.appending("book.md") }

  /// Writes `book` as book.md and serves it; `flags` come after `studio book.md`.
  init(book: String = RunningStudio.book, flags: [String] = []) throws {
    scratch = try ScratchDirectory()
    try scratch.write(book, to: "book.md")
    running = try Audiobook.start(
      ["studio", "book.md", "--port", "0", "--cache", "cache"] + flags, in: scratch.url)
    var port: UInt16?
    _ = running.waitForStderr(timeout: 120) { lines in
      for line in lines {
        guard let start = line.range(of: "http://127.0.0.1:") else { continue }
        port = UInt16(line[start.upperBound...].prefix { $0.isNumber })
      }
      return port != nil
    }
    guard let port else {
      let result = running.wait(timeout: 5)
      scratch.remove()
      throw StudioFailure.didNotStart(result.stderrText)
    }
    probe = HTTPProbe(port: port)
  }

  enum StudioFailure: Error { case didNotStart(String) }

  /// Replaces the book as an editor saves it: a new file renamed over the old.
  func save(_ text: String) throws {
    let temporary = scratch.appending(".book.md.swp")
    try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
    guard rename(temporary, bookPath) == 0 else { throw POSIXError(.EIO) }
  }

  /// The session's token, from the page.
  func token() throws -> String {
    let page = try probe.get("/").text
    guard let range = page.range(of: #"content="[0-9a-f]{32}""#, options: .regularExpression) else { return "" }
    return String(page[range].dropFirst(9).dropLast())
  }

  /// Stops the server (SIGTERM) and removes the scratch folder; what it wrote.
  @discardableResult
  func stop() -> RunResult {
    kill(running.pid, SIGTERM)
    let result = running.wait(timeout: 30)
    scratch.remove()
    return result
  }
}
