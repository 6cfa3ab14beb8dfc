import Testing

@testable import AudiobookCore
@testable import AudiobookAudio

@Suite struct LoudnessMeterTests {
  /// A rate no audio has (8 Hz, found by fuzzing `check`) is an error, not a crash in
  /// libebur128 when the meter that never started is released.
  @Test(arguments: [0, 8, 7_999, 10_000_000])
  func anAbsurdRateIsAnErrorNotACrash(rate: Int) {
    #expect(throws: AudiobookError(.failure, "libebur128 cannot measure audio at \(rate) Hz")) {
      _ = try LoudnessMeter(sampleRate: rate)
    }
  }
}
