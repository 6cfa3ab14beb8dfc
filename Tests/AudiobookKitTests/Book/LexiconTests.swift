import Foundation
import Testing
import Yams

@testable import AudiobookCore
@testable import AudiobookBook
@testable import AudiobookText
@testable import AudiobookSpeech

@Suite struct LexiconTests {
  static func lexicon(_ yaml: String, file: String = "names.yaml") throws -> Lexicon {
    try Lexicon.parse(try #require(try Yams.compose(yaml: yaml)), file: file)
  }

  static let names = """
    # How to say the names
    Siobhan: shiv-AWN
    Darcy: "[[d'A@si]]"
    gif: jif
    Reading: redding
    """

  @Test func respellingsReplaceWholeWordsOnly() throws {
    let lexicon = try Self.lexicon(Self.names)
    let (text, replacements) = lexicon.apply(to: "Siobhan met Siobhanna in Siobhan-town.")
    #expect(text == "shiv-AWN met Siobhanna in shiv-AWN-town.")
    #expect(replacements.map(\.written) == ["Siobhan", "Siobhan"])
    #expect(replacements.first?.entry.line == 2)
  }

  @Test func caseAware() throws {
    let lexicon = try Self.lexicon(Self.names)
    // A lower-case key matches any case; a key with capitals its spelling and all capitals.
    #expect(lexicon.apply(to: "A gif, a GIF, a Gif.").text == "A jif, a jif, a jif.")
    #expect(lexicon.apply(to: "Reading, READING and reading.").text == "redding, redding and reading.")
  }

  @Test func possessivesAndPluralsFollowTheBaseWord() throws {
    let lexicon = try Self.lexicon(Self.names)
    #expect(
      lexicon.apply(to: "Siobhan's hat and the Siobhans' hats.").text == "shiv-AWN's hat and the shiv-AWNs' hats.")
    let start = Lexicon.phonemeStart
    let end = Lexicon.phonemeEnd
    #expect(lexicon.apply(to: "Darcy's dog").text == "\(start)d'A@siz\(end) dog")
    #expect(lexicon.apply(to: "the Darcys").text == "the \(start)d'A@siz\(end)")
    #expect(lexicon.apply(to: "Darcy said").text == "\(start)d'A@si\(end) said")
    #expect(Lexicon.pluralPhoneme(after: "k'at") == "s")
    #expect(Lexicon.pluralPhoneme(after: "b'Vs") == "I2z")
  }

  @Test func laterLexiconsWin() throws {
    let voice = try Self.lexicon("Darcy: DAR-see\ngif: gif")
    let book = try Self.lexicon("Darcy: DAR-sy")
    let merged = voice.merging(book)
    #expect(merged.apply(to: "Darcy and gif").text == "DAR-sy and gif")
    #expect(merged.entries.map(\.word) == ["Darcy", "gif"])
  }

  @Test func keysOfSeveralPartsMatchTheWholeRun() throws {
    let lexicon = try Self.lexicon(
      "Jean-Luc: zhahn luke\nJean: zhahn\nO'Brien: oh-BRY-en\nMont Blanc: mon blonh\nSiobhan: shiv-AWN")
    #expect(lexicon.apply(to: "Jean-Luc came.").text == "zhahn luke came.")
    #expect(lexicon.apply(to: "Jean-Luc's hat and JEAN-LUC.").text == "zhahn luke's hat and zhahn luke.")
    #expect(lexicon.apply(to: "Jean and Jean-Paul.").text == "zhahn and zhahn-Paul.")
    #expect(lexicon.apply(to: "O'Brien met O’Brien.").text == "oh-BRY-en met O’Brien.")
    #expect(lexicon.apply(to: "Mont Blanc, not Mont Royal.").text == "mon blonh, not Mont Royal.")
    #expect(lexicon.apply(to: "Siobhan-town").text == "shiv-AWN-town")
    #expect(lexicon.apply(to: "Jean-Luc").replacements.map(\.written) == ["Jean-Luc"])
    // Speech text has straight apostrophes, so a key with a typographic one matches them.
    let curly = try Self.lexicon("O’Brien: oh-BRY-en")
    #expect(SpeechText.spoken("O’Brien came.", lexicon: curly).text == "oh-BRY-en came.")
  }

