import Testing

@testable import AudiobookKit

@Suite struct SilenceTrimmerTests {
  @Test func cutsQuietEdgesAndShiftsWords() {
    let samples: [Int16] = [0, 3, -5, 1000, 0, -900, 12, 0]
    let words = [
      EspeakEngine.WordEvent(textPosition: 1, length: 2, sample: 3), .init(textPosition: 4, length: 1, sample: 5),
    ]
    let piece = SilenceTrimmer.trim(samples: samples, words: words)
    #expect(piece.samples == [1000, 0, -900])
    #expect(
      piece.words == [
        WordTiming(textOffset: 0, length: 2, startFrame: 0), WordTiming(textOffset: 3, length: 1, startFrame: 2),
      ])
  }

  @Test func silenceBecomesAnEmptyPiece() {
    #expect(SilenceTrimmer.trim(samples: [0, 1, -1], words: []).samples.isEmpty)
  }
}
