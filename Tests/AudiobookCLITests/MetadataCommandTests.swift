import AudiobookKit
import EpubTestSupport
import Foundation
import Testing

/// The book's metadata and cover through the built binary, read back with ffprobe the way
/// players and Audiobookshelf read them.
@Suite(.enabled(if: ffmpegIsInstalled, "ffmpeg is not installed (.ci/run installs it)"))
struct MetadataCommandTests {
  struct Probe: Decodable {
    struct Stream: Decodable {
      var codec_name: String
      var width: Int?
      var height: Int?
      var disposition: [String: Int]?
      var tags: [String: String]?
    }
    struct Format: Decodable { var tags: [String: String]? }
    var streams: [Stream]
    var format: Format

    /// Format tags and the audio stream's (where Ogg keeps them), keys lowercased.
    var tags: [String: String] {
      let all = (format.tags ?? [:]).merging(streams.first?.tags ?? [:]) { first, _ in first }
      return Dictionary(all.map { ($0.key.lowercased(), $0.value) }) { first, _ in first }
    }

    var cover: Stream? { streams.first { $0.disposition?["attached_pic"] == 1 } }
  }

  static func probe(_ path: String, in scratch: ScratchDirectory) throws -> Probe {
    let result = try runTool(
      "ffprobe", ["-v", "error", "-show_streams", "-show_format", "-print_format", "json", path], in: scratch.url)
    try #require(result.status == 0, "ffprobe: \(result.stderrText)")
    return try JSONDecoder().decode(Probe.self, from: result.stdout)
  }

  /// A 64 × 48 JPEG made by ffmpeg.
  static func cover(in scratch: ScratchDirectory) throws -> String {
    let path = scratch.appending("front.jpg")
    let made = try runTool(
      "ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "color=c=navy:s=64x48", "-frames:v", "1", path], in: scratch.url)
    try #require(made.status == 0, "ffmpeg: \(made.stderrText)")
    return path
  }

  static let flags = [
    "--title", "Harbour Lights", "--book-subtitle", "A Winter Account", "--author", "Ida Marsh", "--narrator",
    "Ruth Vale", "--series", "Harbour Tales", "--series-position", "2", "--date", "1913", "--publisher",
    "Gull Press", "--description", "A keeper counts ships.", "--genre", "Fiction", "--language", "en",
    "--isbn", "978-0-306-40615-7",
  ]

  /// Every whole-book format carries every field where its readers look, the cover as an
  /// attached picture, and `cover.jpg` beside it; the same input gives the same bytes.
  @Test(arguments: ["m4b", "mp3", "flac", "ogg", "opus", "wav"])
  func everyFormatCarriesTheFieldsAndTheCover(format: String) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let cover = try Self.cover(in: scratch)
    let arguments = ["--format", format, "--layout", "book", "--cover", cover] + Self.flags
    func render(_ name: String) throws -> String {
      let output = scratch.appending(name)
      let result = try Audiobook.run(["render", Fixtures.exampleBook, "-o", output, "-q"] + arguments, in: scratch.url)
      try #require(result.status == 0, "render: \(result.stderrText)")
      return (output as NSString).appendingPathComponent("harbour-lights")
    }
    let folder = try render("out")
    let file = (folder as NSString).appendingPathComponent("harbour-lights.\(format)")
    let tags = try Self.probe(file, in: scratch).tags
    #expect(tags["title"] == "Harbour Lights")
    #expect(tags["artist"] == "Ida Marsh")
    #expect(tags["album"] == "Harbour Lights")
    #expect(tags["date"] == "1913")
    #expect(tags["genre"] == "Fiction")
    if format != "wav" {
      // The narrator as composer, where Audiobookshelf looks for it.
      #expect(tags["composer"] == "Ruth Vale")
      #expect(tags["album_artist"] == "Ida Marsh")
      let probe = try Self.probe(file, in: scratch)
      #expect(probe.cover?.codec_name == "mjpeg")
      #expect(probe.cover?.width == 64 && probe.cover?.height == 48)
    }
    switch format {
    case "m4b":
      #expect(tags["show"] == "Harbour Tales" && tags["episode_id"] == "2")
      #expect(tags["grouping"] == "Harbour Tales #2")
      #expect(tags["description"] == "A keeper counts ships.")
    case "mp3", "flac", "ogg", "opus":
      #expect(tags["series"] == "Harbour Tales" && tags["series-part"] == "2")
      #expect(tags["publisher"] == "Gull Press" && tags["language"] == "en")
      #expect(tags["isbn"] == "978-0-306-40615-7")
      // ffmpeg shows a Vorbis DESCRIPTION as the comment; ID3 keeps it in a TXXX frame.
      #expect(tags[format == "mp3" ? "description" : "comment"] == "A keeper counts ships.")
      #expect((tags["tit3"] ?? tags["subtitle"]) == "A Winter Account")
    default: break
    }
    let beside = (folder as NSString).appendingPathComponent("cover.jpg")
    #expect(FileManager.default.contents(atPath: beside) == FileManager.default.contents(atPath: cover))
    let manifest = try JSONDecoder().decode(
      Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json")))
    #expect(manifest.narrator == "Ruth Vale" && manifest.series == "Harbour Tales" && manifest.cover == "cover.jpg")
    #expect(try Audiobook.run(["verify", folder], in: scratch.url).status == 0)
    let again = try render("again")
    #expect(
      FileManager.default.contents(atPath: (again as NSString).appendingPathComponent("harbour-lights.\(format)"))
        == FileManager.default.contents(atPath: file))
  }

