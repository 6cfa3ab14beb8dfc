import Testing

@testable import AudiobookText

/// The quoted text of each quotation `Quotations.find` finds in `text`.
private func quoted(_ text: String, openBefore: QuoteMark? = nil) -> [String] {
  let characters = Array(text)
  return Quotations.find(in: text, openBefore: openBefore).quotations.map { String(characters[$0.range]) }
}

@Suite struct QuotationsTests {
  @Test func curlyAndStraightDoubleQuotes() {
    #expect(quoted("“I am quite well,” said Harriet, “thank you.”") == ["“I am quite well,”", "“thank you.”"])
    #expect(quoted("\"Come along,\" said Tom. \"We are late.\"") == ["\"Come along,\"", "\"We are late.\""])
    let found = Quotations.find(in: "“Yes.”")
    #expect(found.quotations == [Quotation(range: 0..<6, mark: .double)])
    #expect(found.openAtEnd == nil)
  }

  @Test func germanAndFrenchDoubleQuotes() {
    #expect(quoted("„Wo ist der Schlüssel?“ fragte Anna.") == ["„Wo ist der Schlüssel?“"])
    #expect(quoted("«Bonjour,» dit-il, «ça va?»") == ["«Bonjour,»", "«ça va?»"])
    #expect(quoted("« Il pleut, » dit Marie. « Encore ! »") == ["« Il pleut, »", "« Encore ! »"])
    #expect(quoted("»Komm her«, rief sie.") == ["»Komm her«"])
    #expect(Quotations.find(in: "«Oui»").quotations.first?.mark == .double)
  }

  @Test func britishSingleQuotes() {
    #expect(quoted("‘I shall walk,’ said Jane. ‘It is fine.’") == ["‘I shall walk,’", "‘It is fine.’"])
    #expect(quoted("'Where is Tom?' asked Harriet.") == ["'Where is Tom?'"])
    #expect(Quotations.find(in: "‘No.’").quotations.first?.mark == .single)
  }

