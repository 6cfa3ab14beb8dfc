import AudiobookBook
import AudiobookKit
import AudiobookPublish
import EpubTestSupport
import Foundation
import Testing

/// `render --format epub`: the read-along EPUB, opened as a zip and checked against the
/// manifest, and run through epubcheck where it is installed.
@Suite struct ReadAlongCommandTests {
  static let epubcheck = "/usr/share/java/epubcheck.jar"
  static let epubcheckIsInstalled =
    FileManager.default.fileExists(atPath: epubcheck) && WorkflowTests.isInstalled("java")

  /// A Markdown book of our own, with a cover, metadata and the characters XML escapes.
  static let markdown = """
    ---
    title: Tide & Lantern
    author: Wren Hollis
    narrator: Pell Ashby
    series: Lamp Stories
    series-position: 3
    date: 2022-06-15
    description: A <short> book about lamps & tides.
    ---

    # The Quay

    The tide turned at six. *Nobody* on the quay said a word.

    "Light the lamps," said the harbourmaster, and they did.

    # The Lamp Room

    Oil, wick & glass: that was the whole of it. The rest was waiting.
    """

  /// The EPUB 3 sample made whole for epubcheck: its stylesheet, and a cover page (with text,
  /// which the read-along book must leave alone) without an image.
  static var wholeSample: EpubFile {
    var epub = EpubSamples.epub3
    epub.replacing["OEBPS/style.css"] = Data("p { text-indent: 1em; }\n".utf8)
    epub.replacing["OEBPS/cover.xhtml"] = Data(EpubFile.xhtml("<p>The Salt Road</p>", title: "Cover").utf8)
    return epub
  }

