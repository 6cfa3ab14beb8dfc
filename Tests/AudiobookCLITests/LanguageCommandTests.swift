import Foundation
import Testing

/// Books in other languages through the built binary: the language found or given, and said
/// where from; chapters in the language's words; sentences split by its rules; a render that
/// records the language and speaks with its voice.
@Suite struct LanguageCommandTests {
  /// Each fixture book's chapter titles, as `plan` finds them.
  static let chapters: [String: [String]] = [
    "fr": ["Chapitre premier", "Chapitre II"],
    "de": ["Erstes Kapitel", "Zweites Kapitel", "Kapitel 3"],
    "es": ["Capítulo I", "Capítulo segundo", "Capítulo 3"],
    "it": ["Capitolo primo", "Capitolo secondo", "Capitolo III"],
    "nl": ["Hoofdstuk 1", "Hoofdstuk twee", "Hoofdstuk III"],
    "pt": ["Capítulo I", "Capítulo segundo", "Capítulo 3"],
    "pl": ["Rozdział pierwszy", "Rozdział II", "Rozdział 3"],
    "ru": ["Глава первая", "Глава вторая", "Глава III"],
  ]

  func plan(_ arguments: [String], in scratch: ScratchDirectory) throws -> [String: Any] {
    let result = try Audiobook.run(["plan", "--json"] + arguments, in: scratch.url)
    try #require(result.status == 0, "\(result.stderrText)")
    return try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
  }

  @Test(arguments: ["fr", "de", "es", "it", "nl", "pt", "pl", "ru"])
  func theLanguageIsFoundAndTheChaptersInItsWords(code: String) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let plan = try plan([Fixtures.languageBook(code)], in: scratch)
    #expect(plan["language"] as? String == code)
    #expect((plan["origins"] as? [String: String])?["language"] == "detected from the text")
    let titles = (plan["chapters"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
    #expect(titles == Self.chapters[code])
    // The default voice is espeak-ng's for the language.
    #expect((plan["metadata"] as? [String: String])?["narrator"]?.contains("(\(code)") == true, "\(plan)")
  }

  /// Each book in Project Gutenberg's wrapping: the header's `Language:` is the book's (no
  /// detection), its `Title:` the title, and the licence is not read.
  @Test(arguments: [
    ("fr", "French"), ("de", "German"), ("es", "Spanish"), ("it", "Italian"), ("nl", "Dutch"),
    ("pt", "Portuguese"), ("pl", "Polish"), ("ru", "Russian"),
  ])
  func aGutenbergHeaderNamesTheLanguage(code: String, name: String) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let text = try String(contentsOfFile: Fixtures.languageBook(code), encoding: .utf8)
    let wrapped = """
      The Project Gutenberg eBook of a book in \(name)

      This eBook is for the use of anyone anywhere at no cost.

      Title: A Test Book in \(name)

      Author: Nobody

      Language: \(name)

      *** START OF THE PROJECT GUTENBERG EBOOK A TEST BOOK ***

      \(text)

      *** END OF THE PROJECT GUTENBERG EBOOK A TEST BOOK ***

      Updated editions will replace the previous one. This licence text is never read aloud.
      """
    let plan = try plan([try scratch.write(wrapped, to: "pg-\(code).txt")], in: scratch)
    #expect(plan["language"] as? String == code)
    #expect((plan["origins"] as? [String: String])?["language"] == nil)
    #expect(plan["title"] as? String == "A Test Book in \(name)")
    let titles = (plan["chapters"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
    #expect(titles == Self.chapters[code])
  }

  @Test func givenLanguageWinsAndSaysSo() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let given = try plan([Fixtures.languageBook("fr"), "--language", "fr-CA"], in: scratch)
    #expect(given["language"] as? String == "fr")
    #expect((given["origins"] as? [String: String])?["language"] == "--language")
    #expect((given["metadata"] as? [String: String])?["language"] == "fr-CA")

    let text = try String(contentsOfFile: Fixtures.languageBook("de"), encoding: .utf8)
    let book = try scratch.write("---\ntitle: Die Reise\nlanguage: de-AT\n---\n\n" + text, to: "reise.md")
    let front = try plan([book], in: scratch)
    #expect(front["language"] as? String == "de")
    #expect((front["origins"] as? [String: String])?["language"]?.hasSuffix("/reise.md:3") == true)

    // Too little text to tell: English rules, and the plan says why.
    let short = try scratch.write("Chapter 1\n\nIt rained.\n", to: "short.txt")
    let unknown = try plan([short], in: scratch)
    #expect(unknown["language"] as? String == "en")
    #expect((unknown["origins"] as? [String: String])?["language"]?.hasPrefix("default") == true)
  }

  @Test func aLanguageThatIsNotATagIsRefused() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let result = try Audiobook.run(["plan", Fixtures.languageBook("fr"), "--language", "fr_FR!"], in: scratch.url)
    #expect(result.status == 64)
    #expect(result.stderrText.contains("--language takes a BCP 47 tag"), "\(result.stderrText)")
    // A tag past 35 characters is none, and the message does not repeat all of it.
    let long = try Audiobook.run(
      ["plan", Fixtures.languageBook("fr"), "--language", "fr-" + String(repeating: "abcdefgh-", count: 1_000) + "x"],
      in: scratch.url)
    #expect(long.status == 64)
    #expect(long.stderrText.utf8.count < 1_000, "\(long.stderrText.utf8.count)")
  }