  /// The lexicon merged in later wins whatever the case of the keys; within one lexicon the key
  /// with capitals wins for its spellings.
  @Test func theLaterLexiconWinsForEveryCase() throws {
    let book = try Self.lexicon("Hermione: book")
    let command = try Self.lexicon("hermione: command")
    let merged = book.merging(command)
    #expect(merged.apply(to: "Hermione, HERMIONE, hermione").text == "command, command, command")
    let reversed = command.merging(book)
    #expect(reversed.apply(to: "Hermione, HERMIONE, hermione").text == "book, book, command")
    let both = try Self.lexicon("Hermione: capital\nhermione: lower")
    #expect(both.apply(to: "Hermione, HERMIONE, hermione").text == "capital, capital, lower")
    // Ranks survive a chain of merges: voice, then the book's, then --lexicon.
    let voice = try Self.lexicon("HERMIONE: voice\nhermione: voice")
    #expect(voice.merging(book.merging(command)).apply(to: "HERMIONE").text == "command")
    #expect(voice.merging(command).merging(book).apply(to: "HERMIONE hermione").text == "book command")
  }

  @Test(
    arguments: [
      ("Darcy: \"[[d'A@si]] and more\"", 1),
      ("Darcy: say <b>this</b>", 1),
      ("Darcy: \"[[ok]]\"\nEmma: \"[[ém]]\"", 2),
      ("\"Jean--Luc\": one", 1),
      ("\"Jean-\": one", 1),
      ("Darcy:\n  - a list", 1),
    ] as [(String, Int)])
  func badEntriesNameTheirLine(yaml: String, line: Int) {
    let error = #expect(throws: AudiobookError.self) { try Self.lexicon(yaml) }
    #expect(error?.kind == .badInput)
    #expect(error?.file == "names.yaml")
    #expect(error?.line == line)
  }

  /// YAML that does not parse names the line where the broken construct starts.
  @Test(arguments: [("Good: fine\nBad: [unclosed\n", 2), ("Good: fine\nOther: ok\nBad: \"open\n", 3)])
  func yamlThatDoesNotParseNamesItsLine(yaml: String, line: Int) throws {
    try TestSupport.withScratchFolder { folder in
      let path = try TestSupport.write(yaml, to: "broken.yaml", in: folder)
      let error = #expect(throws: AudiobookError.self) { try Lexicon.load(path) }
      #expect(error?.kind == .badInput)
      #expect(error?.file == path)
      #expect(error?.line == line)
    }
  }

  @Test func aVoicePresetCarriesALexicon() throws {
    let preset = try VoicePreset(
      yaml: "voice: en-gb\nlexicon:\n  Siobhan: shiv-AWN\n", name: "irish", file: "irish.yaml", source: .builtIn)
    #expect(preset.lexicon.apply(to: "Siobhan").text == "shiv-AWN")
  }

