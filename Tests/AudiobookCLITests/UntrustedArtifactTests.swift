import AudiobookKit
import Foundation
import Testing

/// A manifest, a clip cache and a book folder may come from elsewhere (a CI artifact, a
/// shared cache, a hand edit): `render`, `verify` and `cache prune` act only on plain files
/// directly inside their own folders, never block on a FIFO, and never trust what they read.
@Suite struct UntrustedArtifactTests {
  static let slug = "the-lighthouse-ledger"

  /// Renders the example book into `out` (with `--cache cache`) and returns the book folder.
  static func render(_ scratch: ScratchDirectory, _ extra: [String] = []) throws -> String {
    let result = try Audiobook.run(
      ["render", Fixtures.exampleBook, "-o", scratch.appending("out"), "--cache", scratch.appending("cache"), "-q"]
        + extra, in: scratch.url)
    try #require(result.status == 0, "render failed: \(result.stderrText)")
    return scratch.appending("out/\(slug)")
  }

  /// Rewrites the book folder's manifest with `edit` applied to its JSON object.
  static func editManifest(in folder: String, _ edit: (inout [String: Any]) -> Void) throws {
    let path = (folder as NSString).appendingPathComponent("manifest.json")
    var object = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    edit(&object)
    try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
  }

  static func setChapterField(_ object: inout [String: Any], _ key: String, _ value: Any, chapter: Int = 0) {
    var chapters = object["chapters"] as? [[String: Any]] ?? []
    chapters[chapter][key] = value
    object["chapters"] = chapters
  }

  // MARK: Item 1: a manifest naming files outside the folder

  @Test(arguments: ["../../victim.txt", "../../victims", "/VICTIM", "sub/../../../victim.txt"])
  func aManifestNamingFilesOutsideItsFolderNeverTouchesThem(name: String) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let folder = try Self.render(scratch)
    try scratch.write("keep me", to: "victim.txt")
    try scratch.write("keep me too", to: "victims/inside.txt")
    let victim = name.replacingOccurrences(of: "VICTIM", with: scratch.appending("victim.txt"))
    try Self.editManifest(in: folder) { Self.setChapterField(&$0, "file", victim) }

    let verify = try Audiobook.run(["verify", folder], in: scratch.url, timeout: 30)
    #expect(verify.status == 1)
    #expect(verify.stderrText.contains("not a file directly inside the book folder"), "\(verify.stderrText)")