  /// `say TEXT` reads text in the language it is written in, voice and rules alike: the same
  /// bytes as with `--language fr`, and not those of the English voice.
  @Test func sayReadsTextInTheLanguageItIsWrittenIn() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let text =
      "M. Dupont arrive à 15 h. Le docteur l'attendait devant la gare avec un parapluie et il était content de le voir."
    var audio: [String: Data] = [:]
    for (name, flags) in [("detected", []), ("fr", ["--language", "fr"]), ("en", ["--language", "en"])] {
      let result = try Audiobook.run(["say", text, "-o", scratch.appending("\(name).wav")] + flags, in: scratch.url)
      try #require(result.status == 0, "\(result.stderrText)")
      audio[name] = try Data(contentsOf: scratch.url.appendingPathComponent("\(name).wav"))
    }
    #expect(audio["detected"] == audio["fr"])
    #expect(audio["detected"] != audio["en"])
  }

  /// Each language's abbreviations, ordinals and punctuation, split as a reader would.
  @Test(
    arguments: [
      (
        "fr", "M. Dupont arriva à 15 h. Le Dr. Martin l'attendait. « Enfin ! » dit-il.",
        ["M. Dupont arriva à 15 h.", "Le Dr. Martin l'attendait.", "« Enfin ! » dit-il."]
      ),
      (
        "de", "Am 3. Oktober kam er, z. B. mit dem Zug. „Wohin?“, fragte sie.",
        ["Am 3. Oktober kam er, z. B. mit dem Zug.", "„Wohin?“, fragte sie."]
      ),
      (
        "es", "El Sr. García llegó el 1.º de mayo. ¿Quién vive aquí? Nadie.",
        ["El Sr. García llegó el 1.º de mayo.", "¿Quién vive aquí?", "Nadie."]
      ),
      (
        "it", "Il Sig. Rossi portò pane, vino ecc. alla festa. Poi partì.",
        ["Il Sig. Rossi portò pane, vino ecc. alla festa.", "Poi partì."]
      ),
      (
        "nl", "Dhr. Jansen las blz. 12 voor. Toen ging hij slapen.",
        ["Dhr. Jansen las blz. 12 voor.", "Toen ging hij slapen."]
      ),
      (
        "pl", "W 1999 r. dr Nowak kupił dom, np. nad jeziorem. Był szczęśliwy.",
        ["W 1999 r. dr Nowak kupił dom, np. nad jeziorem.", "Był szczęśliwy."]
      ),
      (
        "ru", "В 1812 г. он жил здесь, т. е. в городе. — Куда? — спросил он.",
        ["В 1812 г. он жил здесь, т. е. в городе.", "— Куда? — спросил он."]
      ),
    ])
  func sentencesFollowTheLanguagesRules(code: String, text: String, expected: [String]) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let result = try Audiobook.run(["sentences", "--language", code], in: scratch.url, stdin: Data(text.utf8))
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(result.stdoutLines == expected)
  }

  /// A French book rendered: the manifest and cue sheet record the language, the chapter files
  /// carry it, and the audio is espeak-ng's French voice.
  @Test func aRenderRecordsTheLanguageAndSpeaksIt() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let result = try Audiobook.run(
      ["render", Fixtures.languageBook("fr"), "-o", scratch.appending("out"), "-q"], in: scratch.url)
    try #require(result.status == 0, "\(result.stderrText)")
    let folder = scratch.appending("out/le-voyage-de-monsieur-dupont")
    let manifest = try ManifestFile.read(folder + "/manifest.json")
    #expect(manifest.language == "fr")
    #expect(manifest.chapters.map(\.title) == ["Chapitre premier", "Chapitre II"])
    #expect(manifest.voice.settings.voice.hasSuffix("fr"), "\(manifest.voice.settings.voice)")
    let cueName = try #require(
      try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasSuffix(".cue") })
    let cue = try String(contentsOfFile: folder + "/" + cueName, encoding: .utf8)
    #expect(cue.contains("REM LANGUAGE fr"), "\(cue)")
    let verify = try Audiobook.run(["verify", folder], in: scratch.url)
    #expect(verify.status == 0, "\(verify.stdoutText)\(verify.stderrText)")
  }

  /// Words of another language in an English book, marked in the Markdown or named in the
  /// lexicon, are read in that language's voice: the manifest's parts and the subtitles say so.
  @Test func foreignWordsAreReadInTheirLanguage() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let story = """
      ---
      title: The Visitor
      ---

      # Chapter 1

      On Tuesday <span lang="fr">Valérie</span> came to the village with her uncle, Jean-Pierre Leblanc.

      Later that night, Jean-Pierre Leblanc asked for a room above the inn.
      """
    let book = try scratch.write(story, to: "visitor.md")
    try scratch.write("Jean-Pierre Leblanc: { language: fr }\n", to: "visitor.lexicon.yaml")
    let result = try Audiobook.run(
      ["render", book, "-o", scratch.appending("out"), "-q", "--subtitles", "vtt"], in: scratch.url)
    try #require(result.status == 0, "\(result.stderrText)")
    let folder = scratch.appending("out/the-visitor")
    let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))
    let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let sentences = (manifest["chapters"] as? [[String: Any]] ?? []).flatMap {
      ($0["paragraphs"] as? [[String: Any]] ?? []).flatMap { $0["sentences"] as? [[String: Any]] ?? [] }
    }
    let parts = sentences.flatMap { $0["parts"] as? [[String: Any]] ?? [] }.map {
      ($0["text"] as? String ?? "", $0["voice"] as? String ?? "")
    }
    #expect(parts.contains { $0 == ("Valérie", "narrator (fr)") }, "\(parts)")
    #expect(parts.filter { $0.0.hasPrefix("Jean-Pierre Leblanc") && $0.1 == "narrator (fr)" }.count == 2, "\(parts)")
    #expect(parts.contains { $0 == ("came to the village with her uncle,", "narrator") }, "\(parts)")
    let vttName = try #require(
      try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasSuffix(".vtt") })
    let vtt = try String(contentsOfFile: folder + "/" + vttName, encoding: .utf8)
    #expect(vtt.contains("<v narrator><lang fr>Valérie</lang></v>"), "\(vtt)")
    let verify = try Audiobook.run(["verify", folder], in: scratch.url)
    #expect(verify.status == 0, "\(verify.stdoutText)\(verify.stderrText)")

    // Unmarked, the same sentence is English throughout and sounds otherwise.
    let plain = try scratch.write(
      story.replacingOccurrences(of: "<span lang=\"fr\">Valérie</span>", with: "Valérie"), to: "plain.md")
    try scratch.write("", to: "plain.lexicon.yaml")
    let again = try Audiobook.run(["render", plain, "-o", scratch.appending("plain"), "-q"], in: scratch.url)
    try #require(again.status == 0, "\(again.stderrText)")
    let marked = try ManifestFile.read(folder + "/manifest.json").chapters[0].paragraphs[0].sentences[0]
    let unmarked = try ManifestFile.read(scratch.appending("plain/the-visitor/manifest.json")).chapters[0]
      .paragraphs[0].sentences[0]
    #expect(marked.text == unmarked.text)
    #expect(marked.frames != unmarked.frames)
  }
}
