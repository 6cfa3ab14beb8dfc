import AudiobookKit
import Foundation
import Testing

/// A cast through the built binary: quotations read in their speakers' voices, the manifest and
/// subtitles saying who speaks, `plan --cast-report` saying why, corrections taken, and a
/// change to one voice re-synthesizing only that voice's lines.
@Suite struct CastCommandTests {
  /// A short scene of our own with every form of quotation and speech tag the cast reads.
  static let scene = """
    # The Orchard Gate

    The gate creaked in the wind, and the lamps along the lane were already lit.

    “Is anyone there?” called Harriet.

    “Only me,” said Mr. Knightley. “I came for the apples.”

    “You are late,” she said.

    “I am always late.”

    “That is true.”

    Mr. Knightley set down his basket. He said, "The frost will take the rest of them tonight."

    ‘I don’t believe the Martins’ trees were touched,’ Harriet replied. ‘Their orchard sits lower.’

    “He told me, ‘Leave the ladder,’ and walked off,” said the gardener.

    “There is more to the story,” Mr. Knightley went on. “The ladder was never ours.

    “It belonged to the mill, and the miller wants it back before Sunday.”

    Harriet laughed at that, but she said nothing more.
    """

  static let cast = """
    cast:
      dialogue: { variant: m3, pitch: 40 }
      Harriet: { variant: f2, pitch: 65 }
      Mr. Knightley: { variant: m1, pitch: 30 }
    """

  func book(cast: String? = cast, in scratch: ScratchDirectory) throws -> String {
    let front = cast.map { "---\ntitle: The Orchard Gate\n\($0)\n---\n\n" } ?? "---\ntitle: The Orchard Gate\n---\n\n"
    return try scratch.write(front + Self.scene, to: "orchard.md")
  }

