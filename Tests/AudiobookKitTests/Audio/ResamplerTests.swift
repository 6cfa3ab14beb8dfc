import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookAudio

@Suite struct ResamplerTests {
  @Test func keepsLengthTimingAndPitch() throws {
    let resampler = try Resampler(from: 22_050, to: 48_000)
    let input = TestSupport.sine(440, amplitude: 0.5, rate: 22_050, seconds: 2)
    var output: [Float] = []
    for start in stride(from: 0, to: input.count, by: 10_000) {
      let block = Array(input[start..<min(input.count, start + 10_000)])
      output += try resampler.process(block, last: start + 10_000 >= input.count)
    }
    #expect(abs(output.count - 96_000) <= 2)
    // Compare with the same tone generated at 48 kHz, away from the ends.
    let expected = TestSupport.sine(440, amplitude: 0.5, rate: 48_000, seconds: 2)
    let worst = (4_800..<91_200).map { abs(output[$0] - expected[$0]) }.max() ?? 1
    #expect(worst < 0.001, "largest difference \(worst)")
  }

  /// A stream whose length is a whole number of blocks ends with an empty last block.
  @Test func flushesOnAnEmptyLastBlock() throws {
    let resampler = try Resampler(from: 22_050, to: 44_100)
    let input = TestSupport.sine(440, amplitude: 0.5, rate: 22_050, seconds: 1)
    var output = try resampler.process(Array(input[0..<11_025]), last: false)
    output += try resampler.process(Array(input[11_025...]), last: false)
    output += try resampler.process([], last: true)
    #expect(abs(output.count - 44_100) <= 2)
  }

  /// libsamplerate converts at most 256 times up or down: past that, its own message says so.
  @Test(arguments: [(1, 1_000), (48_000, 100), (22_050, 0)])
  func aRatioLibsamplerateRefusesIsAnError(from input: Int, to output: Int) {
    let error = #expect(throws: AudiobookError.self) { try Resampler(from: input, to: output) }
    #expect(error?.kind == .failure)
    let prefix = "libsamplerate cannot convert \(input) Hz to \(output) Hz: "
    #expect(error?.message.hasPrefix(prefix) == true, "\(String(describing: error))")
    let reason = error?.message.dropFirst(prefix.count) ?? ""
    #expect(reason.contains("ratio"), "libsamplerate's message, not 'No error': \(reason)")
  }

  /// `src_process` refuses nothing this code asks; its failure is worded as libsamplerate
  /// words the number (6 is one of its codes, which its header does not name).
  @Test func theMessagesAreLibsamplerates() {
    let refused = ResamplerError(.process, code: 6, from: 22_050, to: 48_000)
    #expect(refused.audiobookError == AudiobookError(.failure, "resampling to 48000 Hz failed: \(refused.message)"))
    #expect(refused.message != ResamplerError(.process, code: 0, from: 22_050, to: 48_000).message)
  }

  @Test func closingTwiceIsClosingOnce() throws {
    let resampler = try Resampler(from: 22_050, to: 44_100)
    #expect(
      try !resampler.process(TestSupport.sine(440, amplitude: 0.5, rate: 22_050, seconds: 0.1), last: false).isEmpty)
    resampler.close()
    resampler.close()
    #expect(try resampler.process([0.5, 0.5], last: true).isEmpty)
  }
}
