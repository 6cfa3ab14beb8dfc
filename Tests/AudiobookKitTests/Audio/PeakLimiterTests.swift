import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookAudio

@Suite struct PeakLimiterTests {
  @Test func holdsTheCeilingAndLeavesQuietAudioAlone() {
    let limiter = PeakLimiter(ceiling: 0.5, sampleRate: 44_100)
    var input = TestSupport.sine(200, amplitude: 0.3, rate: 44_100, seconds: 1)
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

  /// The gain falls before a peak arrives (look-ahead) and recovers after it, within 10 ms.
  @Test func theGainMovesAroundThePeakOnly() {
    let rate = 8_000
    let limiter = PeakLimiter(ceiling: 0.25, sampleRate: rate)
    var input = [Float](repeating: 0.2, count: rate)
    input[4_000] = 1
    let output = limiter.process(input) + limiter.finish()
    let reach = rate / 200
    let touched = output.indices.filter { output[$0] != input[$0] }
    #expect(output[4_000] <= 0.25 + 1e-6)
    #expect(touched.first ?? 0 >= 4_000 - 2 * reach)
    #expect(touched.last ?? .max <= 4_000 + 2 * reach)
    // The gain is already down the sample before the peak.
    #expect(output[3_999] < input[3_999])
  }

  /// How the input is cut into blocks changes no sample beyond rounding.
  @Test func blocksDoNotMatter() {
    // Loud throughout, then 20 ms of silence: the limiter needs 10 ms after the last loud
    // sample to hold it (in the last 5 ms of a stream its smoothing runs short, and peaks pass).
    var input = TestSupport.sine(300, amplitude: 0.9, rate: 16_000, seconds: 0.5) + [Float](repeating: 0, count: 320)
    input[3_000] = -1
    func limited(blockSize: Int) -> [Float] {
      let limiter = PeakLimiter(ceiling: 0.7, sampleRate: 16_000)
      var output: [Float] = []
      for start in stride(from: 0, to: input.count, by: blockSize) {
        output += limiter.process(Array(input[start..<min(input.count, start + blockSize)]))
      }
      return output + limiter.finish()
    }
    let whole = limited(blockSize: input.count)
    for blockSize in [1, 777] {
      let cut = limited(blockSize: blockSize)
      #expect(cut.count == whole.count)
      #expect(zip(cut, whole).map { abs($0 - $1) }.max() ?? 1 < 1e-6, "blocks of \(blockSize)")
    }
    #expect(whole.map(abs).max() ?? 1 <= 0.7 + 1e-6)
  }

  @Test func quietAudioIsNotEngaged() {
    let limiter = PeakLimiter(ceiling: 0.5, sampleRate: 22_050)
    let input = TestSupport.sine(440, amplitude: 0.4, rate: 22_050, seconds: 0.2)
    #expect(limiter.process(input) + limiter.finish() == input)
    #expect(!limiter.engaged)
  }

  @Test func slidingMinimumIsTheLeastWithinTheRadius() {
    let values: [Float] = [5, 3, 8, 1, 9, 9, 9, 2, 7]
    let expected = values.indices.map { index in
      values[max(0, index - 2)...min(values.count - 1, index + 2)].min() ?? 0
    }
    #expect(PeakLimiter.slidingMinimum(values, radius: 2) == expected)
    #expect(PeakLimiter.slidingMinimum(values, radius: 0) == values)
  }
}
