import Testing

@testable import AudiobookText

/// A cast for the scenes below; Elizabeth, Jane, Harriet and Tom take their gender from the voice.
private let testCast = [
  CastName("Elizabeth", gender: .female), CastName("Jane", gender: .female), CastName("Harriet", gender: .female),
  CastName("Tom", gender: .male), CastName("Mr. Darcy"), CastName("Mrs. Bennet"), CastName("Mr. Bennet"),
  CastName("Mr. Knightley"),
]

/// Each quotation's speaker and reason.
private func speakers(
  _ paragraphs: [String], cast: [CastName] = testCast, corrections: [Int: String] = [:]
) -> [Attribution] {
  SpeakerAttribution.attribute(paragraphs: paragraphs, cast: cast, corrections: corrections).map(\.attribution)
}

/// The speaker of the only quotation of one paragraph.
private func speaker(_ paragraph: String, cast: [CastName] = testCast) -> String? {
  speakers([paragraph], cast: cast).first?.speaker
}

/// An attribution, briefly.
private func said(_ speaker: String?, _ reason: Attribution.Reason, _ taggedName: String? = nil) -> Attribution {
  Attribution(speaker: speaker, reason: reason, taggedName: taggedName)
}

@Suite struct SpeakerAttributionTests {
  @Test func tagsAfterTheQuotation() {
    #expect(speakers(["“I am quite rested,” said Elizabeth."]) == [said("Elizabeth", .tag)])
    #expect(speakers(["“What a dreadful hat!” cried Mrs. Bennet."]) == [said("Mrs. Bennet", .tag)])
    #expect(speaker("“Perhaps,” Elizabeth replied.") == "Elizabeth")
    #expect(speaker("“Not at present,” replied Mr. Darcy coldly.") == "Mr. Darcy")
    #expect(speaker("“Go on,” Mr Darcy went on, “if you please.”") == "Mr. Darcy")
    #expect(speaker("“Of course,” Harriet, blushing deeply, answered.") == "Harriet")
    #expect(speaker("“It rains,” says Tom.") == "Tom")
    #expect(speaker("‘It rains,’ Tom asks.") == "Tom")
    #expect(speaker("\"It rains,\" whispered Jane.") == "Jane")
  }

  @Test func tagsBeforeTheQuotation() {
    #expect(speakers(["Elizabeth said, “I shall not dance.”"]) == [said("Elizabeth", .tag)])
    #expect(speaker("Mr. Darcy turned and said: “The room is warm.”") == "Mr. Darcy")
    #expect(speaker("When the music stopped, Harriet whispered, “Is he gone?”") == "Harriet")
    #expect(speaker("Mr. Knightley looked at Harriet and said gravely: “Sit down.”") == "Mr. Knightley")
  }

