import Testing

@testable import AudiobookCore
@testable import AudiobookBook

/// Fixtures are written for this project; each test names the narrator behaviour it protects.
struct SentenceSplitterTests {
  let splitter = SentenceSplitter()

  // MARK: Basics

  /// Fiction as novelists write it, each case as one paragraph and its sentences.
  @Test(
    arguments: [
      ("“Hello,” she said. “Goodbye.”", ["“Hello,” she said.", "“Goodbye.”"]),
      ("“Where are you going?” Elizabeth asked.", ["“Where are you going?” Elizabeth asked."]),
      ("It was by J. R. R. Tolkien. It sold well.", ["It was by J. R. R. Tolkien.", "It sold well."]),
      (
        "Mrs. Bennet met Dr. Jones at St. Paul's at 5 p.m. They were late.",
        ["Mrs. Bennet met Dr. Jones at St. Paul's at 5 p.m.", "They were late."]
      ),
      ("He lives in the U.S. He likes it.", ["He lives in the U.S.", "He likes it."]),
      ("At 10:30 a.m. on Jan. 5 it left. It cost $4.50.", ["At 10:30 a.m. on Jan. 5 it left.", "It cost $4.50."]),
      ("“You can't—” “I can.”", ["“You can't—”", "“I can.”"]),
      ("I thought... Well, never mind.", ["I thought...", "Well, never mind."]),
      ("She waited\nby the gate.\nThen she left.", ["She waited\nby the gate.", "Then she left."]),
    ] as [(String, [String])])
  func fictionAsNovelistsWriteIt(paragraph: String, sentences: [String]) {
    #expect(splitter.sentences(in: paragraph) == sentences)
  }

  @Test func emptyAndBlankInputGiveNoSentences() {
    #expect(splitter.sentences(in: "").isEmpty)
    #expect(splitter.sentences(in: "   \n\t ").isEmpty)
  }