  /// Chapter files carry the book's fields too, each with its own title and track; with no
  /// narrator given, the narrator names the voice.
  @Test func chapterFilesCarryTheBooksFieldsAndTheVoiceNarrates() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let (folder, manifest) = try PublishCommandTests.render(
      ["--format", "mp3", "--series", "Harbour Tales", "--cover", try Self.cover(in: scratch)], into: scratch)
    let first = try Self.probe((folder as NSString).appendingPathComponent(manifest.chapters[0].file), in: scratch)
    #expect(first.tags["title"] == manifest.chapters[0].title)
    #expect(first.tags["track"] == "1")
    #expect(first.tags["series"] == "Harbour Tales")
    #expect(first.tags["composer"]?.hasPrefix("espeak-ng voice ") == true)
    #expect(first.tags["composer"]?.hasSuffix("(synthesized)") == true)
    #expect(first.cover != nil)
    #expect(manifest.narrator == first.tags["composer"])
  }

  /// An EPUB's own metadata and cover image are published; a flag still wins.
  @Test func anEpubsMetadataAndCoverArePublished() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    var epub = EpubSamples.epub3
    epub.moreMetadata = [
      #"<dc:contributor id="n1">Ruth Vale</dc:contributor>"#,
      ##"<meta refines="#n1" property="role" scheme="marc:relators">nrt</meta>"##,
      #"<meta property="belongs-to-collection" id="s1">Salt Roads</meta>"#,
      ##"<meta refines="#s1" property="group-position">1</meta>"##,
      "<dc:description>Across the flats.</dc:description>",
    ]
    epub.moreItems = [#"<item id="cover" href="cover.jpg" media-type="image/jpeg" properties="cover-image"/>"#]
    let cover = try Data(contentsOf: URL(fileURLWithPath: try Self.cover(in: scratch)))
    epub.replacing["OEBPS/cover.jpg"] = cover
    let book = try epub.write(to: scratch.appending("book.epub"))
    let plan = try Audiobook.run(["plan", book, "--json", "--genre", "Travel"], in: scratch.url)
    try #require(plan.status == 0, "\(plan.stderrText)")
    let metadata = try #require(
      (try JSONSerialization.jsonObject(with: plan.stdout) as? [String: Any])?["metadata"] as? [String: String])
    #expect(metadata["narrator"] == "Ruth Vale")
    #expect(metadata["series"] == "Salt Roads" && metadata["series-position"] == "1")
    #expect(metadata["description"] == "Across the flats.")
    #expect(metadata["genre"] == "Travel")
    #expect(metadata["cover"]?.hasPrefix("JPEG 64×48") == true)
    let rendered = try Audiobook.run(
      ["render", book, "-o", scratch.appending("out"), "-q", "--format", "m4b"], in: scratch.url)
    try #require(rendered.status == 0, "\(rendered.stderrText)")
    let probe = try Self.probe(scratch.appending("out/the-salt-road/the-salt-road.m4b"), in: scratch)
    #expect(probe.tags["composer"] == "Ruth Vale" && probe.tags["show"] == "Salt Roads")
    #expect(probe.cover?.width == 64)
    #expect(FileManager.default.contents(atPath: scratch.appending("out/the-salt-road/cover.jpg")) == cover)
  }

  /// ffmpeg reads `%` in a name as a frame number unless told not to: an M4B with a cover
  /// renders into any folder name.
  @Test func aPercentSignInTheFolderIsAnyOtherCharacter() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let output = scratch.appending("50%d off")
    let result = try Audiobook.run(
      ["render", Fixtures.exampleBook, "-o", output, "-q", "--format", "m4b", "--cover", try Self.cover(in: scratch)],
      in: scratch.url)
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(
      try Self.probe(output + "/\(PublishCommandTests.slug)/\(PublishCommandTests.slug).m4b", in: scratch).cover != nil)
  }

  @Test func aCoverThatIsNotAnImageIsRefusedBeforeAnythingIsRendered() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try Data("not a picture".utf8).write(to: URL(fileURLWithPath: scratch.appending("c.jpg")))
    let result = try Audiobook.run(
      ["render", Fixtures.exampleBook, "-o", scratch.appending("out"), "--cover", "c.jpg"], in: scratch.url)
    #expect(result.status == 65)
    #expect(result.stderrLines.last == "c.jpg: error: the cover is not a JPEG or PNG image")
    #expect(!FileManager.default.fileExists(atPath: scratch.appending("out")))
  }
}