  @Test func interruptedSpeechKeepsItsSpeaker() {
    #expect(
      speakers(["“Well,” said Jane to Elizabeth, “I think we should go.”"]) == [
        said("Jane", .tag), said("Jane", .tag),
      ])
  }

  @Test func tagsOnlyCountNearTheQuotation() {
    let far = "“Indeed.” The carriage rolled on through the lanes for many miles before Jane said anything."
    #expect(speakers([far]) == [said(nil, .unattributed)])
    let otherSentence = "“Indeed.” The rain had stopped. Jane said nothing."
    #expect(speakers([otherSentence]) == [said(nil, .unattributed)])
    #expect(speakers(["Jane had said much. “Well?”"]) == [said(nil, .unattributed)])
  }

  @Test func pronounTagsTakeTheLastNamedOfThatGender() {
    let paragraphs = [
      "Mr. Darcy bowed to Elizabeth.",
      "“You are very kind,” she said.",
      "“Not at all,” he answered.",
    ]
    #expect(speakers(paragraphs) == [said("Elizabeth", .pronoun), said("Mr. Darcy", .pronoun)])
    #expect(speakers(["Tom found Jane in the garden. “Come in,” he said."]) == [said("Tom", .pronoun)])
  }

  @Test func pronounsAfterTheirSpeakerIsNamedInTheSameParagraph() {
    let paragraph = "“Yes,” said Jane to Tom. “No,” he said, and Elizabeth sighed. “Maybe,” she said."
    #expect(speakers([paragraph]).map(\.speaker) == ["Jane", "Tom", "Elizabeth"])
  }

  @Test func pronounsOfUnknownGender() {
    let cast = [CastName("Mr. Bennet"), CastName("Kitty"), CastName("Jane", gender: .female)]
    #expect(speakers(["Mr. Bennet looked at Kitty. “Hush,” she said."], cast: cast) == [said("Kitty", .pronoun)])
    #expect(speakers(["Kitty looked at Mr. Bennet. “Hush,” he said."], cast: cast) == [said("Mr. Bennet", .pronoun)])
    #expect(speakers(["Kitty looked at Jane. “Hush,” she said."], cast: cast) == [said("Jane", .pronoun)])
    #expect(speakers(["“Hush,” she said."], cast: cast) == [said(nil, .unattributed)])
  }

  @Test func speakersCountAsNamedForPronouns() {
    let paragraphs = ["“Good morning,” said Elizabeth.", "Mr. Darcy said nothing.", "“Good morning,” she repeated."]
    #expect(speakers(paragraphs).last == said("Elizabeth", .pronoun))
  }

  @Test func namesMatchWithTitlesAndPossessives() {
    #expect(speaker("“Enough,” said Darcy.") == "Mr. Darcy")
    #expect(speaker("“Enough,” said Mr Darcy.") == "Mr. Darcy")
    #expect(speakers(["Darcy’s sister left the room. “Gone,” he said."]) == [said("Mr. Darcy", .pronoun)])
    #expect(speaker("“Enough,” said Mrs. Bennet.") == "Mrs. Bennet")
    #expect(speaker("“Enough,” said Mr. Bennet.") == "Mr. Bennet")
    #expect(speakers(["“Enough,” said Bennet."]) == [said(nil, .tag, "Bennet")])
    #expect(speakers(["“Enough,” said Janeway."]) == [said(nil, .tag, "Janeway")])
  }

  @Test func fullNamesAndFirstNames() {
    let cast = [CastName("Elizabeth Bennet", gender: .female), CastName("Fitzwilliam Darcy", gender: .male)]
    #expect(speaker("“Yes,” said Elizabeth.", cast: cast) == "Elizabeth Bennet")
    #expect(speaker("“Yes,” said Elizabeth Bennet.", cast: cast) == "Elizabeth Bennet")
    #expect(speaker("“Yes,” said Mr. Darcy.", cast: cast) == "Fitzwilliam Darcy")
    #expect(speaker("“Yes,” said Miss Bennet.", cast: cast) == "Elizabeth Bennet")
    #expect(speaker("“Yes,” said Mr. Bennet.", cast: cast) == nil)
  }

  @Test func tagsNamingSomebodyNotInTheCast() {
    #expect(speakers(["“Dinner is served,” said Collins."]) == [said(nil, .tag, "Collins")])
    #expect(speakers(["“Dinner is served,” said Mr. Collins."]) == [said(nil, .tag, "Mr. Collins")])
    #expect(speakers(["“Dinner is served,” said the footman."]) == [said(nil, .tag, "the footman")])
    #expect(speakers(["“Dinner is served,” the old footman said."]) == [said(nil, .tag, "the old footman")])
    #expect(speakers(["“Dinner is served,” said the footman gravely."]) == [said(nil, .tag, "the footman")])
    #expect(speakers(["Then Collins said, “Dinner is served.”"]) == [said(nil, .tag, "Collins")])
  }

  @Test func oneSpeakerPerParagraph() {
    let paragraph = "“I walked,” said Jane. “It was muddy. I should not have gone.”"
    #expect(speakers([paragraph]) == [said("Jane", .tag), said("Jane", .paragraph)])
    let before = "“Oh!” Harriet put down her cup. “Oh dear,” she cried."
    #expect(speakers([before]) == [said("Harriet", .paragraph), said("Harriet", .pronoun)])
  }

  @Test func continuedSpeechKeepsItsSpeaker() {
    let paragraphs = [
      "“When I was a girl,” said Mrs. Bennet, “we danced every night of the winter.",
      "“And the officers were very handsome.",
      "“Nobody danced as I did.”",
      "“Mama,” said Jane.",
    ]
    #expect(
      speakers(paragraphs) == [
        said("Mrs. Bennet", .tag), said("Mrs. Bennet", .tag), said("Mrs. Bennet", .continued),
        said("Mrs. Bennet", .continued), said("Jane", .tag),
      ])
  }

  @Test func anOpenQuotationEndsWhenTheNextParagraphIsNarration() {
    let paragraphs = ["“I say,” said Tom, “look at that", "Jane looked. “Where?”"]
    #expect(speakers(paragraphs).last == said(nil, .unattributed))
  }

  @Test func alternationInTwoPersonDialogue() {
    let paragraphs = [
      "“Are you coming to the ball?” asked Elizabeth.",
      "“I had not thought of it,” replied Mr. Darcy.",
      "“You ought to.”",
      "“Why?”",
      "“Because my mother insists.”",
    ]
    #expect(
      speakers(paragraphs) == [
        said("Elizabeth", .tag), said("Mr. Darcy", .tag), said("Elizabeth", .alternation),
        said("Mr. Darcy", .alternation), said("Elizabeth", .alternation),
      ])
  }

  @Test func aContinuedSpeechIsOneTurnOfTheExchange() {
    let paragraphs = [
      "“Will you stay?” asked Harriet.",
      "“I cannot,” said Mr. Knightley. “I have business in town.",
      "“And the roads are bad.”",
      "“Then go.”",
      "“I shall.”",
    ]
    #expect(
      speakers(paragraphs).map(\.reason) == [.tag, .tag, .paragraph, .continued, .alternation, .alternation])
    #expect(speakers(paragraphs).suffix(2).map(\.speaker) == ["Harriet", "Mr. Knightley"])
  }

  @Test func alternationNeedsARunOfTwoKnownSpeakers() {
    let broken = ["“Tea?” asked Jane.", "“Thank you,” said Tom.", "They drank in silence.", "“More?”"]
    #expect(speakers(broken).last == said(nil, .unattributed))
    let same = ["“Tea?” asked Jane.", "“Cake?” asked Jane.", "“Yes.”"]
    #expect(speakers(same).last == said(nil, .unattributed))
    let unknown = ["“Tea?”", "“Thank you,” said Tom.", "“More?”"]
    #expect(speakers(unknown).last == said(nil, .unattributed))
    #expect(speakers(["“Tea?”", "“Please.”"]) == [said(nil, .unattributed), said(nil, .unattributed)])
  }

  @Test func alternationCountsSpeakersNotInTheCast() {
    let paragraphs = ["“Your hat, sir,” said the footman.", "“Thank you,” said Tom.", "“Your gloves?”", "“No.”"]
    #expect(
      speakers(paragraphs) == [
        said(nil, .tag, "the footman"), said("Tom", .tag), said(nil, .alternation, "the footman"),
        said("Tom", .alternation),
      ])
  }

  @Test func correctionsWinAndAlternationFollowsThem() {
    let paragraphs = [
      "“Shall we walk?” said Jane.",
      "“If you like,” said Elizabeth.",
      "“The lane is dry.”",
      "“Then let us go.”",
    ]
    let corrected = speakers(paragraphs, corrections: [1: "Harriet", 3: "Tom"])
    #expect(
      corrected == [
        said("Jane", .tag), said("Harriet", .correction), said("Jane", .alternation), said("Tom", .correction),
      ])
  }

  @Test func correctionsMayNameSomebodyOutsideTheCast() {
    let result = speakers(["“Hello.”", "“Good day,” said Jane."], corrections: [0: "Mr. Collins"])
    #expect(result == [said("Mr. Collins", .correction), said("Jane", .tag)])
  }

  @Test func quotationsAndParagraphIndicesAreReported() {
    let spoken = SpeakerAttribution.attribute(
      paragraphs: ["Narration only.", "Jane said, “Hi.”"], cast: testCast)
    #expect(spoken.count == 1)
    #expect(spoken.first?.paragraph == 1)
    #expect(spoken.first?.quotation == Quotation(range: 11..<16, mark: .double))
  }

  @Test func namesInsideQuotationsAreNotMentions() {
    let paragraphs = ["Tom and Harriet came in.", "“Where is Mr. Knightley?” she asked.", "“Gone,” he said."]
    #expect(speakers(paragraphs) == [said("Harriet", .pronoun), said("Tom", .pronoun)])
  }

  @Test func nestedQuotationsHaveTheOuterSpeaker() {
    let paragraph = "“He told me, ‘Wait here,’ and went off,” said Jane."
    #expect(speakers([paragraph]) == [said("Jane", .tag)])
  }

  @Test func firstPersonTagsAreNotAttributed() {
    #expect(speakers(["“Very well,” I said."]) == [said(nil, .unattributed)])
  }

  @Test func hostileChaptersNeitherCrashNorHang() {
    let megabyte = String(repeating: "\"", count: 1_000_000)
    let chatter = String(repeating: "“Yes,” he said to Mr. Darcy’s Jane. ", count: 20_000)
    let commas = "“Hm.”" + String(repeating: ",", count: 200_000) + " said Tom"
    let paragraphs = [
      "", " ", "\"", "“", "’", "Mr.", "Mr. Mr. Mr. said said said", "said", "“”“”", "said Mr.", "the said",
      megabyte, chatter, commas, String(repeating: "Elizabeth said ", count: 50_000) + "“Fine.”",
      "👩‍👩‍👧 “é\u{301}” said 👩‍👩‍👧.", "“\u{301}Oh,” said\u{301} Jane\u{301}.", "\u{0}“\u{0}”\u{0}",
    ]
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      let spoken = SpeakerAttribution.attribute(paragraphs: paragraphs, cast: testCast, corrections: [999: "Tom"])
      #expect(spoken.allSatisfy { $0.paragraph >= 0 && $0.paragraph < paragraphs.count })
      #expect(spoken.filter { $0.paragraph == 12 }.count == 20_000)
      #expect(spoken.filter { $0.paragraph == 12 }.last?.attribution == said("Mr. Darcy", .pronoun))
    }
    #expect(elapsed < .seconds(60))
    #expect(SpeakerAttribution.attribute(paragraphs: [], cast: []).isEmpty)
    #expect(speakers(["“Hi,” said Jane."], cast: [CastName(""), CastName("  "), CastName("Mr.")]).count == 1)
  }
}