  @Test func theBookFindsItsLexicons() throws {
    try TestSupport.withScratchFolder { folder in
      let book = try TestSupport.write(
        "---\nlexicon: extra.yaml\n---\n# One\n\nSiobhan, Darcy and Emma.\n", to: "orchard.md", in: folder)
      try TestSupport.write("Siobhan: shiv-AWN\nDarcy: DAR-see\n", to: "orchard.lexicon.yaml", in: folder)
      try TestSupport.write("Darcy: DAR-sy\nEmma: EM-ah\n", to: "extra.yaml", in: folder)
      let command = try TestSupport.write("Emma: EMMA\n", to: "command.yaml", in: folder)
      let read = try BookReader.read(book, lexicon: command)
      // Beside the manuscript, then the front matter's, then --lexicon: the later wins.
      #expect(read.lexicon.apply(to: "Siobhan, Darcy and Emma.").text == "shiv-AWN, DAR-sy and EMMA.")
      let missing = #expect(throws: AudiobookError.self) {
        try BookReader.read(book, lexicon: folder.appendingPathComponent("none.yaml").path)
      }
      #expect(missing?.kind == .missingInput)
    }
  }

  /// Phoneme brackets in a book are text; only a lexicon entry makes espeak-ng read phonemes.
  @Test func onlyALexiconEntryReachesEspeakAsPhonemes() throws {
    let synthesizer = try Synthesizer(settings: EngineSettings(), workerExecutable: TestSupport.workerExecutable)
    defer { synthesizer.close() }
    let lexicon = try Self.lexicon("Darcy: \"[[d'A@si]]\"\nhullo: \"[[h@l'oU]]\"")
    func frames(_ sentence: String) throws -> Int {
      try synthesizer.synthesize(SpeechText.pieces(of: sentence, lexicon: lexicon)).frames
    }
    let asPhonemes = try frames("Darcy said hullo.")
    let asText = try frames("Darcy said [[h@l'oU]].")
    #expect(try frames("Darcy said hullo.") == asPhonemes)
    #expect(asText > asPhonemes + 22_050 / 4)  // the brackets' letters are read out
    // The book's own brackets stay text even in a piece that carries a lexicon's phonemes.
    let noEntry = try synthesizer.synthesize(["Darcy said [[h@l'oU]]."]).frames
    #expect(abs(asText - noEntry) < 22_050 / 2)
    // An entry inside the book's own brackets is still spoken ("[[[" would silence it).
    let bracketed = try frames("The [hullo] cat sat.")
    let empty = try frames("The [] cat sat.")
    #expect(bracketed > empty + 22_050 / 5, "\(bracketed) vs \(empty)")
  }

  @Test func bracketsBesideAnEntryAreKeptApartFromItsPhonemes() {
    let input = EspeakEngine.PhonemeInput("[\(Lexicon.phonemeStart)h@l'oU\(Lexicon.phonemeEnd)]")
    #expect(input.text == "[ [[h@l'oU]] ]")
    #expect(input.originalPosition(3) == 2)
  }
  /// `{ language: fr }`: the words stay as written, to be read in that language's voice.
  @Test func entriesWithALanguageKeepTheWords() throws {
    let lexicon = try Self.lexicon("Jean-Pierre Leblanc: { language: fr }\nValérie: { language: fr-CA }\n")
    #expect(lexicon.apply(to: "Then Jean-Pierre Leblanc left.").text == "Then Jean-Pierre Leblanc left.")
    #expect(
      lexicon.foreignPhrases.map(\.text).sorted() == ["Jean-Pierre Leblanc", "Valérie"]
        && lexicon.foreignPhrases.map(\.language).sorted() == ["fr", "fr-CA"])
    for bad in ["Valérie: { language: 'not a tag' }", "Valérie: { voice: fr }", "Valérie: { language: fr, x: 1 }"] {
      #expect(throws: AudiobookError.self) { try Self.lexicon(bad) }
    }
  }
}

@Suite struct SpelledWordsTests {
  @Test func findsWhatEspeakSpellsOut() throws {
    let words = ["FBI", "NASA", "Zbigniew", "Brown", "Hmm", "Tsk", "Pfft", "Elizabeth"]
    let spelled = try SpelledWords.find(
      in: words, settings: EngineSettings(), workerExecutable: TestSupport.workerExecutable)
    #expect(spelled == ["FBI", "Zbigniew", "Pfft"])
    #expect(SpelledWords.isCandidate("FBI"))
    #expect(SpelledWords.isCandidate("Zbigniew"))
    #expect(!SpelledWords.isCandidate("Elizabeth"))
  }

}
