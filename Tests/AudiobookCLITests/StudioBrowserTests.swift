import Foundation
import Testing

/// The studio's page in a real browser: Debian's chromium, headless, loads it and its script
/// renders the book (skipped where chromium is not installed; `.ci/run` installs it).
@Suite struct StudioBrowserTests {
  static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// The page's DOM once its script has run, as chromium prints it.
  static func renderedPage(of studio: RunningStudio) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(chromium))
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
      "--user-data-dir=\(studio.scratch.appending("chromium-profile"))", "--dump-dom",
      "http://127.0.0.1:\(studio.probe.port)/",
    ]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let dom = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return String(decoding: dom, as: UTF8.self)
  }

  @Test(.enabled(if: chromium != nil, "chromium is not installed"))
  func thePageShowsTheChaptersAndTheParagraphsOfTheFirst() throws {
    let studio = try RunningStudio()
    defer { studio.stop() }
    let dom = try Self.renderedPage(of: studio)
    #expect(dom.contains("<title>The Tide Clock · audiobook studio</title>"), "\(dom.prefix(2000))")
    #expect(dom.contains(#"<h1 id="title">The Tide Clock</h1>"#))
    // The chapter list and the first chapter's paragraphs exist only once the script ran.
    for (number, title) in [(1, "Chapter 1: Low Water"), (2, "Chapter 2: The Storm"), (3, "Chapter 3: High Water")] {
      #expect(dom.contains(#"data-chapter="\#(number)""#) && dom.contains("\(number). \(title)"), "\(title)")
    }
    #expect(dom.contains(#"<h2 id="chapter-1">Chapter 1: Low Water</h2>"#))
    #expect(dom.contains(#"data-address="1:1""#) && dom.contains(#"data-address="1:2""#))
    #expect(!dom.contains(#"data-address="2:1""#), "only the chapter shown")
    #expect(dom.contains(#"<span class="word">Mara</span> <span class="word">wound</span>"#))
    #expect(dom.contains(#"<span class="line">5</span>"#), "the paragraph's source line")
  }

  @Test(.enabled(if: chromium != nil, "chromium is not installed"))
  func wordsEspeakNGSpellsOutAreMarkedAndBookTextIsNeverMarkup() throws {
    // Escaped, so that the book's text holds the tags as written.
    let book = RunningStudio.book.replacingOccurrences(
      of: "## Chapter 1: Low Water\n",
      with: #"## Chapter 1: Low Water\#n\#nThe NTSB sent \<b\>word\</b\> & \<script\>x()\</script\>.\#n"#)
    let studio = try RunningStudio(book: book)
    defer { studio.stop() }
    let dom = try Self.renderedPage(of: studio)
    #expect(
      dom.contains(
        #"<span class="word spelled" title="espeak-ng spells this out: click to try a respelling">NTSB</span>"#))
    #expect(dom.contains(#"<span class="word">&lt;b&gt;word&lt;/b&gt;</span>"#), "book text was parsed as HTML")
    #expect(!dom.contains("<b>word</b>") && !dom.contains("<script>x()"), "book text was parsed as HTML")
  }
}