/// `render --library DIR`: the folder layout Audiobookshelf's scanner reads.
@Suite struct LibraryCommandTests {
  func render(_ flags: [String], library: String, in scratch: ScratchDirectory) throws {
    let result = try Audiobook.run(
      ["render", Fixtures.exampleBook, "--library", library, "-q"] + flags, in: scratch.url)
    try #require(result.status == 0, "render: \(result.stderrText)")
  }

  /// `Author/Series/Book N - Title/` with the audio, `desc.txt` and `reader.txt`; a later render
  /// without a description drops its file, and `verify` knows every file.
  @Test func theBookGoesUnderItsAuthorAndSeries() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let library = scratch.appending("Library")
    try render(
      ["--series", "Harbour Tales", "--series-position", "2", "--narrator", "Ruth Vale", "--description", "Ships."],
      library: library, in: scratch)
    let folder = library + "/Ada Finch/Harbour Tales/Book 2 - The Lighthouse Ledger"
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    #expect(files.contains("desc.txt") && files.contains("reader.txt") && files.contains("manifest.json"))
    #expect(files.filter { $0.hasSuffix(".wav") }.count == 3)
    #expect(try String(contentsOfFile: folder + "/reader.txt", encoding: .utf8) == "Ruth Vale\n")
    #expect(try String(contentsOfFile: folder + "/desc.txt", encoding: .utf8) == "Ships.\n")
    // The render's own files are hidden from the scanner; the clips sit at the library's top.
    let visible = try FileManager.default.contentsOfDirectory(atPath: library).filter { !$0.hasPrefix(".") }
    #expect(visible == ["Ada Finch"])
    #expect(FileManager.default.fileExists(atPath: library + "/.audiobook-cache"))
    #expect(try Audiobook.run(["verify", folder], in: scratch.url).status == 0)