    // Another voice: every chapter file is rewritten, and the previous ones dropped.
    let rerender = try Audiobook.run(
      [
        "render", Fixtures.exampleBook, "-o", scratch.appending("out"), "--cache", scratch.appending("cache"), "-q",
        "--voice", "narrator-us",
      ], in: scratch.url)
    #expect(rerender.status == 0, "\(rerender.stderrText)")
    #expect(FileManager.default.contents(atPath: scratch.appending("victim.txt")) == Data("keep me".utf8))
    #expect(FileManager.default.contents(atPath: scratch.appending("victims/inside.txt")) == Data("keep me too".utf8))
    #expect(try Audiobook.run(["verify", folder], in: scratch.url).status == 0)
  }

  /// `verify` never opens what a manifest names outside its folder: a FIFO there would block it.
  @Test func verifyDoesNotOpenAFIFONamedThroughDotDot() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let folder = try Self.render(scratch)
    #expect(mkfifo(scratch.appending("trap"), 0o600) == 0)
    try Self.editManifest(in: folder) { Self.setChapterField(&$0, "file", "../../trap") }
    let verify = try Audiobook.run(["verify", folder], in: scratch.url, timeout: 30)
    #expect(!verify.timedOut)
    #expect(verify.status == 1)
  }

  // MARK: Item 8: impossible numbers in a manifest

  @Test(arguments: [
    ("startFrame", Int.max - 10, "outside"),
    ("frames", -5, "has -5 frames"),
    ("number", 99, "chapter 1 is numbered 99"),
    ("frames", 1 << 50, "frames"),
  ])
  func verifyReportsImpossibleNumbersInsteadOfTrapping(key: String, value: Int, message: String) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let folder = try Self.render(scratch)
    try Self.editManifest(in: folder) { object in
      if key == "startFrame" {
        var chapters = object["chapters"] as? [[String: Any]] ?? []
        var paragraphs = chapters[0]["paragraphs"] as? [[String: Any]] ?? []
        var sentences = paragraphs[0]["sentences"] as? [[String: Any]] ?? []
        sentences[0]["startFrame"] = value
        paragraphs[0]["sentences"] = sentences
        chapters[0]["paragraphs"] = paragraphs
        object["chapters"] = chapters
      } else {
        Self.setChapterField(&object, key, value)
      }
    }
    let verify = try Audiobook.run(["verify", folder], in: scratch.url, timeout: 30)
    #expect(verify.exited, "killed by signal \(verify.status)")
    #expect(verify.status == 1)
    #expect(verify.stderrText.contains(message), "\(verify.stderrText)")
    #expect(!verify.stdoutText.contains("verified"))

    // A render reads such a manifest as no manifest at all, and starts afresh.
    let rerender = try Audiobook.run(
      ["render", Fixtures.exampleBook, "-o", scratch.appending("out"), "--cache", scratch.appending("cache"), "-q"],
      in: scratch.url)
    #expect(rerender.status == 0, "\(rerender.stderrText)")
    #expect(try Audiobook.run(["verify", folder], in: scratch.url).status == 0)
  }

  // MARK: Item 12: FIFOs where files should be

  @Test func aFIFOInTheBookFolderIsReportedNotOpened() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let folder = try Self.render(scratch)
    let manifest = try ManifestFile.read((folder as NSString).appendingPathComponent("manifest.json"))
    let chapter = (folder as NSString).appendingPathComponent(manifest.chapters[0].file)
    let cueSheet = (folder as NSString).appendingPathComponent("\(Self.slug).cue")
    for path in [chapter, cueSheet] {
      #expect(unlink(path) == 0)
      #expect(mkfifo(path, 0o600) == 0)
    }
    let verify = try Audiobook.run(["verify", folder], in: scratch.url, timeout: 30)
    #expect(!verify.timedOut)
    #expect(verify.status == 1)
    #expect(verify.stderrLines.filter { $0.contains("a FIFO, not a plain file") }.count == 2, "\(verify.stderrText)")

    // A render does not read it either, and refuses to drop it.
    let render = try Audiobook.run(
      ["render", Fixtures.exampleBook, "-o", scratch.appending("out"), "--cache", scratch.appending("cache")],
      in: scratch.url, timeout: 60)
    #expect(!render.timedOut)
    #expect(render.status == 73)
    #expect(render.stderrLines.count == 1, "\(render.stderrText)")
    #expect(render.stderrText.contains("a FIFO inside the book folder"), "\(render.stderrText)")
    var info = stat()
    #expect(lstat(chapter, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
  }

  @Test func aFIFOInTheClipCacheIsAMissNotAHang() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let folder = try Self.render(scratch)
    let clips = Self.clipFiles(in: scratch.appending("cache"))
    try #require(clips.count > 2)
    for clip in clips.prefix(2) {
      #expect(unlink(clip) == 0)
      #expect(mkfifo(clip, 0o600) == 0)
    }
    #expect(mkfifo(scratch.appending("cache/books/trap.keys"), 0o600) == 0)
    let again = try Audiobook.run(
      ["render", Fixtures.exampleBook, "-o", scratch.appending("again"), "--cache", scratch.appending("cache"), "-q"],
      in: scratch.url, timeout: 60)
    #expect(!again.timedOut)
    #expect(again.status == 0, "\(again.stderrText)")
    try Self.expectSameFiles(scratch.appending("again/\(Self.slug)"), folder)

    let prune = try Audiobook.run(
      ["cache", "prune", "--cache", scratch.appending("cache")], in: scratch.url, timeout: 30)
    #expect(!prune.timedOut)
    #expect(prune.status == 0, "\(prune.stderrText)")
  }

  // MARK: Item 14: entries swapped on disk

  @Test func swappedCacheEntriesAreDamageNotWrongAudio() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let folder = try Self.render(scratch)
    // The two entries closest in size, swapped.
    let clips = Self.clipFiles(in: scratch.appending("cache")).map { path in
      (path: path, size: (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
    }.sorted { $0.size < $1.size }
    try #require(clips.count > 2)
    let pair = zip(clips, clips.dropFirst()).min { $0.1.size - $0.0.size < $1.1.size - $1.0.size }!
    let first = try Data(contentsOf: URL(fileURLWithPath: pair.0.path))
    let second = try Data(contentsOf: URL(fileURLWithPath: pair.1.path))
    try second.write(to: URL(fileURLWithPath: pair.0.path))
    try first.write(to: URL(fileURLWithPath: pair.1.path))

    let again = try Audiobook.run(
      [
        "render", Fixtures.exampleBook, "-o", scratch.appending("again"), "--cache", scratch.appending("cache"),
        "--progress", "json",
      ], in: scratch.url)
    #expect(again.status == 0, "\(again.stderrText)")
    let damaged = again.stderrLines.filter { $0.contains("damagedCacheEntry") }
    #expect(damaged.count == 2, "\(again.stderrText)")
    #expect(damaged.allSatisfy { $0.contains("belongs to another clip") })
    try Self.expectSameFiles(scratch.appending("again/\(Self.slug)"), folder)
  }

  // MARK: Item 17: a cache that cannot be written

  @Test(.enabled(if: MountNamespace.isAvailable), arguments: ["ro", "full"])
  func aCacheThatCannotBeWrittenStillPublishesTheBookWithExit0(kind: String) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let cache = scratch.appending("cache")
    try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
    // Read-only: filled by a first render, then remounted read-only; full: 64 KB, which holds
    // a few clips at most.
    let script = """
      set -u
      mount -t tmpfs -o size=\(kind == "ro" ? "64m" : "64k") tmpfs "$2" || exit 90
      if [ "$5" = ro ]; then
        "$1" render "$3" -o "$4/first" --cache "$2" -q || exit 91
        mount -o remount,ro "$2" || exit 92
      fi
      "$1" render "$3" -o "$4/out" --cache "$2" --progress none --voice narrator-us
      """
    let result = try MountNamespace.run(
      script, arguments: [Audiobook.executable, cache, Fixtures.exampleBook, scratch.path, kind], in: scratch.url)
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(result.stderrText.contains("could not be stored in the clip cache"), "\(result.stderrText)")
    #expect(!result.stderrText.contains("error:"), "\(result.stderrText)")
    #expect(try Audiobook.run(["verify", scratch.appending("out/\(Self.slug)")], in: scratch.url).status == 0)
  }

  // MARK: Outputs that would replace inputs

  @Test func aReportNeverReplacesTheManuscriptOrAFileOfTheBook() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let book = try scratch.write("Tiny Book\n\nChapter 1: One\n\nIt was dark.\n", to: "tiny.txt")
    let original = try Data(contentsOf: URL(fileURLWithPath: book))
    let first = try Audiobook.run(["render", book, "-o", scratch.appending("out"), "-q"], in: scratch.url)
    #expect(first.status == 0)
    for report in [book, scratch.appending("out/tiny-book/manifest.json")] {
      let result = try Audiobook.run(
        ["render", book, "-o", scratch.appending("out"), "-q", "--report", report], in: scratch.url)
      #expect(result.status == 64, "\(report): \(result.stderrText)")
      #expect(result.stderrLines.count == 1)
    }
    let say = try Audiobook.run(["say", "--book", book, "--chapter", "1", "-o", book], in: scratch.url)
    #expect(say.status == 64, "\(say.stderrText)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: book)) == original)
    #expect(try Audiobook.run(["verify", scratch.appending("out/tiny-book")], in: scratch.url).status == 0)
  }

  /// Renders of one book into one folder take turns: three at once, with three voices, leave
  /// one whole render, whichever finished last.
  @Test func concurrentRendersOfOneBookNeverMix() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let output = scratch.appending("out")
    for _ in 0..<4 {
      let running = try ["narrator", "narrator-us", "draft"].map { voice in
        try Audiobook.start(
          [
            "render", Fixtures.exampleBook, "-o", output, "--cache", scratch.appending("cache"), "-q", "--jobs", "1",
            "--voice", voice,
          ], in: scratch.url)
      }
      for render in running {
        let result = render.wait()
        #expect(result.status == 0, "\(result.stderrText)")
      }
      let verify = try Audiobook.run(["verify", "\(output)/\(Self.slug)"], in: scratch.url)
      #expect(verify.status == 0, "\(verify.stderrText)")
    }
  }

  /// A cache from elsewhere whose `books` folder is a link to another folder: the render
  /// writes nothing there, publishes the book and warns.
  @Test func aCacheFolderThatIsALinkElsewhereIsNotWrittenThrough() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let victim = try scratch.write("USER\n", to: "victim/\(Self.slug).keys")
    try FileManager.default.createDirectory(atPath: scratch.appending("cache"), withIntermediateDirectories: true)
    #expect(symlink(scratch.appending("victim"), scratch.appending("cache/books")) == 0)
    let result = try Audiobook.run(
      [
        "render", Fixtures.exampleBook, "-o", scratch.appending("out"), "--cache", scratch.appending("cache"),
        "--progress", "none",
      ], in: scratch.url)
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(result.stderrText.contains("could not record"), "\(result.stderrText)")
    #expect(FileManager.default.contents(atPath: victim) == Data("USER\n".utf8))
  }

  @Test(arguments: [["--shard", "1/99999999999"], ["--shard", "1/9223372036854775807"], ["--shards", "99999999999"]])
  func anAbsurdShardCountIsAUsageError(flags: [String]) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let result = try Audiobook.run(
      ["render", Fixtures.exampleBook, "--cache", scratch.appending("cache")] + flags, in: scratch.url,
      environment: ["JOB_COMPLETION_INDEX": "0"], timeout: 30)
    #expect(result.status == 64, "\(result.stderrText)")
    #expect(result.stderrLines.count == 1)
  }

  @Test func aFrontMatterLexiconOutsideTheManuscriptsFolderIsRefused() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try scratch.write("secret: SECRET-VALUE\n", to: "elsewhere.yaml")
    for path in [scratch.appending("elsewhere.yaml"), "../elsewhere.yaml"] {
      let book = try scratch.write("---\nlexicon: \(path)\n---\n\n# One\n\nHi.\n", to: "sub/book.md")
      let result = try Audiobook.run(["plan", book], in: scratch.url)
      #expect(result.status == 65, "\(result.stderrText)")
      #expect(
        result.stderrLines == [
          "\(book):2: error: lexicon '\(path)' must be a file in the manuscript's folder or below it (no leading '/', no '..'); give others with --lexicon"
        ])
    }
  }

  @Test func aManuscriptThatIsAFIFOOrHugeIsRefusedAtOnce() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    #expect(mkfifo(scratch.appending("book.txt"), 0o600) == 0)
    #expect(mkfifo(scratch.appending("book.epub"), 0o600) == 0)
    let huge = scratch.appending("huge.txt")
    #expect(FileManager.default.createFile(atPath: huge, contents: nil))
    #expect(truncate(huge, off_t(ManuscriptReader.maximumBytes + 1)) == 0)
    for book in ["book.txt", "book.epub", "huge.txt"] {
      let result = try Audiobook.run(["plan", scratch.appending(book)], in: scratch.url, timeout: 30)
      #expect(!result.timedOut, "\(book)")
      #expect(result.status == 65, "\(book): \(result.stderrText)")
      #expect(result.stderrLines.count == 1, "\(book): \(result.stderrText)")
    }
  }

  /// `say -o x.wav` killed mid-write leaves `.x.wav.PID.partial`; the next `say -o x.wav` removes it.
  @Test func aKilledSaysTemporaryIsSweptByTheNextOne() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    // 2^22 + 1 is above Linux's pid_max, so no process has it.
    let stale = try scratch.write("half", to: ".x.wav.\(1 << 22 + 1).partial")
    let result = try Audiobook.run(["say", "Hello.", "-o", scratch.appending("x.wav")], in: scratch.url)
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(!FileManager.default.fileExists(atPath: stale))
  }

  // MARK: Helpers

  static func clipFiles(in cache: String) -> [String] {
    RenderedFolder.allFiles(under: "\(cache)/clips").filter { $0.hasSuffix(".clip") }.map { "\(cache)/clips/\($0)" }
  }

  /// The two folders hold the same names with the same bytes.
  static func expectSameFiles(_ a: String, _ b: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: b).sorted()
    #expect(try FileManager.default.contentsOfDirectory(atPath: a).sorted() == names, sourceLocation: sourceLocation)
    for name in names {
      #expect(
        FileManager.default.contents(atPath: "\(a)/\(name)") == FileManager.default.contents(atPath: "\(b)/\(name)"),
        "\(name) differs", sourceLocation: sourceLocation)
    }
  }
}
