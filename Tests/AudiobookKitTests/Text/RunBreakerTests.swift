import Testing

@testable import AudiobookCore
@testable import AudiobookBook
@testable import AudiobookText

@Suite struct RunBreakerTests {
  /// The runs of `text` between spaces.
  func runs(_ text: String) -> [Substring] { text.split(whereSeparator: \.isWhitespace) }

  @Test func ordinaryProseIsLeftAlone() {
    let prose = "Mr. Darcy met J. R. R. Tolkien in the U.S.A. at 5 p.m., i.e. late; see example.com/about."
    #expect(RunBreaker.broken(prose) == prose)
    #expect(RunBreaker.notice(prose) == nil)
    let word = String(repeating: "x", count: RunBreaker.longestRun)
    #expect(RunBreaker.broken("A \(word) b.") == "A \(word) b.")
  }

  @Test func aLongAddressIsCutAfterSlashes() {
    let address = "https://example.com/" + (0..<60).map { "segment\($0)" }.joined(separator: "/")
    let broken = RunBreaker.broken("See \(address) now.")
    #expect(broken.filter { !$0.isWhitespace } == "See\(address)now.")
    let pieces = runs(broken).dropFirst().dropLast()
    #expect(pieces.count > 1)
    #expect(pieces.allSatisfy { $0.count <= RunBreaker.longestRun })
    #expect(pieces.dropLast().allSatisfy { $0.hasSuffix("/") })
  }

  @Test func aRunWithoutMarksIsCutHard() {
    let run = String(repeating: "x", count: 250)
    #expect(runs(RunBreaker.broken(run)).map(\.count) == [100, 100, 50])
  }

  @Test func aChainOfSuffixesIsCutShortOfWhatAbortsEspeak() {
    // 68 `'s` in one word abort espeak-ng 1.51.
    let broken = RunBreaker.broken(String(repeating: "s'", count: 5000))
    #expect(runs(broken).allSatisfy { $0.count <= RunBreaker.longestRun })
    #expect(broken.filter { !$0.isWhitespace } == String(repeating: "s'", count: 5000))
  }

  @Test(arguments: ["a.", "a . ", "𝐀.", "a.a., ", "é. "])
  func aChainOfLettersWithStopsLosesEveryTenthStop(unit: String) {
    let text = String(repeating: unit, count: 100)
    let broken = RunBreaker.broken(text)
    let letters = text.filter(\.isLetter).count
    #expect(broken.filter { $0 == "." }.count == text.filter { $0 == "." }.count - letters / 10)
    #expect(broken.filter(\.isLetter) == text.filter(\.isLetter))
    // Broken once, nothing is left to break.
    #expect(RunBreaker.notice(broken) == nil)
    #expect(RunBreaker.broken(broken) == broken)
  }

  @Test func lettersInsideWordsAreNoChain() {
    let text = String(repeating: "ab.cd. ", count: 40)
    #expect(RunBreaker.broken(text) == text)
  }

  @Test func lexiconPhonemesAreNeverCut() {
    let phonemes = "\(Lexicon.phonemeStart)\(String(repeating: "a", count: 80))\(Lexicon.phonemeEnd)"
    let run = String(repeating: "x", count: 60) + phonemes + String(repeating: "y", count: 60)
    let broken = RunBreaker.broken(run)
    #expect(broken.contains(phonemes))
    #expect(broken.filter { !$0.isWhitespace } == run)
  }

  @Test func theNoticeNamesTheRunAndTheLimit() {
    let notice = RunBreaker.notice("Go to https://example.com/\(String(repeating: "a/", count: 300)) now.")
    #expect(
      notice
        == "a run of 620 characters without a space ('https://example.com/...') is read in pieces of at most 100 characters"
    )
    let chain = RunBreaker.notice(String(repeating: "s.", count: 40))
    #expect(
      chain == "a run of 40 letters with stops ('s.s.s.s.s.s.s.s.s.s....') is read in groups of at most 10 letters")
  }

  @Test func theNoticeShowsNoControlCharacters() {
    let notice = RunBreaker.notice("\u{1B}[31m" + String(repeating: "x", count: 200))
    #expect(notice?.contains("\u{1B}") == false)
  }

  @Test func markupNoticeCarriesTheRunNotice() {
    let notice = MarkupNotice.check("Say [[h@'loU]] to " + String(repeating: "x", count: 150))
    #expect(notice?.contains("[[h@'loU]]") == true)
    #expect(notice?.contains("a run of 150 characters") == true)
    #expect(notice?.contains("\n") == false)
  }

  @Test func speechPiecesHoldNoRunTooLongForAWord() {
    let pieces = SpeechText.pieces(of: "Look: " + String(repeating: "x", count: 5000))
    #expect(pieces.allSatisfy { $0.count <= SpeechText.pieceLimit })
    #expect(pieces.flatMap { runs($0) }.allSatisfy { $0.count <= RunBreaker.longestRun })
  }
}
