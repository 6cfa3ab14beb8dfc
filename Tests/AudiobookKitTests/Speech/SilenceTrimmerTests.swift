import Testing

@testable import AudiobookSpeech

@Suite struct SilenceTrimmerTests {
  @Test func cutsQuietEdgesAndShiftsWords() {
    let samples: [Int16] = [0, 3, -5, 1000, 0, -900, 12, 0]
    let words = [
      EspeakEngine.WordEvent(textPosition: 1, length: 2, sample: 3), .init(textPosition: 4, length: 1, sample: 5),
    ]
    let kept = SilenceTrimmer.kept(samples)
    #expect(Array(samples[kept]) == [1000, 0, -900])
    #expect(
      SilenceTrimmer.timings(words, kept: kept) == [
        WordTiming(textOffset: 0, length: 2, startFrame: 0), WordTiming(textOffset: 3, length: 1, startFrame: 2),
      ])
  }

  @Test func keptIsCountedFromTheStartOfAnySlice() {
    let samples: [Int16] = [9_000, 0, 0, 500, -600, 0]
    #expect(SilenceTrimmer.kept(samples[1...]) == 2..<4)
    #expect(samples.withUnsafeBufferPointer { SilenceTrimmer.kept($0) } == 0..<5)
  }

  @Test func silenceBecomesAnEmptyPiece() {
    let kept = SilenceTrimmer.kept([0, 1, -1])
    #expect(kept.isEmpty)
    #expect(SilenceTrimmer.timings([.init(textPosition: 1, length: 1, sample: 0)], kept: kept).isEmpty)
  }
}
