import EpubTestSupport
import Foundation
import Testing

/// EPUBs through the built binary: `render`, `plan` and `say --book`, and the broken ones.
@Suite struct EpubCommandTests {
  /// Writes `epub` into the scratch folder as `name`.
  private func write(_ epub: EpubFile, _ name: String = "book.epub", in scratch: ScratchDirectory) throws -> String {
    try epub.write(to: scratch.appending(name))
  }

  /// Runs `audiobook ARGUMENTS`, requiring success; the result is for the tests that read its output.
  @discardableResult
  private func run(_ arguments: [String], in scratch: ScratchDirectory) throws -> RunResult {
    let result = try Audiobook.run(arguments, in: scratch.url)
    try #require(result.status == 0 && result.exited, "\(arguments) failed: \(result.stderrText)")
    return result
  }

  @Test func renderWritesChapterFilesWithTheTableOfContentsTitles() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try write(EpubSamples.epub3, in: scratch)
    try run(["render", book, "-o", scratch.appending("out"), "-q"], in: scratch)

    let folder = scratch.appending("out/the-salt-road")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    #expect(
      files == [
        "01 The Salt Road.wav", "02 Chapter 1 The Letter.wav", "03 Chapter 2 The Crossing.wav",
        "04 Chapter 3 The Keeper.wav", "manifest.json", "the-salt-road.cue",
      ])
    let manifest = try ManifestFile.read((folder as NSString).appendingPathComponent("manifest.json"))
    #expect(manifest.title == "The Salt Road")
    #expect(manifest.author == "Ada Quill")
    #expect(
      manifest.chapters.map(\.title) == [
        "The Salt Road", "Chapter 1: The Letter", "Chapter 2: The Crossing", "Chapter 3: The Keeper",
      ])
    #expect(
      manifest.chapters[1].paragraphs.flatMap(\.sentences).map(\.text) == [
        "The letter came on a Tuesday, folded twice and smelling of the sea.",
        "Mara read it at the window while the kettle sang.",
      ])
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json")))
    let metadata = json as? [String: Any]
    #expect(metadata?["language"] as? String == "en")
    #expect(metadata?["publisher"] as? String == "Harbour & Lamp")
    #expect(metadata?["date"] as? String == "2021-03-04")
    let voice = metadata?["voice"] as? [String: Any]
    #expect(voice?["name"] as? String == "narrator")

    let cue = try String(contentsOfFile: folder + "/the-salt-road.cue", encoding: .utf8)
    #expect(
      cue.hasPrefix("REM DATE 2021\nREM LANGUAGE en\nREM PUBLISHER \"Harbour & Lamp\"\nTITLE \"The Salt Road\"\n"))
    #expect(cue.contains("    TITLE \"Chapter 3: The Keeper\"\n"))
    try run(["verify", folder], in: scratch)
  }

  /// A part page holding only its heading is a chapter file with the title alone.
  @Test func renderAnEpub2WithAPartPage() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try write(EpubSamples.epub2, "lanterns.epub", in: scratch)
    try run(["render", book, "-o", scratch.appending("out"), "-q"], in: scratch)
    let manifest = try ManifestFile.read(scratch.appending("out/lanterns/manifest.json"))
    #expect(manifest.chapters.map(\.file) == ["01 Part One.wav", "02 One.wav", "03 Two.wav"])
    #expect(manifest.chapters.map(\.paragraphs.count) == [0, 2, 1])
    #expect(manifest.chapters[0].frames > 22_050)
    try run(["verify", scratch.appending("out/lanterns")], in: scratch)
  }

  @Test func frenchBookIsReadWithAFrenchVoice() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try write(EpubSamples.fragments, "harbours.epub", in: scratch)
    try run(["render", book, "-o", scratch.appending("out"), "-q"], in: scratch)
    let folder = scratch.appending("out/three-harbours")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json")))
    let voice = (json as? [String: Any])?["voice"] as? [String: Any]
    let settings = voice?["settings"] as? [String: Any]
    #expect((voice?["name"] as? String)?.hasPrefix("narrator (fr") ?? false, "\(voice ?? [:])")
    #expect((settings?["voice"] as? String)?.hasSuffix("/fr") ?? false, "\(settings ?? [:])")
    let manifest = try ManifestFile.read(folder + "/manifest.json")
    #expect(manifest.chapters.map(\.title) == ["Saltby", "Quayford", "Lowmoor"])

    // A voice named on the command line still wins.
    let plan = try run(["render", book, "-o", scratch.appending("us"), "-q", "--voice", "narrator-us"], in: scratch)
    #expect(plan.stderr.isEmpty)
    let us = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: scratch.appending("us/three-harbours/manifest.json"))))
    #expect(((us as? [String: Any])?["voice"] as? [String: Any])?["name"] as? String == "narrator-us")
  }

  @Test func planShowsTheChaptersOfAnEpub2() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try write(EpubSamples.epub2, "lanterns.epub", in: scratch)
    let json = try run(["plan", book, "--json"], in: scratch)
    let plan = try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any]
    let chapters = plan?["chapters"] as? [[String: Any]] ?? []
    #expect(plan?["title"] as? String == "Lanterns")
    #expect(plan?["author"] as? String == "Tom Reed")
    #expect(chapters.map { $0["title"] as? String } == ["Part One", "One", "Two"])
    #expect(chapters.map { $0["paragraphs"] as? Int } == [0, 2, 1])

    let table = try run(["plan", book], in: scratch).stdoutLines
    #expect(table.first == "Lanterns by Tom Reed")
    #expect(table.contains { $0.contains("One") && $0.contains("2") })

    let withFrontMatter = try run(["plan", book, "--json", "--include-front-matter"], in: scratch)
    let titles =
      ((try JSONSerialization.jsonObject(with: withFrontMatter.stdout) as? [String: Any])?["chapters"]
      as? [[String: Any]])?.map { $0["title"] as? String }
    #expect(titles == ["Cover", "Part One", "One", "Two"])
  }

  @Test func sayFindsAParagraphByNumberAndByLine() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try write(EpubSamples.footnotes, "tides.epub", in: scratch)
    try run(["say", "--book", book, "--paragraph", "1:2", "-o", scratch.appending("p.wav")], in: scratch)
    let byNumber = try Data(contentsOf: URL(fileURLWithPath: scratch.appending("p.wav")))
    #expect(byNumber.count > 10_000)
    // ch1.xhtml is the first document of the spine, so its lines are the book's.
    let lines = EpubSamples.footnotes.documents[0].xhtml.split(separator: "\n", omittingEmptySubsequences: false)
    let line = try #require(lines.firstIndex { $0.contains("Neap tides") }) + 1
    try run(["say", "--book", book, "--line", "\(line)", "-o", scratch.appending("l.wav")], in: scratch)
    #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.appending("l.wav"))) == byNumber)
  }

  // MARK: Broken EPUBs: one line, exit 65

  private func expectBadInput(
    _ epub: EpubFile, mentioning fragments: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try write(epub, in: scratch)
    let result = try Audiobook.run(["render", book, "-o", scratch.appending("out")], in: scratch.url)
    #expect(result.status == 65, "stderr: \(result.stderrText)", sourceLocation: sourceLocation)
    #expect(result.stderrLines.count == 1, "stderr: \(result.stderrText)", sourceLocation: sourceLocation)
    for fragment in fragments {
      #expect(result.stderrText.contains(fragment), "stderr: \(result.stderrText)", sourceLocation: sourceLocation)
    }
    #expect(RenderedFolder.leftovers(under: scratch.appending("out")).isEmpty, sourceLocation: sourceLocation)
  }

  @Test func notAZip() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try scratch.write("Chapter 1\n\nNot a zip at all.\n", to: "plain.epub")
    let result = try Audiobook.run(["plan", book], in: scratch.url)
    #expect(result.status == 65)
    #expect(result.stderrLines == ["\(book): error: is not a zip archive, so not an EPUB (an EPUB is a zip file)"])
  }

  @Test func noContainer() throws {
    var epub = EpubSamples.epub3
    epub.omitting = ["META-INF/container.xml"]
    try expectBadInput(epub, mentioning: ["book.epub: error:", "META-INF/container.xml"])
  }

  @Test func packageDocumentMissingOrMalformed() throws {
    var missing = EpubSamples.epub3
    missing.omitting = ["OEBPS/content.opf"]
    try expectBadInput(missing, mentioning: ["'OEBPS/content.opf'", "not in the EPUB"])
    var malformed = EpubSamples.epub3
    malformed.replacing["OEBPS/content.opf"] = Data("<package>\n<metadata>\n</package>\n".utf8)
    try expectBadInput(malformed, mentioning: ["book.epub!OEBPS/content.opf:3: error: is not well-formed XML"])
  }

  @Test func spineItemMissing() throws {
    var epub = EpubSamples.epub3
    epub.omitting = ["OEBPS/ch3.xhtml"]
    try expectBadInput(epub, mentioning: ["book.epub!OEBPS/content.opf:", "'OEBPS/ch3.xhtml'", "not in the EPUB"])
  }

  @Test func xhtmlThatDoesNotParseNamesTheFileAndLine() throws {
    var epub = EpubSamples.epub3
    epub.replacing["OEBPS/ch1.xhtml"] = Data(EpubFile.xhtml("<p>One.</p>\n<p>Two<br>three.</p>").utf8)
    try expectBadInput(epub, mentioning: ["book.epub!OEBPS/ch1.xhtml:10: error: is not well-formed XML"])
  }

  @Test func drmIsRefused() throws {
    var epub = EpubSamples.epub3
    epub.replacing["META-INF/encryption.xml"] = Data(
      """
      <encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
        <enc:EncryptedData>
          <enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
          <enc:CipherData><enc:CipherReference URI="OEBPS/ch2.xhtml"/></enc:CipherData>
        </enc:EncryptedData>
      </encryption>
      """.utf8)
    try expectBadInput(epub, mentioning: ["book.epub: error: is protected by DRM", "OEBPS/ch2.xhtml"])
  }
}