    try render(["--series", "Harbour Tales", "--series-position", "2"], library: library, in: scratch)
    let after = try FileManager.default.contentsOfDirectory(atPath: folder)
    #expect(!after.contains("desc.txt"))
    #expect(try String(contentsOfFile: folder + "/reader.txt", encoding: .utf8).hasPrefix("espeak-ng voice "))
    #expect(try Audiobook.run(["verify", folder], in: scratch.url).status == 0)
  }

  /// `verify` holds the library's files to the manifest: the cover by its SHA-256, the
  /// description and narrator by their text.
  @Test func verifyChecksTheCoverAndTheTextFiles() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let library = scratch.appending("Library")
    try render(
      ["--description", "Ships.", "--narrator", "Ruth Vale", "--cover", try MetadataCommandTests.cover(in: scratch)],
      library: library, in: scratch)
    let folder = library + "/Ada Finch/The Lighthouse Ledger"
    #expect(try Audiobook.run(["verify", folder], in: scratch.url).status == 0)
    for name in ["cover.jpg", "desc.txt", "reader.txt"] {
      let path = folder + "/" + name
      let original = try Data(contentsOf: URL(fileURLWithPath: path))
      try Data("tampered\n".utf8).write(to: URL(fileURLWithPath: path))
      let result = try Audiobook.run(["verify", folder], in: scratch.url)
      #expect(result.status == 1)
      #expect(result.stderrText.contains(name), "\(result.stderrText)")
      try original.write(to: URL(fileURLWithPath: path))
    }
  }

  /// Metadata from elsewhere cannot name a folder outside the library, a hidden one or a path.
  @Test func hostileNamesStayInsideTheLibrary() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let library = scratch.appending("Library")
    try render(["--author", "../../x", "--series", "/etc/..", "--title", "..\u{1}"], library: library, in: scratch)
    let made = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { !$0.hasPrefix(".") }
    #expect(made == ["Library"])
    #expect(FileManager.default.fileExists(atPath: library + "/x/etc/Untitled/manifest.json"))
  }

  @Test func libraryAndOutputTogetherAreAUsageError() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let result = try Audiobook.run(
      ["render", Fixtures.exampleBook, "--library", "L", "-o", "O"], in: scratch.url)
    #expect(result.status == 64)
    #expect(result.stderrText.contains("leave out -o"))
  }
}

let mpvIsInstalled = FileManager.default.isExecutableFile(atPath: "/usr/bin/mpv")

/// mpv, as a listener's player: it shows every whole-book format's chapters at the manifest's
/// times, the narrator and the cover.
@Suite(.enabled(if: mpvIsInstalled && ffmpegIsInstalled, "mpv is not installed (.ci/run installs it)"))
struct MpvPlaybackTests {
  @Test(arguments: ["m4b", "mp3", "flac", "ogg", "opus"])
  func mpvListsTheChaptersAndShowsTheCover(format: String) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let (folder, manifest) = try PublishCommandTests.render(
      [
        "--format", format, "--layout", "book", "--narrator", "Ruth Vale", "--cover",
        try MetadataCommandTests.cover(in: scratch),
      ],
      into: scratch)
    let book = try #require(manifest.book)
    let played = try runTool(
      "mpv",
      [
        "--no-config", "--ao=null", "--vo=null", "--frames=1",
        "--term-playing-msg=chapters=${chapter-list/count} composer=${metadata/by-key/composer}",
        (folder as NSString).appendingPathComponent(book.file),
      ], in: scratch.url)
    #expect(played.status == 0, "\(played.stderrText)")
    let text = played.stdoutText + played.stderrText
    #expect(text.contains("chapters=3 composer=Ruth Vale"), "\(text)")
    // The cover is the file's video track.
    #expect(text.contains("VO: [null] 64x48"), "\(text)")
    for (index, start) in book.chapterStarts.enumerated() {
      let time = try runTool(
        "mpv",
        [
          "--no-config", "--ao=null", "--vo=null", "--frames=1",
          "--term-playing-msg=start=${=chapter-list/\(index)/time} title=${chapter-list/\(index)/title}",
          (folder as NSString).appendingPathComponent(book.file),
        ], in: scratch.url)
      let line = (time.stdoutText + time.stderrText).split(separator: "\n").first { $0.hasPrefix("start=") } ?? ""
      let seconds = Double(line.dropFirst(6).prefix { $0 != " " }) ?? -1
      // Within one codec frame (MP3's 1152 samples at 44.1 kHz, 26 ms, is the longest here:
      // mpv moves MP3 chapters by LAME's encoder delay, 1105 samples).
      #expect(abs(seconds - Double(start) / Double(manifest.sampleRate)) < 0.0262, "chapter \(index + 1): \(line)")
      #expect(line.hasSuffix("title=\(manifest.chapters[index].title)"), "\(line)")
    }
  }
}