  /// Renders `book` with `flags` into `scratch/name`, requiring success.
  static func render(_ book: String, _ flags: [String], into scratch: ScratchDirectory, _ name: String = "out") throws
    -> (folder: String, manifest: Manifest)
  {
    let output = scratch.appending(name)
    let result = try Audiobook.run(["render", book, "-o", output, "-q"] + flags, in: scratch.url)
    try #require(result.status == 0 && result.exited, "render \(flags) failed: \(result.stderrText)")
    let folders = try FileManager.default.contentsOfDirectory(atPath: output).filter { !$0.hasPrefix(".") }
    let folder = (output as NSString).appendingPathComponent(try #require(folders.first))
    let data = try Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("manifest.json")))
    return (folder, try JSONDecoder().decode(Manifest.self, from: data))
  }

  /// The clip times of each `<par>` of the chapter's overlay, as text id and milliseconds.
  static func pars(in archive: EpubArchive, chapter: Int) throws -> [(id: String, begin: Int, end: Int, audio: String)]
  {
    let name = String(format: "EPUB/smil/chapter-%03d.smil", chapter)
    let overlay = try #require(try archive.xml(at: name))
    return try overlay.root.descendants.filter { $0.name == "par" }.map { par in
      let text = try #require(par.first("text")?.attributes["src"])
      let audio = try #require(par.first("audio"))
      func milliseconds(_ clock: String?) throws -> Int {
        let value = try #require(clock.flatMap { Double($0.dropLast()) }, "\(clock ?? "nil")")
        return Int((value * 1000).rounded())
      }
      return (
        String(text.split(separator: "#").last ?? ""), try milliseconds(audio.attributes["clipBegin"]),
        try milliseconds(audio.attributes["clipEnd"]), audio.attributes["src"] ?? ""
      )
    }
  }

  /// The text of every element with an id in the chapter's XHTML.
  static func texts(in archive: EpubArchive, chapter: Int) throws -> [String: String] {
    let document = try #require(try archive.xml(at: String(format: "EPUB/text/chapter-%03d.xhtml", chapter)))
    var texts: [String: String] = [:]
    for element in document.root.descendants { if let id = element.attributes["id"] { texts[id] = element.text } }
    return texts
  }

  static func milliseconds(_ frame: Int, _ rate: Int) -> Int { Int((Double(frame) / Double(rate) * 1000).rounded()) }

  /// epubcheck's verdict on `epub`: nil when it reports no errors and no warnings.
  static func epubcheckProblems(_ epub: String, in scratch: ScratchDirectory) throws -> String? {
    let result = try runTool("java", ["-jar", epubcheck, epub], in: scratch.url)
    let output = result.stdoutText + result.stderrText
    return result.status == 0 && output.contains("No errors or warnings detected") ? nil : output
  }

  /// Every sentence of the manifest has one `<par>`, in reading order, from its first frame to
  /// its last (to the millisecond), pointing at a span holding the sentence as written; the
  /// spoken titles too; the durations add up; `verify` agrees.
  @Test func everySentenceIsOneClipAtItsFrames() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let (folder, manifest) = try Self.render(Fixtures.exampleBook, ["--format", "epub"], into: scratch)
    #expect(manifest.publishing?.format == .mp3)
    let readAlong = try #require(manifest.readAlong)
    #expect(readAlong.file == "\(PublishCommandTests.slug).epub" && readAlong.granularity == .sentences)
    let archive = try EpubArchive(path: (folder as NSString).appendingPathComponent(readAlong.file))
    // The mimetype comes first, stored, as OCF requires.
    let head = try #require(FileHandle(forReadingAtPath: (folder as NSString).appendingPathComponent(readAlong.file)))
      .readData(ofLength: 58)
    #expect(head.count == 58 && head[8] == 0 && head[9] == 0)
    #expect(String(decoding: head[30...], as: UTF8.self) == "mimetypeapplication/epub+zip")
    let rate = manifest.sampleRate
    for chapter in manifest.chapters {
      let pars = try Self.pars(in: archive, chapter: chapter.number)
      let texts = try Self.texts(in: archive, chapter: chapter.number)
      let spans = [chapter.heading] + chapter.paragraphs.flatMap(\.sentences)
      try #require(pars.count == spans.count, "chapter \(chapter.number)")
      for (par, span) in zip(pars, spans) {
        #expect(par.begin == Self.milliseconds(span.startFrame, rate))
        #expect(par.end == Self.milliseconds(span.startFrame + span.frames, rate))
        #expect(par.audio == String(format: "../audio/chapter-%03d.mp3", chapter.number))
        #expect(archive.contains("EPUB/" + par.audio.dropFirst(3)))
      }
      #expect(texts[pars[0].id] == chapter.title)
      for (par, sentence) in zip(pars.dropFirst(), chapter.paragraphs.flatMap(\.sentences)) {
        #expect(texts[par.id] == sentence.text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
      }
      #expect(zip(pars, pars.dropFirst()).allSatisfy { $0.end <= $1.begin }, "in reading order")
    }
    let package = try #require(try archive.xml(at: "EPUB/package.opf"))
    let durations = package.root.descendants.filter { $0.attributes["property"] == "media:duration" }
    #expect(durations.count == manifest.chapters.count + 1)
    #expect(package.root.descendants.contains { $0.attributes["property"] == "media:active-class" })
    #expect(try Audiobook.run(["verify", folder], in: scratch.url).status == 0)
    if Self.epubcheckIsInstalled {
      #expect(
        try Self.epubcheckProblems((folder as NSString).appendingPathComponent(readAlong.file), in: scratch) == nil)
    }
  }

  /// `--read-along words`: one clip per written word, at the manifest's word times.
  @Test func wordsAreClipsOfTheirOwn() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let (folder, manifest) = try Self.render(
      Fixtures.exampleBook, ["--format", "epub", "--read-along", "words"], into: scratch)
    #expect(manifest.readAlong?.granularity == .words)
    let archive = try EpubArchive(
      path: (folder as NSString).appendingPathComponent(try #require(manifest.readAlong).file))
    for chapter in manifest.chapters {
      let pars = try Self.pars(in: archive, chapter: chapter.number).dropFirst()
      let texts = try Self.texts(in: archive, chapter: chapter.number)
      let words = chapter.paragraphs.flatMap(\.sentences).flatMap { $0.words ?? [] }
      try #require(pars.count == words.count)
      for (par, word) in zip(pars, words) {
        #expect(texts[par.id] == word.text)
        #expect(par.begin == Self.milliseconds(word.startFrame, manifest.sampleRate))
        #expect(par.end == Self.milliseconds(word.startFrame + word.frames, manifest.sampleRate))
      }
    }
    #expect(try Audiobook.run(["verify", folder], in: scratch.url).status == 0)
  }

  /// Markdown with metadata and a cover, with the MP3 files an edition beside an M4B; a whole-
  /// book MP3 (clips offset by each chapter's start); and an EPUB: each valid, each verified,
  /// and the same bytes when rendered again.
  @Test(arguments: [["--format", "m4b,epub"], ["--format", "epub", "--layout", "book"]])
  func everyKindOfBookMakesAValidReadAlongBook(flags: [String]) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    // ffmpeg makes the M4B and the cover.
    guard ffmpegIsInstalled else { return }
    let book = try scratch.write(Self.markdown, to: "tide.md")
    let flags = flags + ["--cover", try MetadataCommandTests.cover(in: scratch)]
    let (folder, manifest) = try Self.render(book, flags, into: scratch)
    let file = (folder as NSString).appendingPathComponent(try #require(manifest.readAlong).file)
    let archive = try EpubArchive(path: file)
    #expect(archive.contains("EPUB/cover.jpg"))
    let texts = try Self.texts(in: archive, chapter: 1)
    #expect(texts.values.contains("The tide turned at six."))
    let package = try #require(try archive.xml(at: "EPUB/package.opf")).root
    #expect(package.descendants.first { $0.name == "title" }?.text == "Tide & Lantern")
    #expect(package.descendants.contains { $0.attributes["property"] == "media:narrator" && $0.text == "Pell Ashby" })
    if flags.contains("book") {
      // One audio file: the second chapter's clips count from its start in it.
      let pars = try Self.pars(in: archive, chapter: 2)
      let start = try #require(manifest.chapters[1].startFrame)
      let first = manifest.chapters[1].heading
      #expect(pars[0].audio == "../audio/book.mp3")
      #expect(pars[0].begin == Self.milliseconds(start + first.startFrame, manifest.sampleRate))
    }
    #expect(try Audiobook.run(["verify", folder], in: scratch.url).status == 0)
    if Self.epubcheckIsInstalled {
      #expect(try Self.epubcheckProblems(file, in: scratch).map { "epubcheck: \($0)" } == nil)
    }
    let (again, _) = try Self.render(book, flags, into: scratch, "again")
    #expect(
      FileManager.default.contents(atPath: file)
        == FileManager.default.contents(atPath: (again as NSString).appendingPathComponent(manifest.readAlong!.file)))
  }

  /// An EPUB 3 manuscript's own documents are kept, with a span around each spoken sentence:
  /// its markup, styles and the text nobody reads (the copyright page) as they were.
  @Test func anEpubsOwnDocumentsAreKept() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let epub = Self.wholeSample
    let book = try epub.write(to: scratch.appending("salt.epub"))
    if Self.epubcheckIsInstalled {
      #expect(try Self.epubcheckProblems(book, in: scratch).map { "epubcheck: \($0)" } == nil)
    }
    let (folder, manifest) = try Self.render(book, ["--format", "epub"], into: scratch)
    let file = (folder as NSString).appendingPathComponent(try #require(manifest.readAlong).file)
    let source = try #require(EpubSource(path: book))
    let output = try #require(EpubSource(path: file))
    #expect(output.documents == source.documents)
    // Every file of the manuscript is there; only the documents read and the package changed.
    for path in source.paths {
      let before = try #require(try source.data(at: path))
      let after = try #require(try output.data(at: path), "\(path)")
      if path.hasSuffix("ch1.xhtml") {
        let text = String(decoding: after, as: UTF8.self)
        #expect(
          text.contains(#">The letter came on a Tuesday, folded twice and smelling of the sea.</span>"#), "\(text)")
        #expect(text.contains(#"<h1><span id="#), "the spoken title lights up")
        // Take the spans and the stylesheet link out, and the document is the manuscript's.
        let plain = text.replacing(/<span id="ra\d+">|<\/span>|<link[^>]*read-along.css"\/>/, with: "")
        #expect(plain == String(decoding: before, as: UTF8.self))
      } else if path.hasSuffix("copyright.xhtml") || path.hasSuffix("cover.xhtml") {
        #expect(after == before, "\(path) is not read, so it is as it was")
      }
    }
    #expect(try Audiobook.run(["verify", folder], in: scratch.url).status == 0)
    if Self.epubcheckIsInstalled {
      #expect(try Self.epubcheckProblems(file, in: scratch).map { "epubcheck: \($0)" } == nil)
    }
  }

  /// A read-along book rendered again as a manuscript: its overlays, their items and ids give
  /// way to the new ones, and the result is still valid.
  @Test func aReadAlongBookIsAManuscriptToo() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let epub = Self.wholeSample
    let (first, manifest) = try Self.render(
      try epub.write(to: scratch.appending("salt.epub")), ["--format", "epub"], into: scratch)
    let book = (first as NSString).appendingPathComponent(try #require(manifest.readAlong).file)
    let (folder, again) = try Self.render(book, ["--format", "epub"], into: scratch, "again")
    let file = (folder as NSString).appendingPathComponent(try #require(again.readAlong).file)
    func overlays(_ path: String) throws -> Int {
      try #require(EpubSource(path: path)).packageText.components(separatedBy: "application/smil+xml").count - 1
    }
    #expect(try overlays(file) == overlays(book), "one overlay per document read, the old ones gone")
    #expect(try Audiobook.run(["verify", folder], in: scratch.url).status == 0)
    if Self.epubcheckIsInstalled {
      #expect(try Self.epubcheckProblems(file, in: scratch).map { "epubcheck: \($0)" } == nil)
    }
  }

  /// A clip moved inside the EPUB (its SHA-256 in the manifest updated to match) is found.
  @Test func verifyFindsAClipThatIsNotTheManifests() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let (folder, manifest) = try Self.render(Fixtures.exampleBook, ["--format", "epub"], into: scratch)
    let readAlong = try #require(manifest.readAlong)
    let path = (folder as NSString).appendingPathComponent(readAlong.file)
    let archive = try EpubArchive(path: path)
    var zip = ZipWriter()
    for name in try Self.entries(of: path) {
      var data = try #require(try archive.data(at: name))
      if name == "EPUB/smil/chapter-002.smil" {
        let text = String(decoding: data, as: UTF8.self)
        let moved = try #require(text.firstMatch(of: /clipEnd="(\d+)\./))
        data = Data(text.replacingCharacters(in: moved.range, with: "clipEnd=\"\(Int(moved.1)! + 1).").utf8)
      }
      try zip.addFile(name, data, method: .stored)
    }
    try zip.bytes.write(to: URL(fileURLWithPath: path))
    var edited = manifest
    edited.readAlong?.sha256 = try FileDigest.sha256(of: path)
    try Data(try edited.encoded()).write(
      to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("manifest.json")))
    let result = try Audiobook.run(["verify", folder], in: scratch.url)
    #expect(result.status == 1)
    #expect(result.stderrText.contains("chapter-002.smil:"), "\(result.stderrText)")
    #expect(result.stderrText.contains("the manifest says"), "\(result.stderrText)")
  }

  /// The names in a zip's central directory, in order (read with `unzip -Z1`'s logic: the
  /// local headers of a stored zip, one after another).
  static func entries(of path: String) throws -> [String] {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    var names: [String] = []
    var offset = 0
    func uint32(_ at: Int) -> Int { (0..<4).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
    func uint16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    while offset + 30 <= bytes.count, uint32(offset) == 0x0403_4b50 {
      let size = uint32(offset + 18)
      let nameLength = uint16(offset + 26)
      names.append(String(decoding: bytes[(offset + 30)..<(offset + 30 + nameLength)], as: UTF8.self))
      offset += 30 + nameLength + uint16(offset + 28) + size
    }
    return names
  }

  /// A re-render keeps the EPUB's bytes; a render without epub drops it.
  @Test func theBookStaysWhileUnchangedAndGoesWhenNotAsked() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let (folder, manifest) = try Self.render(Fixtures.exampleBook, ["--format", "epub"], into: scratch)
    let file = (folder as NSString).appendingPathComponent(try #require(manifest.readAlong).file)
    let before = try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date
    _ = try Self.render(Fixtures.exampleBook, ["--format", "epub"], into: scratch)
    #expect(try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date == before)
    let (_, plain) = try Self.render(Fixtures.exampleBook, ["--format", "mp3"], into: scratch)
    #expect(plain.readAlong == nil)
    #expect(!FileManager.default.fileExists(atPath: file))
  }

  @Test(arguments: [
    ["--read-along", "words"], ["--format", "epub", "--read-along", "letters"], ["--format", "epub,epub"],
  ])
  func aReadAlongNoRenderCanMakeIsAUsageError(flags: [String]) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let result = try Audiobook.run(
      ["render", Fixtures.exampleBook, "-o", scratch.appending("out")] + flags, in: scratch.url)
    #expect(result.status == 64, "\(result.stderrText)")
  }

  /// The settings file beside the book can ask for the read-along book and its unit; read-along
  /// without epub in the formats is an error naming the setting's line.
  @Test func theSettingsFileAsksForIt() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try scratch.write(Self.markdown, to: "tide.md")
    try scratch.write("format: epub\nread-along: words\n", to: "tide.audiobook.yaml")
    let (_, manifest) = try Self.render(book, [], into: scratch)
    #expect(manifest.readAlong?.granularity == .words)
    try scratch.write("voice: narrator\nread-along: words\n", to: "tide.audiobook.yaml")
    let result = try Audiobook.run(["render", book, "-o", scratch.appending("other"), "-q"], in: scratch.url)
    #expect(result.status == 65)
    #expect(result.stderrText.contains("tide.audiobook.yaml:2: error: read-along"), "\(result.stderrText)")
  }

  /// A novel's chapters (three of the shared Pride and Prejudice) pass epubcheck.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: Fixtures.prideAndPrejudice) && epubcheckIsInstalled))
  func aNovelsReadAlongBookIsValid() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let skips = (1...62).filter { ![1, 20, 40].contains($0) }.flatMap { ["--skip", String($0)] }
    let (folder, manifest) = try Self.render(
      Fixtures.prideAndPrejudice, ["--format", "epub", "--sample-rate", "22050"] + skips, into: scratch)
    let file = (folder as NSString).appendingPathComponent(try #require(manifest.readAlong).file)
    #expect(try Self.epubcheckProblems(file, in: scratch).map { "epubcheck: \($0)" } == nil)
    #expect(try Audiobook.run(["verify", folder], in: scratch.url).status == 0)
  }
}
