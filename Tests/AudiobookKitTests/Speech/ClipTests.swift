import Testing

@testable import AudiobookCore
@testable import AudiobookSpeech

@Suite struct ClipTests {
  let clip = Clip(pieces: [
    SpokenPiece(samples: [1, -2, 300, -32768, 32767], words: [WordTiming(textOffset: 0, length: 3, startFrame: 0)]),
    SpokenPiece(samples: [], words: []),
  ])

  @Test func encodingRoundTrips() {
    #expect(Clip(encoded: clip.encoded) == clip)
    #expect(clip.frames == 5)
  }

  @Test func truncatedOrPaddedBytesAreRejected() {
    let bytes = clip.encoded
    for length in [0, 3, bytes.count / 2, bytes.count - 1] {
      #expect(Clip(encoded: Array(bytes.prefix(length))) == nil)
    }
    #expect(Clip(encoded: bytes + [0]) == nil)
  }
}