  /// Every sentence of the render, from the manifest, with its voice or parts.
  func sentences(in folder: String) throws -> [[String: Any]] {
    let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))
    let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let chapters = try #require(manifest["chapters"] as? [[String: Any]])
    return chapters.flatMap {
      ($0["paragraphs"] as? [[String: Any]] ?? []).flatMap { $0["sentences"] as? [[String: Any]] ?? [] }
    }
  }

  func voices(of sentence: [String: Any]) -> [String] {
    if let voice = sentence["voice"] as? String { return [voice] }
    return (sentence["parts"] as? [[String: Any]] ?? []).compactMap { $0["voice"] as? String }
  }

  @Test func quotationsAreReadInTheirSpeakersVoices() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try book(in: scratch)
    let result = try Audiobook.run(
      ["render", path, "-o", scratch.appending("out"), "-q", "--subtitles", "vtt"], in: scratch.url)
    try #require(result.status == 0, "\(result.stderrText)")
    let folder = scratch.appending("out/the-orchard-gate")
    let sentences = try sentences(in: folder)
    func voices(_ text: String) -> [String] {
      sentences.first { ($0["text"] as? String)?.hasPrefix(text) == true }.map(self.voices) ?? []
    }
    #expect(voices("The gate creaked") == ["narrator"])
    #expect(voices("“Is anyone there?”") == ["Harriet", "narrator"])
    #expect(voices("“Only me,”") == ["Mr. Knightley", "narrator"])
    #expect(voices("“I came for the apples.”") == ["Mr. Knightley"])
    // A pronoun after the character was named, then two-person alternation.
    #expect(voices("“You are late,”") == ["Harriet", "narrator"])
    #expect(voices("“I am always late.”") == ["Mr. Knightley"])
    #expect(voices("“That is true.”") == ["Harriet"])
    // A tag before a straight-quoted quotation; British single quotes past an apostrophe.
    #expect(voices("He said, \"The frost") == ["narrator", "Mr. Knightley"])
    #expect(voices("‘I don’t believe") == ["Harriet", "narrator"])
    #expect(voices("‘Their orchard sits lower.’") == ["Harriet"])
    // Nested quotes in the outer speaker's voice; someone not in the cast in the dialogue voice.
    #expect(voices("“He told me, ‘Leave the ladder,’ and walked off,”") == ["dialogue", "narrator"])
    // A speech over two paragraphs keeps its speaker.
    #expect(voices("“It belonged to the mill,") == ["Mr. Knightley"])
    #expect(voices("Harriet laughed") == ["narrator"])

    // Parts lie inside their sentence, in order, and the text as written is kept.
    for sentence in sentences {
      guard let parts = sentence["parts"] as? [[String: Any]] else { continue }
      let start = try #require(sentence["startFrame"] as? Int)
      let end = start + (try #require(sentence["frames"] as? Int))
      var previous = start
      for part in parts {
        let partStart = try #require(part["startFrame"] as? Int)
        let partEnd = partStart + (try #require(part["frames"] as? Int))
        #expect(partStart >= previous && partEnd <= end && partEnd > partStart)
        previous = partEnd
        #expect((sentence["text"] as? String)?.contains(try #require(part["text"] as? String)) == true)
      }
    }
    // WebVTT voice spans, read back by ffmpeg's WebVTT reader as the cue's text.
    let vtt = try String(contentsOfFile: folder + "/01 The Orchard Gate.vtt", encoding: .utf8)
    #expect(vtt.contains("<v Harriet>“Is anyone there?”</v> <v narrator>called Harriet.</v>"), "\(vtt)")
    #expect(vtt.contains("<v Mr. Knightley>“I came for the apples.”</v>"))
    if ffmpegIsInstalled {
      // ffmpeg's WebVTT reader takes the voice spans as markup: the cue's text is the sentence.
      let srt = try runTool(
        "ffmpeg", ["-v", "error", "-i", folder + "/01 The Orchard Gate.vtt", "-f", "srt", "-"], in: scratch.url)
      #expect(srt.status == 0, "\(srt.stderrText)")
      #expect(srt.stdoutLines.contains("“Is anyone there?” called Harriet."), "\(srt.stdoutText)")
      #expect(!srt.stdoutText.contains("<v"))
    }
    let verify = try Audiobook.run(["verify", folder], in: scratch.url)
    #expect(verify.status == 0, "\(verify.stdoutText)\(verify.stderrText)")
  }

  @Test func theCastReportSaysWhoAndWhy() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try book(in: scratch)
    let result = try Audiobook.run(["plan", path, "--cast-report"], in: scratch.url)
    try #require(result.status == 0, "\(result.stderrText)")
    let lines = result.stdoutLines.map {
      $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
    #expect(lines.contains("Harriet en-gb+f2 165 65"), "\(result.stdoutText)")
    #expect(lines.contains("13 Harriet tag “Is anyone there?”"), "\(result.stdoutText)")
    #expect(lines.contains("15 Mr. Knightley paragraph “I came for the apples.”"))
    #expect(lines.contains("17 Harriet pronoun “You are late,”"))
    #expect(lines.contains("19 Mr. Knightley alternation “I am always late.”"))
    #expect(lines.contains("27 dialogue tag (the gardener) “He told me, ‘Leave the ladder,’ …"))
    #expect(lines.contains("31 Mr. Knightley continued “It belonged to the mill, and …"))
    #expect(lines.last == "13 quotations, 13 attributed, 0 to the default voice")
    let json = try Audiobook.run(["plan", path, "--cast-report", "--json"], in: scratch.url)
    let report = try JSONDecoder().decode(CastReport.self, from: json.stdout)
    #expect(report.chapters.first?.quotations.count == 13)
    #expect(report.voices.map(\.name) == ["narrator", "dialogue", "Harriet", "Mr. Knightley"])
  }

  /// `at: LINE` under a member, or a speaker mark in Markdown, overrides the guess.
  @Test func aCorrectionWins() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let corrected = Self.cast.replacingOccurrences(
      of: "Mr. Knightley: { variant: m1, pitch: 30 }", with: "Mr. Knightley: { variant: m1, pitch: 30, at: [13] }")
    let path = try book(cast: corrected, in: scratch)
    let result = try Audiobook.run(["plan", path, "--cast-report"], in: scratch.url)
    try #require(result.status == 0, "\(result.stderrText)")
    let lines = result.stdoutLines.map {
      $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
    // The correction wins over the speech tag beside the quotation.
    #expect(lines.contains("13 Mr. Knightley correction “Is anyone there?”"), "\(result.stdoutText)")
    let marked = try scratch.write(
      "---\n\(Self.cast)\n---\n\n# One\n\n<!-- speaker: Harriet -->\n“Good morning,” said the miller.\n", to: "mark.md")
    let mark = try Audiobook.run(["plan", marked, "--cast-report"], in: scratch.url)
    let markLines = mark.stdoutLines.map {
      $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
    #expect(markLines.contains("11 Harriet correction “Good morning,”"), "\(mark.stdoutText)\(mark.stderrText)")
  }

  /// Changing one character's voice synthesizes only that character's lines again; the
  /// narration's clips are the ones a render without a cast makes.
  @Test func aVoiceChangeResynthesizesOnlyItsLines() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let cache = scratch.appending("cache")
    func render(_ cast: String?) throws -> Int {
      let path = try book(cast: cast, in: scratch)
      let report = scratch.appending("report.json")
      let result = try Audiobook.run(
        ["render", path, "-o", scratch.appending("out"), "--cache", cache, "-q", "--report", report], in: scratch.url)
      try #require(result.status == 0, "\(result.stderrText)")
      let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report)))
      let chapters = (object as? [String: Any])?["chapters"] as? [[String: Any]] ?? []
      return chapters.reduce(0) { $0 + ($1["cacheMisses"] as? Int ?? 0) }
    }
    let plain = try render(nil)
    #expect(plain > 0)
    let plainSentences = try sentences(in: scratch.appending("out/the-orchard-gate"))
    #expect(plainSentences.count > 10 && plainSentences.allSatisfy { $0["voice"] == nil && $0["parts"] == nil })
    let withCast = try render(Self.cast)
    // The title and the narration-only paragraphs come from the cache.
    #expect(withCast > 0 && withCast < plain + 14)
    #expect(try render(Self.cast) == 0)
    let changed = try render(Self.cast.replacingOccurrences(of: "pitch: 65", with: "pitch: 70"))
    // Harriet's lines: the batches of her five quotations.
    #expect(changed == 5)
  }

  /// `say` reads a paragraph of dialogue as the render does, its quotations attributed over the
  /// whole chapter (the speech continued from the paragraph before it), and a chapter exactly
  /// as its file.
  @Test func sayReadsTheCastAsTheRenderDoes() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try book(in: scratch)
    let output = scratch.appending("out")
    let render = try Audiobook.run(["render", path, "-o", output, "-q"], in: scratch.url)
    try #require(render.status == 0, "\(render.stderrText)")
    let manifest = try JSONDecoder().decode(
      Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: "\(output)/the-orchard-gate/manifest.json")))
    let chapter = manifest.chapters[0]
    let paragraph = chapter.paragraphs[10]
    #expect(paragraph.sentences.first?.voice == "Mr. Knightley")
    let said = try Audiobook.run(
      ["say", "--book", path, "--paragraph", "1:11", "--cache", scratch.appending("no-cache")], in: scratch.url)
    try #require(said.status == 0, "\(said.stderrText)")
    let samples = try SoundFileReader(path: try scratch.write(said.stdout, to: "p.wav")).samples()
    let rendered = try SoundFileReader(path: "\(output)/the-orchard-gate/\(chapter.file)").samples()
    #expect(
      Array(samples.prefix(paragraph.frames))
        == Array(rendered[paragraph.startFrame..<paragraph.startFrame + paragraph.frames]))
    let whole = scratch.appending("c1.wav")
    #expect(try Audiobook.run(["say", "--book", path, "--chapter", "1", "-o", whole], in: scratch.url).status == 0)
    #expect(
      FileManager.default.contents(atPath: whole)
        == FileManager.default.contents(atPath: "\(output)/the-orchard-gate/\(chapter.file)"))
  }

  /// A read-along book marks who speaks with a class on the text: on a sentence in one voice,
  /// on each part (or each word) of one in several; epubcheck finds nothing wrong.
  @Test(arguments: ["sentences", "words"])
  func aReadAlongBookMarksTheVoices(unit: String) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try book(in: scratch)
    let (folder, manifest) = try ReadAlongCommandTests.render(
      path, ["--format", "epub", "--read-along", unit], into: scratch)
    // The MP3s are 44.1 kHz: the voices are kept as the timings are rescaled.
    let sentences = manifest.chapters[0].paragraphs.flatMap(\.sentences)
    #expect(manifest.sampleRate == 44_100 && sentences.contains { $0.parts?.count == 2 })
    #expect(try Audiobook.run(["verify", folder], in: scratch.url).status == 0)
    let file = (folder as NSString).appendingPathComponent(try #require(manifest.readAlong).file)
    let archive = try EpubArchive(path: file)
    let document = try #require(try archive.xml(at: "EPUB/text/chapter-001.xhtml"))
    let classes = document.root.descendants.compactMap { $0.attributes["class"] }
    #expect(Set(classes).isSuperset(of: ["voice-narrator", "voice-harriet", "voice-mr-knightley", "voice-dialogue"]))
    let harriet = document.root.descendants.filter { $0.attributes["class"] == "voice-harriet" }.map(\.text)
    #expect(harriet.joined(separator: " ").contains(unit == "words" ? "anyone" : "“Is anyone there?”"), "\(harriet)")
    if ReadAlongCommandTests.epubcheckIsInstalled {
      #expect(try ReadAlongCommandTests.epubcheckProblems(file, in: scratch).map { "epubcheck: \($0)" } == nil)
    }
  }

  /// A cast changes nothing but the quotations: on a book with none, the chapter files are
  /// byte for byte those of a render without a cast.
  @Test func narrationAloneSoundsAsWithoutACast() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let narration =
      "# The Orchard Gate\n\nThe gate creaked in the wind.\n\nThe lamps were lit, and the lane was quiet.\n"
    var files: [Data?] = []
    for (name, front) in [("plain", ""), ("cast", "---\n\(Self.cast)\n---\n\n")] {
      let path = try scratch.write(front + narration, to: "\(name).md")
      let result = try Audiobook.run(["render", path, "-o", scratch.appending(name), "-q"], in: scratch.url)
      try #require(result.status == 0, "\(result.stderrText)")
      files.append(
        FileManager.default.contents(atPath: scratch.appending("\(name)/the-orchard-gate/01 The Orchard Gate.wav")))
    }
    #expect(files[0] != nil && files[0] == files[1])
  }

  /// Same input, same bytes, with voices that breathe: espeak-ng's f-variants draw noise from
  /// rand(), which libpulse reseeds when it makes a fresh config folder (each run here has
  /// one); every synthesis starts from the same seed.
  @Test func aCastRendersTheSameBytesEveryTime() throws {
    var hashes: Set<String> = []
    for _ in 0..<3 {
      let scratch = try ScratchDirectory()
      defer { scratch.remove() }
      let path = try book(in: scratch)
      let result = try Audiobook.run(["render", path, "-o", scratch.appending("out"), "-q"], in: scratch.url)
      try #require(result.status == 0, "\(result.stderrText)")
      hashes.insert(try FileDigest.sha256(of: scratch.appending("out/the-orchard-gate/01 The Orchard Gate.wav")))
    }
    #expect(hashes.count == 1)
  }

  @Test(arguments: [
    ("cast:\n  Harriet: { pitch: 500 }\n", 3, "cast member 'Harriet': pitch must be a whole number from 0 to 100"),
    ("cast:\n  Harriet: { voice: xx-nowhere }\n", 3, "'xx-nowhere' is not an installed espeak-ng voice"),
    ("cast:\n  Harriet: { tone: low }\n", 3, "unknown key 'tone'"),
    ("cast:\n  Harriet: no-such-preset\n", 3, "cast member 'Harriet': voice 'no-such-preset'"),
    ("cast: [Harriet]\n", 2, "cast must be a mapping"),
  ])
  func aBadCastNamesItsLine(cast: String, line: Int, message: String) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("---\n\(cast)---\n\n# One\n\n“Hello,” said Harriet.\n", to: "bad.md")
    let result = try Audiobook.run(["render", path, "-o", scratch.appending("out"), "-q"], in: scratch.url)
    #expect(result.status == 65, "\(result.stderrText)")
    #expect(result.stderrText.contains("bad.md:\(line): error: "), "\(result.stderrText)")
    #expect(result.stderrText.contains(message), "\(result.stderrText)")
    #expect(!FileManager.default.fileExists(atPath: scratch.appending("out")))
  }
}
