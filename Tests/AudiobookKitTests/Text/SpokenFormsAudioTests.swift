import Testing

@testable import AudiobookText
@testable import AudiobookSpeech

/// What the listener hears: the spoken forms, synthesized by the real espeak-ng.
@Suite struct SpokenFormsAudioTests {
  /// The longest silence inside `samples`, in milliseconds at 22,050 Hz.
  static func longestPause(_ samples: [Int16]) -> Int {
    var longest = 0
    var run = 0
    for sample in samples {
      if abs(Int(sample)) <= 300 {
        run += 1
      } else {
        longest = max(longest, run)
        run = 0
      }
    }
    return longest * 1000 / 22_050
  }

  func pause(in sentence: String, normalized: Bool = true) throws -> Int {
    let synthesizer = try Synthesizer(settings: EngineSettings(), workerExecutable: TestSupport.workerExecutable)
    defer { synthesizer.close() }
    let pieces = normalized ? SpeechText.pieces(of: sentence) : [sentence]
    return Self.longestPause(try synthesizer.synthesize(pieces).pieces.flatMap(\.samples))
  }

  @Test func noSentencePauseAfterAnAbbreviationInsideASentence() throws {
    let sentence = "He joined the U.S. Army at 5 p.m. Tuesday."
    #expect(try pause(in: sentence, normalized: false) > 250)  // espeak-ng alone stops there
    #expect(try pause(in: sentence) < 150)
  }

  @Test func dashesPauseShortlyAndEllipsesLonger() throws {
    let dash = try pause(in: "She paused—then she left the room.")
    let ellipsis = try pause(in: "She paused... then she left the room.")
    #expect(dash >= 100 && dash < 220)
    #expect(ellipsis > dash + 40)
    #expect(try pause(in: "She paused – then she left the room.") == dash)
  }

  @Test func curlyAndStraightQuotesSoundTheSame() throws {
    let synthesizer = try Synthesizer(settings: EngineSettings(), workerExecutable: TestSupport.workerExecutable)
    defer { synthesizer.close() }
    let curly = SpeechText.pieces(of: "“Don’t,” she said.")
    let straight = SpeechText.pieces(of: "\"Don't,\" she said.")
    #expect(try synthesizer.synthesize(curly) == synthesizer.synthesize(straight))
  }
}