  @Test func plainSentencesSplitAtTheirMarks() {
    #expect(
      splitter.sentences(in: "The rain stopped. Was it over? Not yet! The clouds stayed.")
        == ["The rain stopped.", "Was it over?", "Not yet!", "The clouds stayed."])
  }

  @Test func lastSentenceWithoutFinalPunctuationIsKept() {
    #expect(
      splitter.sentences(in: "The ferry was late. Nobody on the pier seemed to mind")
        == ["The ferry was late.", "Nobody on the pier seemed to mind"])
  }

  @Test func sentencesAreTrimmedButOtherwiseUnchanged() {
    #expect(
      splitter.sentences(in: "  Tea first.   Then  the letters.  ")
        == ["Tea first.", "Then  the letters."])
  }

  // MARK: Abbreviations

  @Test func titlesNeverEndASentence() {
    let text =
      "Mr. Hale and Mrs. Hale met Ms. Ivers, Dr. Okafor and Prof. Lund at St. Giles before Sr. Ruiz left."
    #expect(splitter.sentences(in: text) == [text])
  }

  @Test func latinAndCommonAbbreviationsReadOn() {
    let text =
      "Bring a coat, boots, etc. and a hat, e.g. the grey one, i.e. the warm one, vs. the straw one."
    #expect(splitter.sentences(in: text) == [text])
  }

  @Test func companyAndSuffixAbbreviationsInsideASentence() {
    for text in [
      "Harlow Ltd. and Brisk Inc. merged in the spring.",
      "Tom Reyes Jr. was the youngest of them.",
      "The meeting ran from 9 a.m. until 2 p.m. on Friday.",
      "Grain prices in the U.K. fell while the U.S. Senate debated.",
    ] {
      #expect(splitter.sentences(in: text) == [text])
    }
  }

  @Test func abbreviationAtTheEndOfASentence() {
    #expect(
      splitter.sentences(in: "My cousin moved to the U.S. She writes every week.")
        == ["My cousin moved to the U.S.", "She writes every week."])
    #expect(
      splitter.sentences(in: "The train left at 7 p.m. Then the platform emptied.")
        == ["The train left at 7 p.m.", "Then the platform emptied."])
    #expect(
      splitter.sentences(in: "He sold the mill to Carver & Co. It closed a year later.")
        == ["He sold the mill to Carver & Co.", "It closed a year later."])
  }

  /// A time of day often ends a sentence: a.m. and p.m. end one before any capital that does
  /// not go on with the time (a zone, a day, a title and name).
  @Test func timesOfDayAtTheEndOfASentence() {
    #expect(
      splitter.sentences(in: "He arrived at 10 a.m. Everyone cheered.")
        == ["He arrived at 10 a.m.", "Everyone cheered."])
    #expect(
      splitter.sentences(in: "We left at 6 P.M. Margaret stayed.") == ["We left at 6 P.M.", "Margaret stayed."])
    for text in [
      "It starts at 9 a.m. Eastern Time.", "The meeting is at 10 a.m. Monday.", "At 5 a.m. Mr. Smith went out.",
      "Call at 8 p.m. EST tonight.",
    ] {
      #expect(splitter.sentences(in: text) == [text])
    }
  }

  @Test func etceteraBeforeANewSentence() {
    #expect(
      splitter.sentences(in: "We packed bread, cheese, apples, etc. Margaret carried the basket.")
        == ["We packed bread, cheese, apples, etc.", "Margaret carried the basket."])
  }

  @Test func numberingAbbreviationsBeforeNumbers() {
    let text =
      "See No. 14 in Vol. 2, Fig. 7 on p. 31 and pp. 40-44, written on Jan. 9 and Feb. 2 of that year."
    #expect(splitter.sentences(in: text) == [text])
  }

  @Test func possessiveAfterAnAbbreviation() {
    let text = "That was Hal Brooks Jr.'s boat."
    #expect(splitter.sentences(in: text) == [text])
  }

  // MARK: Numbers and initials

  @Test func decimalsAndPricesAreNotBoundaries() {
    let text = "Pi is about 3.14, the ticket cost $5.50 and the town had 1.5 million people."
    #expect(splitter.sentences(in: text) == [text])
  }

  @Test func sentenceEndingInANumber() {
    #expect(
      splitter.sentences(in: "The bill came to $42.75. Rosa paid it.")
        == ["The bill came to $42.75.", "Rosa paid it."])
  }

  @Test func initialsStayWithTheName() {
    for text in [
      "She reread J. R. R. Tolkien every winter.",
      "Her grandfather voted for John F. Kennedy twice.",
      "A letter from T. S. Eliot arrived.",
    ] {
      #expect(splitter.sentences(in: text) == [text])
    }
  }

  @Test func pronounIAtTheEndOfASentence() {
    #expect(
      splitter.sentences(in: "Nobody knew but I. Did you tell Anna J. Cole?")
        == ["Nobody knew but I.", "Did you tell Anna J. Cole?"])
  }

  // MARK: Dialogue

  @Test func dialogueWithCurlyQuotes() {
    #expect(
      splitter.sentences(in: "“Good morning,” he said. “Lovely weather.”")
        == ["“Good morning,” he said.", "“Lovely weather.”"])
  }

  @Test func questionInQuotesFollowedBySpeaker() {
    let text = "“Who left the gate open?” Margaret asked."
    #expect(splitter.sentences(in: text) == [text])
    let titled = "“Must we go?” Mr. Thornton said quietly."
    #expect(splitter.sentences(in: titled) == [titled])
  }

  @Test func exclamationInStraightQuotesFollowedByLowercaseTag() {
    let text = "\"Run!\" she shouted, and they ran."
    #expect(splitter.sentences(in: text) == [text])
  }

  @Test func quotedSentenceFollowedByNarration() {
    #expect(
      splitter.sentences(in: "“I will not.” The door slammed behind her.")
        == ["“I will not.”", "The door slammed behind her."])
    #expect(
      splitter.sentences(in: "“Where now?” The driver shrugged.")
        == ["“Where now?”", "The driver shrugged."])
    #expect(
      splitter.sentences(in: "“Really!” She laughed at that.")
        == ["“Really!”", "She laughed at that."])
    let firstPerson = "“Why not?” I asked."
    #expect(splitter.sentences(in: firstPerson) == [firstPerson])
  }

  @Test func quotedStatementInsideASentence() {
    let text = "He wrote 'the end.' on the last page and went to bed."
    #expect(splitter.sentences(in: text) == [text])
  }

  @Test func interruptedSpeech() {
    #expect(
      splitter.sentences(in: "“If only we had—” “Enough.”") == ["“If only we had—”", "“Enough.”"])
    #expect(
      splitter.sentences(in: "\"Wait, I--\" \"Go.\"") == ["\"Wait, I--\"", "\"Go.\""])
  }

  @Test func interruptedSpeechFollowedByTag() {
    let text = "“But the money—” Harold began."
    #expect(splitter.sentences(in: text) == [text])
  }

  @Test func closingBracketAndQuoteAfterThePeriod() {
    #expect(
      splitter.sentences(in: "(She had already gone.) The room was cold.")
        == ["(She had already gone.)", "The room was cold."])
    #expect(
      splitter.sentences(in: "He only said \"fine.\" Nobody believed him.")
        == ["He only said \"fine.\"", "Nobody believed him."])
  }

  @Test func parentheticalInsideASentence() {
    let text = "The mayor (elected in a storm.) kept her promise."
    #expect(splitter.sentences(in: text) == [text])
  }

  // MARK: Repeated marks and ellipses

  @Test func runsOfQuestionAndExclamationMarks() {
    #expect(
      splitter.sentences(in: "You did what?! Tell me. No!! Never. Really?? Yes.")
        == ["You did what?!", "Tell me.", "No!!", "Never.", "Really??", "Yes."])
  }

  @Test func brandNameWithExclamationMark() {
    let text = "He ordered it from Jolly! before lunch."
    #expect(splitter.sentences(in: text) == [text])
  }

  @Test func ellipsisFollowedByLowercaseContinues() {
    for text in [
      "I thought... well, never mind.",
      "I thought… well, never mind.",
      "It was . . . strange, really.",
    ] {
      #expect(splitter.sentences(in: text) == [text])
    }
  }

  @Test func ellipsisFollowedByCapitalStartsANewSentence() {
    #expect(
      splitter.sentences(in: "She waited... Nobody came.") == ["She waited...", "Nobody came."])
    #expect(
      splitter.sentences(in: "She waited… Nobody came.") == ["She waited…", "Nobody came."])
    #expect(
      splitter.sentences(in: "It ended there.... Morning came.")
        == ["It ended there....", "Morning came."])
  }

  @Test func ellipsisBeforePronounIReadsOn() {
    let text = "The truth is . . . I forgot."
    #expect(splitter.sentences(in: text) == [text])
  }

  @Test func bracketedOmissionIsNotABoundary() {
    let text = "\"The river [...] Then the bridge [...]\" (Hale 12)."
    #expect(splitter.sentences(in: text) == [text])
  }

  @Test func periodThenSpacedEllipsisOpeningTheNextSentence() {
    #expect(
      splitter.sentences(in: "The letters were burned. . . . Only one survived.")
        == ["The letters were burned.", ". . . Only one survived."])
  }

  // MARK: Lists, addresses, layout

  @Test func numberedListMarkers() {
    #expect(
      splitter.sentences(in: "1. Boil water 2. Add the tea 3. Wait five minutes")
        == ["1. Boil water", "2. Add the tea", "3. Wait five minutes"])
    #expect(
      splitter.sentences(in: "1) Knead the dough. 2) Let it rise.")
        == ["1) Knead the dough.", "2) Let it rise."])
  }

  @Test func letteredAndBulletedListMarkers() {
    #expect(
      splitter.sentences(in: "a. North wing b. South wing")
        == ["a. North wing", "b. South wing"])
    #expect(
      splitter.sentences(in: "• 4. Oats • 5. Barley") == ["• 4. Oats", "• 5. Barley"])
  }

  @Test func numberInProseIsNotAListMarker() {
    let text = "She counted to 2. then stopped and counted again."
    #expect(splitter.sentences(in: text) == [text])
  }

  @Test func urlsAndEmailAddressesKeepTheirDots() {
    #expect(
      splitter.sentences(in: "Write to ada.byron@post.example.org. She answers quickly.")
        == ["Write to ada.byron@post.example.org.", "She answers quickly."])
    #expect(
      splitter.sentences(in: "The map is at https://maps.example.net/v2/Old.Town.html. Go look.")
        == ["The map is at https://maps.example.net/v2/Old.Town.html.", "Go look."])
  }

  @Test func hardWrappedLinesKeepTheirNewlines() {
    let text = "The orchard lay\nbeyond the wall. Its gate\nwas locked."
    #expect(
      splitter.sentences(in: text) == [
        "The orchard lay\nbeyond the wall.", "Its gate\nwas locked.",
      ])
  }

  @Test func newlineAfterAbbreviationIsTreatedAsASpace() {
    let text = "They visited Dr.\nMorrow at noon."
    #expect(splitter.sentences(in: text) == [text])
  }

  @Test func missingSpaceBetweenSentences() {
    #expect(
      splitter.sentences(in: "It was late.The lamps were out.")
        == ["It was late.", "The lamps were out."])
  }

  // MARK: Pieces

  @Test func shortSentenceIsOnePiece() {
    #expect(SentenceSplitter.pieces(of: "A short line.", limit: 50) == ["A short line."])
  }

  @Test func piecesPreferClausePunctuation() {
    let sentence = "The wind rose, the shutters banged; and still nobody woke up at all"
    let pieces = SentenceSplitter.pieces(of: sentence, limit: 40)
    #expect(
      pieces == ["The wind rose, the shutters banged;", "and still nobody woke up at all"])
  }

  @Test func piecesFallBackToSpaces() {
    let pieces = SentenceSplitter.pieces(of: "one two three four five six", limit: 10)
    #expect(pieces == ["one two", "three four", "five six"])
  }

  @Test func longSentenceWithoutPunctuationRejoinsToTheOriginalWords() {
    let words = (0..<10_000).map { "word\($0 % 97)" }
    let sentence = words.joined(separator: " ")
    let limit = 727
    let pieces = SentenceSplitter.pieces(of: sentence, limit: limit)
    #expect(pieces.count > 1)
    #expect(pieces.allSatisfy { !$0.isEmpty && $0.count <= limit })
    #expect(pieces.joined(separator: " ") == sentence)
  }

  @Test func wordLongerThanTheLimitIsCutHard() {
    let long = String(repeating: "x", count: 25)
    let pieces = SentenceSplitter.pieces(of: "ab \(long) cd", limit: 10)
    #expect(pieces == ["ab", "xxxxxxxxxx", "xxxxxxxxxx", "xxxxx cd"])
    #expect(pieces.allSatisfy { !$0.isEmpty && $0.count <= 10 })
  }

  @Test func emptySentenceHasNoPieces() {
    #expect(SentenceSplitter.pieces(of: "", limit: 10).isEmpty)
    #expect(SentenceSplitter.pieces(of: "   ", limit: 10).isEmpty)
  }
}
