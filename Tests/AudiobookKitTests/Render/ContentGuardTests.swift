import Testing

@testable import AudiobookCore
@testable import AudiobookKit

@Suite struct ContentGuardTests {
  let rate = 22_050

  func problem(_ text: String, seconds: Double) -> String? {
    ContentGuard.problem(text: text, frames: Int(seconds * Double(rate)), sampleRate: rate, wordsPerMinute: 165)
  }

  @Test func plausibleSpeechPasses() {
    #expect(problem("The keeper climbed the stairs.", seconds: 1.8) == nil)
    #expect(problem("No.", seconds: 0.3) == nil)
    #expect(problem("It was 1998.", seconds: 1.6) == nil)
    #expect(problem("XKCD.", seconds: 2.2) == nil)
    #expect(problem("…", seconds: 0) == nil)
  }

  @Test func emptyShortAndRunawayAudioFail() {
    #expect(problem("The keeper climbed the stairs.", seconds: 0) == "no audio at all")
    #expect(problem("The keeper climbed all one hundred and seventeen stairs to the lamp room.", seconds: 0.5) != nil)
    #expect(problem("Yes.", seconds: 30) != nil)
  }
}
