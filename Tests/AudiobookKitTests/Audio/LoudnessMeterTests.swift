import Foundation
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

  /// EBU Tech 3341: a 1 kHz sine at -20 dBFS peak reads -23 LUFS (full scale reads -3.01).
  @Test func readsTheEBUReferenceTone() throws {
    let meter = try LoudnessMeter(sampleRate: 48_000)
    try meter.add(TestSupport.sine(1_000, amplitude: 0.1, rate: 48_000, seconds: 10))
    let levels = try meter.levels
    #expect(abs(levels.integratedLoudness - -23.0) < 0.1, "\(levels)")
    #expect(abs(levels.rms - -23.01) < 0.05)
    #expect(abs(levels.peak - -20) < 0.05)
  }

  /// The true peak of a tone sampled off its crests lies between the samples: above the
  /// sample peak when measured, the sample peak itself when not.
  @Test func theTruePeakIsMeasuredOnlyWhenAskedFor() throws {
    // 11,025 Hz at 44.1 kHz: four samples a cycle, each 45° off a crest.
    let tone = (0..<44_100).map { (index: Int) -> Float in
      Float(0.5 * sin(Double.pi / 2 * Double(index) + Double.pi / 4))
    }
    let measured = try LoudnessMeter(sampleRate: 44_100)
    try measured.add(tone)
    let sampled = try LoudnessMeter(sampleRate: 44_100, truePeak: false)
    try sampled.add(tone)
    let samplePeak = AudioLevels.rounded(AudioLevels.decibels(0.5 * 0.5.squareRoot()))
    #expect(try sampled.levels.truePeak == samplePeak)
    #expect(try sampled.levels.peak == samplePeak)
    let levels = try measured.levels
    #expect(levels.truePeak > samplePeak + 2, "\(levels)")
  }

  /// Silence reads as the floor, not minus infinity.
  @Test func silenceReadsAsTheFloor() throws {
    let meter = try LoudnessMeter(sampleRate: 22_050)
    try meter.add([Float](repeating: 0, count: 22_050))
    let levels = try meter.levels
    #expect(levels == AudioLevels(integratedLoudness: -120, truePeak: -120, rms: -120, peak: -120))
  }

  @Test func closingTwiceIsClosingOnce() throws {
    let meter = try LoudnessMeter(sampleRate: 48_000)
    try meter.add(TestSupport.sine(1_000, amplitude: 0.1, rate: 48_000, seconds: 1))
    meter.close()
    meter.close()
    // Once closed, samples are not taken and only the RMS and peak of those before remain.
    try meter.add([1, -1])
    let levels = try meter.levels
    #expect(levels.integratedLoudness == AudioLevels.floor)
    #expect(abs(levels.peak - -20) < 0.05)
  }

  /// libebur128's statuses are checked, and each says what it was asked and what it said.
  @Test func aStatusIsAnErrorThatSaysWhatFailed() throws {
    #expect(throws: Never.self) { try LoudnessMeterError.check(0, doing: "adding samples") }
    for status: Int32 in 1...4 {
      let error = #expect(throws: AudiobookError.self) { try LoudnessMeterError.check(status, doing: "adding samples") }
      #expect(error?.kind == .failure)
      #expect(
        error?.message == "adding samples failed: libebur128 error \(status), \(LoudnessMeterError.message(status))")
    }
    #expect(Set((1...4).map { LoudnessMeterError.message($0) }).count == 4)
  }
}
