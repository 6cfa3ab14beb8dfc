import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookAudio

/// The pieces the publishing step is made of: libsamplerate, libebur128, the limiter, room tone.
@Suite struct LevelProcessingTests {
  static func sine(_ frequency: Double, amplitude: Double, rate: Int, seconds: Double) -> [Float] {
    (0..<Int(Double(rate) * seconds)).map {
      Float(amplitude * sin(2 * Double.pi * frequency * Double($0) / Double(rate)))
    }
  }

  /// EBU Tech 3341: a 1 kHz sine at -20 dBFS peak reads -23 LUFS (full scale reads -3.01).
  @Test func loudnessMeterReadsTheEBUReferenceTone() throws {
    let meter = try LoudnessMeter(sampleRate: 48_000)
    meter.add(Self.sine(1_000, amplitude: 0.1, rate: 48_000, seconds: 10))
    let levels = meter.levels
    #expect(abs(levels.integratedLoudness - -23.0) < 0.1, "\(levels)")
    #expect(abs(levels.rms - -23.01) < 0.05)
    #expect(abs(levels.peak - -20) < 0.05)
  }

  @Test func resamplerKeepsLengthTimingAndPitch() throws {
    let resampler = try Resampler(from: 22_050, to: 48_000)
    let input = Self.sine(440, amplitude: 0.5, rate: 22_050, seconds: 2)
    var output: [Float] = []
    for start in stride(from: 0, to: input.count, by: 10_000) {
      let block = Array(input[start..<min(input.count, start + 10_000)])
      output += try resampler.process(block, last: start + 10_000 >= input.count)
    }
    #expect(abs(output.count - 96_000) <= 2)
    // Compare with the same tone generated at 48 kHz, away from the ends.
    let expected = Self.sine(440, amplitude: 0.5, rate: 48_000, seconds: 2)
    let worst = (4_800..<91_200).map { abs(output[$0] - expected[$0]) }.max() ?? 1
    #expect(worst < 0.001, "largest difference \(worst)")
  }

  /// A stream whose length is a whole number of blocks ends with an empty last block.
  @Test func resamplerFlushesOnAnEmptyLastBlock() throws {
    let resampler = try Resampler(from: 22_050, to: 44_100)
    let input = Self.sine(440, amplitude: 0.5, rate: 22_050, seconds: 1)
    var output = try resampler.process(Array(input[0..<11_025]), last: false)
    output += try resampler.process(Array(input[11_025...]), last: false)
    output += try resampler.process([], last: true)
    #expect(abs(output.count - 44_100) <= 2)
  }

  @Test func limiterHoldsTheCeilingAndLeavesQuietAudioAlone() {
    let limiter = PeakLimiter(ceiling: 0.5, sampleRate: 44_100)
    var input = Self.sine(200, amplitude: 0.3, rate: 44_100, seconds: 1)
    for index in 20_000..<20_441 { input[index] = 0.95 * (index % 2 == 0 ? 1 : -1) }
    var output: [Float] = []
    for start in stride(from: 0, to: input.count, by: 4_096) {
      output += limiter.process(Array(input[start..<min(input.count, start + 4_096)]))
    }
    output += limiter.finish()
    #expect(output.count == input.count)
    #expect(output.map(abs).max() ?? 1 <= 0.5 + 1e-6)
    #expect(limiter.engaged)
    // Far from the burst, every sample is untouched.
    #expect(output[0..<19_000] == input[0..<19_000])
    #expect(output[22_000...] == input[22_000...])
  }

  @Test func roomToneIsSeededAndQuiet() throws {
    var a = RoomTone(seed: 3)
    var b = RoomTone(seed: 3)
    var c = RoomTone(seed: 4)
    let samples = a.next(44_100)
    #expect(samples == b.next(44_100))
    #expect(samples != c.next(44_100))
    let meter = try LoudnessMeter(sampleRate: 44_100)
    meter.add(samples)
    #expect(abs(meter.levels.rms - RoomTone.level) < 0.5, "\(meter.levels)")
  }
}
