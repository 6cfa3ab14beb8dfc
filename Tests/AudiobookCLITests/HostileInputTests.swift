import EpubTestSupport
import Foundation
import Testing

/// Manuscripts, presets and lexicons made to hurt: zip bombs, deep nesting, YAML alias bombs,
/// huge tables of contents, names too long for a file system, control characters and entity
/// tricks. Each gets one line on stderr naming the file (and line) and exit 65, or is read
/// safely, within seconds and bounded memory (the fixtures are built here, never checked in).
@Suite struct HostileInputTests {
  /// Runs `audiobook ARGUMENTS`, expecting exit `status` with one short stderr line holding every fragment.
  @discardableResult
  private func expectRefusal(
    _ arguments: [String], in scratch: ScratchDirectory, status: Int32 = 65, mentioning fragments: [String],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> RunResult {
    let result = try Audiobook.run(arguments, in: scratch.url, timeout: 60)
    #expect(!result.timedOut, "took more than a minute", sourceLocation: sourceLocation)
    #expect(result.exited, "killed by signal \(result.status)", sourceLocation: sourceLocation)
    #expect(result.status == status, "stderr: \(result.stderrText.prefix(500))", sourceLocation: sourceLocation)
    #expect(result.stderrLines.count == 1, "stderr: \(result.stderrText.prefix(500))", sourceLocation: sourceLocation)
    #expect(
      result.stderr.count < 400, "a long error line: \(result.stderr.count) bytes", sourceLocation: sourceLocation)
    for fragment in fragments {
      #expect(
        result.stderrText.contains(fragment), "no '\(fragment)' in: \(result.stderrText.prefix(500))",
        sourceLocation: sourceLocation)
    }
    return result
  }

  /// Runs `audiobook ARGUMENTS`, expecting success.
  @discardableResult
  private func expectSuccess(
    _ arguments: [String], in scratch: ScratchDirectory, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> RunResult {
    let result = try Audiobook.run(arguments, in: scratch.url, timeout: 120)
    #expect(!result.timedOut, "took more than two minutes", sourceLocation: sourceLocation)
    #expect(
      result.exited && result.status == 0, "status \(result.status): \(result.stderrText.prefix(500))",
      sourceLocation: sourceLocation)
    return result
  }

  /// An EPUB 3 of one chapter whose document's body is `body`.
  private func epub(body: String) -> EpubFile {
    EpubFile(documents: [.init("ch1.xhtml", EpubFile.xhtml(body))], toc: [.init("One", "ch1.xhtml")])
  }

  // MARK: Zip bombs (item 6)

  /// `zip` with the uncompressed size of `entry` written as `claimed` in its local header and
  /// in the central directory: the header lies, as a zip bomb's may.
  private func claimingSize(_ claimed: UInt32, for entry: String, in zip: Data) -> Data {
    var bytes = [UInt8](zip)
    let name = Array(entry.utf8)
    func uint16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    func put(_ value: UInt32, at offset: Int) {
      for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
    }
    var index = 0
    while index + 46 < bytes.count {
      if bytes[index..<index + 4] == [0x50, 0x4B, 0x03, 0x04],
        Array(bytes[index + 30..<index + 30 + name.count]) == name,
        uint16(index + 26) == name.count
      {
        put(claimed, at: index + 22)
      }
      if bytes[index..<index + 4] == [0x50, 0x4B, 0x01, 0x02],
        Array(bytes[index + 46..<index + 46 + name.count]) == name,
        uint16(index + 28) == name.count
      {
        put(claimed, at: index + 24)
      }
      index += 1
    }
    return Data(bytes)
  }

  /// A document that unpacks to 40 MiB from a few dozen KiB, its header claiming 100 bytes:
  /// refused once 32 MiB are out, naming the EPUB and the entry.
  @Test func aZipBombEntryIsRefusedNamingTheEntry() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    var bomb = epub(body: "<p>Hello.</p>")
    var xhtml = Data(EpubFile.xhtml("<p>").utf8)
    xhtml.append(Data(repeating: UInt8(ascii: " "), count: 40 << 20))
    bomb.replacing["OEBPS/ch1.xhtml"] = xhtml
    let path = try bomb.write(to: scratch.appending("bomb.epub"))
    let lying = claimingSize(100, for: "OEBPS/ch1.xhtml", in: try Data(contentsOf: URL(fileURLWithPath: path)))
    try lying.write(to: URL(fileURLWithPath: path))
    #expect(lying.count < 1 << 20)
    try expectRefusal(
      ["plan", path], in: scratch, mentioning: ["bomb.epub!OEBPS/ch1.xhtml: error:", "more than 32 MiB", "zip bomb"])
  }

  // MARK: Deep nesting (item 7)

  /// 50,000 nested elements in a 2 KB EPUB: refused past 1,000 levels, naming the document and line.
  @Test func deeplyNestedXHTMLIsRefused() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let deep = String(repeating: "<div>", count: 50_000) + "Hello." + String(repeating: "</div>", count: 50_000)
    let path = try epub(body: deep).write(to: scratch.appending("deep.epub"))
    try expectRefusal(
      ["plan", path], in: scratch,
      mentioning: ["deep.epub!OEBPS/ch1.xhtml:9: error:", "nested deeper than 1000 levels"])
  }

  @Test func aDeeplyNestedPackageDocumentIsRefused() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    var book = epub(body: "<p>Hello.</p>")
    book.replacing["OEBPS/content.opf"] = Data(
      (#"<?xml version="1.0"?>"# + "\n<package>\n<metadata>\n" + String(repeating: "<x>", count: 100_000)
        + String(repeating: "</x>", count: 100_000) + "\n</metadata>\n</package>\n").utf8)
    let path = try book.write(to: scratch.appending("deep.epub"))
    try expectRefusal(
      ["plan", path], in: scratch, mentioning: ["deep.epub!OEBPS/content.opf:4: error:", "nested deeper than 1000"])
  }

  /// Just below the limit a document is read, and quickly.
  @Test func nestingBelowTheLimitIsRead() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let deep = String(repeating: "<div>", count: 990) + "Deep down." + String(repeating: "</div>", count: 990)
    let path = try epub(body: "<p>Hello.</p>" + deep).write(to: scratch.appending("deep.epub"))
    let result = try expectSuccess(["sentences", path], in: scratch)
    #expect(result.stdoutLines == ["Hello.", "Deep down."])

    let markdown = try scratch.write(
      "# One\n\n" + String(repeating: ">", count: 990) + " Quoted deep.\n", to: "deep.md")
    #expect(try expectSuccess(["sentences", markdown], in: scratch).stdoutLines == ["Quoted deep."])
  }

  @Test func deeplyNestedMarkdownIsRefused() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let quotes = try scratch.write(
      "# One\n\nHello.\n\n" + String(repeating: ">", count: 30_000) + " Too deep.\n", to: "quotes.md")
    try expectRefusal(
      ["plan", quotes], in: scratch, mentioning: ["quotes.md:5: error:", "nests deeper than 1000 levels"])
    // Emphasis nests as deep, inside one paragraph.
    let emphasis = try scratch.write(
      "# One\n\n" + Array(repeating: "*a", count: 30_000).joined(separator: " ") + " "
        + Array(repeating: "a*", count: 30_000).joined(separator: " ") + "\n", to: "emphasis.md")
    try expectRefusal(["plan", emphasis], in: scratch, mentioning: ["emphasis.md:3: error:", "deeper than 1000"])
  }

  // MARK: YAML alias bombs (item 10)

  /// Nine levels of nine aliases each, the last used as a mapping key (`? *a9`): Yams would
  /// compare it whole, 9⁹ nodes, to look for duplicate keys.
  private static let aliasBomb: String = {
    var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for level in 1...9 {
      lines.append(
        "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
    }
    return lines.joined(separator: "\n") + "\n? *a9\n: bang\n"
  }()

  @Test func anAliasBombAsAKeyIsRefusedInFrontMatterPresetsAndLexicons() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let frontMatter = try scratch.write("---\ntitle: Bomb\n" + Self.aliasBomb + "---\n\n# One\n\nHello.\n", to: "fm.md")
    try expectRefusal(
      ["plan", frontMatter], in: scratch, mentioning: ["fm.md:13: error:", "the front matter", "as a key"])

    let book = try scratch.write("Hello there.\n", to: "book.txt")
    try scratch.write("voice: en-gb\n" + Self.aliasBomb, to: "Voices/bomb.yaml")
    try expectRefusal(
      ["plan", book, "--voice", "bomb"], in: scratch,
      mentioning: ["Voices/bomb.yaml:12: error:", "the preset", "as a key"])

    try scratch.write(Self.aliasBomb, to: "book.lexicon.yaml")
    try expectRefusal(
      ["plan", book], in: scratch, mentioning: ["book.lexicon.yaml:11: error:", "the lexicon", "as a key"])
  }

  /// The same aliases as values are harmless and still read.
  @Test func aliasesAsValuesAreRead() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let bombAsValue = Self.aliasBomb.replacingOccurrences(of: "? *a9\n: bang\n", with: "extra: *a9\n")
    let book = try scratch.write("---\ntitle: Values\n" + bombAsValue + "---\n\n# One\n\nHello.\n", to: "v.md")
    let result = try expectSuccess(["plan", book], in: scratch)
    #expect(result.stdoutLines.first == "Values")
  }

  // MARK: Tables of contents and spines (item 11)

  @Test func aNavigationNested20000DeepIsRefused() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    var book = epub(body: "<p>Hello.</p>")
    book.version = .epub2
    let point = #"<navPoint><navLabel><text>x</text></navLabel><content src="ch1.xhtml"/>"#
    book.replacing["OEBPS/toc.ncx"] = Data(
      (#"<?xml version="1.0"?>"# + "\n<ncx>\n<navMap>\n" + String(repeating: point, count: 20_000)
        + String(repeating: "</navPoint>", count: 20_000) + "\n</navMap>\n</ncx>\n").utf8)
    let path = try book.write(to: scratch.appending("toc.epub"))
    try expectRefusal(
      ["plan", path], in: scratch, mentioning: ["toc.epub!OEBPS/toc.ncx:4: error:", "nested deeper than 1000"])
  }

  /// 20,000 entries side by side at one place: read in linear time, one chapter whose title
  /// joins no more than four of them.
  @Test func twentyThousandEntriesAtOnePlaceMakeOneChapter() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    var book = epub(body: "<p>Hello.</p>")
    book.toc = (1...20_000).map { .init("Entry \($0)", "ch1.xhtml") }
    let path = try book.write(to: scratch.appending("wide.epub"))
    let result = try expectSuccess(["plan", "--json", path], in: scratch)
    let plan = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
    let chapters = try #require(plan["chapters"] as? [[String: Any]])
    #expect(chapters.count == 1)
    #expect(chapters.first?["title"] as? String == "Entry 1: Entry 2: Entry 3: Entry 4")
  }

  /// One 70-byte document listed 5,000 times in the spine is read once, with one warning.
  @Test func aDocumentTheSpineRepeatsIsReadOnce() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    var book = epub(body: "<p>Hello.</p>")
    let package = book.package.replacingOccurrences(
      of: #"<itemref idref="ch1"/>"#, with: String(repeating: #"<itemref idref="ch1"/>"#, count: 5_000))
    book.replacing["OEBPS/content.opf"] = Data(package.utf8)
    let path = try book.write(to: scratch.appending("spine.epub"))
    let result = try expectSuccess(["plan", path], in: scratch)
    #expect(result.stdoutLines.last?.hasPrefix("1 chapters") ?? false, "\(result.stdoutText)")
    #expect(result.stderrLines.count == 1)
    #expect(result.stderrText.contains("spine.epub!OEBPS/content.opf:"))
    #expect(result.stderrText.contains("lists 'OEBPS/ch1.xhtml' again; each document is read once (4999 repeats"))
  }

  @Test func moreThanTenThousandChaptersAreRefused() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let text = (1...10_001).map { "# C\($0)\n\nWord.\n" }.joined(separator: "\n")
    let path = try scratch.write(text, to: "long.md")
    // Chapter 10,001 starts on line 4 × 10,000 + 1.
    try expectRefusal(
      ["plan", path], in: scratch, mentioning: ["long.md:40001: error:", "10001 chapters", "more than the 10000"])
  }

  // MARK: Names too long for a file system (item 15)

  /// 100 CJK characters (300 bytes) and 70 emoji (280 bytes) as chapter titles: the chapter
  /// files and their subtitles get names cut at whole characters, none past 255 bytes.
  @Test func longTitlesMakeFileNamesWithinTheLimit() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let cjk = String(repeating: "灯", count: 100)
    let emoji = String(repeating: "👩‍🚀", count: 70)
    let path = try scratch.write("# \(cjk)\n\nHello.\n\n# \(emoji)\n\nAgain.\n", to: "names.md")
    // Mandarin, so the characters are read as words (an English voice spells each one out).
    try expectSuccess(
      [
        "render", path, "-o", scratch.appending("out"), "--subtitles", "vtt,srt", "--progress", "none", "--voice",
        "cmn",
      ],
      in: scratch)
    let folder = scratch.appending("out/names")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    #expect(files.count == 8, "\(files)")  // 2 × (wav, vtt, srt), cue sheet, manifest
    for file in files {
      #expect(file.utf8.count <= 255, "\(file.utf8.count) bytes: \(file)")
    }
    let chapters = files.filter { $0.hasSuffix(".wav") }
    #expect(chapters.count == 2)
    #expect(chapters.allSatisfy { $0.utf8.count <= 215 })
    #expect(chapters.first?.hasPrefix("01 灯灯灯") ?? false)
    // Cut between astronauts, never inside one (a woman, a joiner and a rocket).
    #expect(chapters.last?.dropFirst(3).dropLast(4).allSatisfy { $0 == "👩‍🚀" } ?? false, "\(chapters)")
    try expectSuccess(["verify", folder], in: scratch)
  }

  // MARK: Control characters in metadata and on the terminal (items 16 and 18)

  /// A title of NUL and text is read as its text: the render succeeds and tags "abc".
  @Test func controlCharactersLeaveTheMetadata() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write(
      "---\ntitle: \"\\0abc\"\nauthor: \"Ann\\x07 \\u009B31mLee\"\n---\n\n# One\n\nHello.\n", to: "nul.md")
    try expectSuccess(["render", path, "-o", scratch.appending("out"), "--progress", "none"], in: scratch)
    let manifest = try ManifestFile.read(scratch.appending("out/abc/manifest.json"))
    #expect(manifest.title == "abc")
    #expect(manifest.author == "Ann 31mLee")
  }

  /// `plan`, `voices` and `sentences` print nothing from a book or preset that a terminal
  /// would act on: escape sequences in titles, headings, text and descriptions are gone.
  @Test func nothingFromTheBookReachesTheTerminalAsAControl() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let escape = "\u{1B}"
    let book = try scratch.write(
      "---\ntitle: \"\\e[31mRed\\e[0m\"\nauthor: \"\\e]0;pwned\\a\"\n---\n\n# Chapter \(escape)[2J One\n\n"
        + "Hello \(escape)[5m there.\n", to: "esc.md")
    try scratch.write("Hello: \"hel\\e[1mLO\"\n", to: "esc.lexicon.yaml")
    try scratch.write("voice: en-gb\ndescription: \"\\e[2JWiped\"\n", to: "Voices/esc.yaml")
    let plan = try expectSuccess(["plan", book], in: scratch)
    #expect(plan.stdoutText.contains("[31mRed[0m by ]0;pwned"), "\(plan.stdoutText)")
    let report = try expectSuccess(["plan", "--lexicon-report", book], in: scratch)
    #expect(report.stdoutText.contains("hel[1mLO"), "\(report.stdoutText)")
    let voices = try expectSuccess(["voices"], in: scratch)
    #expect(voices.stdoutText.contains("[2JWiped"))
    let sentences = try expectSuccess(["sentences", book], in: scratch)
    #expect(sentences.stdoutText.contains("Hello [5m there."))
    for output in [plan, report, voices, sentences] {
      let controls = output.stdout.filter { $0 < 0x20 && $0 != 0x0A }
      #expect(controls.isEmpty, "control bytes \(controls) in: \(output.stdoutText.debugDescription)")
      #expect(!output.stdoutText.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) })
    }
  }

  // MARK: Entity references (items 19 and 21)

  /// An external entity is never fetched and an unknown or declared one is text as written:
  /// the rest of each paragraph is read, with one warning naming the document and line.
  @Test func entityReferencesLoseNoTextAndFetchNothing() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let secret = try scratch.write("SECRET-PASSWORD\n", to: "secret.txt")
    var book = epub(body: "")
    book.replacing["OEBPS/ch1.xhtml"] = Data(
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd" [
      <!ENTITY author "Jane Doe">
      <!ENTITY xxe SYSTEM "file://\(secret)">
      ]>
      <html xmlns="http://www.w3.org/1999/xhtml"><head><title>One</title></head><body>
      <p>Before &xxe; and after it.</p>
      <p>Written by &author; and read to the end.</p>
      <p>An unknown &nosuch; and the rest.</p>
      </body></html>

      """.utf8)
    let path = try book.write(to: scratch.appending("ent.epub"))
    let result = try expectSuccess(["sentences", path], in: scratch)
    #expect(
      result.stdoutLines == [
        "Before &xxe; and after it.", "Written by &author; and read to the end.", "An unknown &nosuch; and the rest.",
      ])
    #expect(!result.stdoutText.contains("SECRET"))
    #expect(result.stderrLines.count == 1)
    #expect(
      result.stderrText.contains(
        "ent.epub!OEBPS/ch1.xhtml:7: warning: '&xxe;' is not an entity XHTML defines; read as written (and 2 more"))
  }

  /// "Billion laughs": nothing is expanded, so it is read as the text it is, at once.
  @Test func billionLaughsExpandsNothing() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    var declarations = #"<!ENTITY lol0 "lol">"#
    for level in 1...9 {
      declarations += "\n<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
    }
    var book = epub(body: "")
    book.replacing["OEBPS/ch1.xhtml"] = Data(
      "<?xml version=\"1.0\"?>\n<!DOCTYPE html [\n\(declarations)\n]>\n"
        .appending("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Laugh: &lol9;</p></body></html>\n").utf8)
    let path = try book.write(to: scratch.appending("lol.epub"))
    let result = try expectSuccess(["sentences", path], in: scratch)
    #expect(result.stdoutLines == ["Laugh: &lol9;"])
  }

  // MARK: Presets (item 21)

  @Test func aVariantEspeakNgLacksIsRefusedNamingThePresetAndLine() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try scratch.write("Hello there.\n", to: "book.txt")
    try scratch.write("voice: en-gb\nrate: 170\nvariant: nosuchvariant\n", to: "Voices/odd.yaml")
    try expectRefusal(
      ["plan", book, "--voice", "odd"], in: scratch,
      mentioning: [
        "Voices/odd.yaml:3: error:", "variant 'nosuchvariant' is not an installed espeak-ng variant", "try '",
      ])
    try scratch.write("voice: en-gb\nvariant: ../../../../etc/passwd\n", to: "Voices/path.yaml")
    try expectRefusal(
      ["plan", book, "--voice", "path"], in: scratch,
      mentioning: ["Voices/path.yaml:2: error:", "'../../../../etc/passwd'"])
    try scratch.write("voice: en-gb\nvariant: \"\"\n", to: "Voices/plain.yaml")
    try expectSuccess(["plan", book, "--voice", "plain"], in: scratch)
  }

  /// A value of 5 MB is quoted in 80 characters.
  @Test func errorLinesQuoteLongValuesShort() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let huge = String(repeating: "x", count: 5 << 20)
    let book = try scratch.write("Hello there.\n", to: "book.txt")
    try scratch.write("voice: en-gb\nrate: \"\(huge)\"\n", to: "Voices/huge.yaml")
    try expectRefusal(
      ["plan", book, "--voice", "huge"], in: scratch,
      mentioning: ["Voices/huge.yaml:2: error:", "not '" + String(repeating: "x", count: 79) + "…'"])
    let markdown = try scratch.write("---\nvoice: \(huge)\n---\n\nHello.\n", to: "voice.md")
    try expectRefusal(
      ["plan", markdown], in: scratch, mentioning: ["voice '" + String(repeating: "x", count: 79) + "…'"])
  }
}