  @Test func apostrophesInsideWordsAreNotQuotes() {
    #expect(
      quoted("‘I don’t think Elizabeth’s hat can’t be found,’ she said.") == [
        "‘I don’t think Elizabeth’s hat can’t be found,’"
      ])
    #expect(quoted("She won't go and can't stay; it's Tom's fault.").isEmpty)
    #expect(quoted("It was five o’clock at the Bennets’ house.").isEmpty)
  }

  @Test func pluralPossessiveAndDroppedGInsideSingleQuotes() {
    #expect(quoted("‘The Bennets’ carriage is late,’ said Jane.") == ["‘The Bennets’ carriage is late,’"])
    #expect(quoted("'I'm goin' home now,' said Tom.") == ["'I'm goin' home now,'"])
    #expect(quoted("‘I’m not goin’.’ Tom sat down.") == ["‘I’m not goin’.’"])
    #expect(quoted("‘I saw the Bennets’ she said.") == ["‘I saw the Bennets’"])
  }

  @Test func elisionsAtWordStartAreNotQuotes() {
    #expect(quoted("’Tis late, and ’twas cold; tell ’em so.").isEmpty)
    #expect(quoted("They played rock ’n’ roll all night.").isEmpty)
    #expect(quoted("They played rock 'n' roll and sang of the '60s.").isEmpty)
    #expect(
      quoted("“’Tis nothing,” said Tom, “tell ’em I’m comin’.”") == ["“’Tis nothing,”", "“tell ’em I’m comin’.”"])
    #expect(quoted("‘’Tis a pity,’ said Harriet.") == ["‘’Tis a pity,’"])
  }

  @Test func capitalisedElisionOpensAQuotationThatCloses() {
    #expect(quoted("'Twas a fine dance,' said Tom.") == ["'Twas a fine dance,'"])
    #expect(quoted("He sang, 'twas ever thus, and left.").isEmpty)
  }

  @Test func nestedQuotationsBelongToTheOuterOne() {
    let single = Quotations.find(in: "‘He said “no” to me,’ she said.").quotations
    #expect(single.count == 1)
    #expect(single.first?.mark == .single)
    #expect(quoted("‘He said “no” to me,’ she said.") == ["‘He said “no” to me,’"])
    #expect(quoted("“She told me, ‘Go home,’ and left.” Jane laughed.") == ["“She told me, ‘Go home,’ and left.”"])
    #expect(quoted("\"She told me, 'Go home,' and left.\"") == ["\"She told me, 'Go home,' and left.\""])
    #expect(quoted("“She read ‘The Old Mill’ twice.”") == ["“She read ‘The Old Mill’ twice.”"])
  }

  @Test func anUnclosedNestedMarkEndsWithItsOuterQuotation() {
    #expect(quoted("“She said ‘wait, and left.” Tom sighed.") == ["“She said ‘wait, and left.”"])
  }

  @Test func aQuotationLeftOpenRunsToTheParagraphEnd() {
    let text = "“I have a long story to tell, and it begins at Netherfield."
    let found = Quotations.find(in: text)
    #expect(found.quotations == [Quotation(range: 0..<text.count, mark: .double, isOpenAtEnd: true)])
    #expect(found.openAtEnd == .double)
  }

  @Test func theNextParagraphContinuesWhenItOpensWithTheSameMark() {
    let next = Quotations.find(in: "“It was raining when I came,” said Jane.", openBefore: .double)
    #expect(next.quotations.first?.continues == true)
    #expect(next.openAtEnd == nil)
    let spaced = Quotations.find(in: "  ‘And then the rain came.’", openBefore: .single)
    #expect(spaced.quotations.first?.continues == true)
    let twas = Quotations.find(in: "‘Twas not my fault,", openBefore: .single)
    #expect(twas.quotations.first?.continues == true)
  }

  @Test func theNextParagraphDoesNotContinueOtherwise() {
    let narration = Quotations.find(in: "Jane stood. “Well?”", openBefore: .double)
    #expect(narration.quotations.map(\.continues) == [false])
    let otherMark = Quotations.find(in: "‘Well?’", openBefore: .double)
    #expect(otherMark.quotations.map(\.continues) == [false])
    let none = Quotations.find(in: "“Well?”")
    #expect(none.quotations.map(\.continues) == [false])
  }

  @Test func straightDoubleQuotesDecideByNeighbours() {
    #expect(quoted("He wrote \"yes\"; she wrote \"no\".") == ["\"yes\"", "\"no\""])
    #expect(quoted("(\"Hush!\") Tom whispered.") == ["\"Hush!\""])
    #expect(quoted("\"Wait!\"—but Tom ran.") == ["\"Wait!\""])
    #expect(quoted("A \" stray mark \" here.") == ["\" stray mark \""])
  }

  @Test func aStrayStraightMarkDoesNotSwallowTheNextParagraph() {
    let first = Quotations.find(in: "Tom said \"hello and went out.")
    #expect(first.openAtEnd == .double)
    let next = Quotations.find(in: "The rain fell all night.", openBefore: first.openAtEnd)
    #expect(next.quotations.isEmpty)
    #expect(next.openAtEnd == nil)
  }

  @Test func aSecondOpeningMarkEndsAQuotationNeverClosed() {
    #expect(quoted("\"I went out, she said. \"It was dark.\"") == ["\"I went out, she said. ", "\"It was dark.\""])
    #expect(quoted("“I went out, she said. “It was dark.”") == ["“I went out, she said. ", "“It was dark.”"])
  }

  @Test func strayClosingMarksAreIgnored() {
    #expect(quoted("The end.” Then Tom left.").isEmpty)
    #expect(quoted("It was the Joneses’ turn.").isEmpty)
  }

  @Test func feetAndInchesAreNotQuotes() {
    #expect(quoted("The door was 6' 8\" high and 3' wide.").isEmpty)
    #expect(quoted("He stood 5'10\" in his boots.").isEmpty)
    #expect(quoted("\"I am 5' 10\" tall,\" said Tom.") == ["\"I am 5' 10\" tall,\""])
    #expect(quoted("\"We need 10\", said Tom, \"not 9.\"") == ["\"We need 10\"", "\"not 9.\""])
  }

  @Test func rangesAreCharacterOffsets() {
    let text = "👨‍👩‍👧 e\u{301} “Hé!” 🎉"
    let found = Quotations.find(in: text).quotations
    #expect(found == [Quotation(range: 4..<9, mark: .double)])
    #expect(String(Array(text)[4..<9]) == "“Hé!”")
  }

  @Test func hostileInputsNeitherCrashNorHang() {
    let inputs = [
      "", " ", "\"", "'", "’", "‘", "“", "”", "«", "»", "„", "\"\"", "''", "“”", "”“", "’’’", "‘‘‘‘", "'n'", "'n",
      "x'", "'x", "5'", "5\"", "e\u{301}\"\u{301}", "\"\u{301}hi\"", "👍🏽\"👍🏽\"", String(repeating: "“‘", count: 5000),
      String(repeating: "\"'", count: 5000), String(repeating: "«»„“", count: 5000), "\u{0}\"\u{0}",
    ]
    for input in inputs {
      for openBefore in [nil, QuoteMark.double, .single] {
        let found = Quotations.find(in: input, openBefore: openBefore)
        let count = Array(input).count
        #expect(found.quotations.allSatisfy { $0.range.lowerBound >= 0 && $0.range.upperBound <= count })
        #expect(
          zip(found.quotations, found.quotations.dropFirst()).allSatisfy { $0.range.upperBound <= $1.range.lowerBound })
      }
    }
  }

  @Test func aMegabyteOfMarksScansInLinearTime() {
    let marks = String(repeating: "\"", count: 1_000_000)
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      let found = Quotations.find(in: marks)
      #expect(found.quotations.count <= 500_000)
      #expect(found.openAtEnd == nil)
    }
    #expect(elapsed < .seconds(20))
    let curly = String(repeating: "“", count: 200_000)
    #expect(Quotations.find(in: curly).quotations.count == 199_999)
  }
}
