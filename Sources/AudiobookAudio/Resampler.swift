internal import CSampleRate
import AudiobookCore

/// Converts a mono stream from one sample rate to another with libsamplerate's best
/// converter (`SRC_SINC_BEST_QUALITY`), block by block.
///
/// The sinc converters add no delay: output sample `k` sits at input time `k / ratio`, so a
/// position in the source maps to `position * ratio` in the output.
final class Resampler {
  let inputRate: Int
  package let outputRate: Int
  private let ratio: Double
  private var state: OpaquePointer?

  /// - Throws: `.failure` with libsamplerate's message (`src_strerror`) for a ratio it refuses.
  init(from inputRate: Int, to outputRate: Int) throws(AudiobookError) {
    self.inputRate = inputRate
    self.outputRate = outputRate
    ratio = Double(outputRate) / Double(inputRate)
    var error: Int32 = 0
    state = src_new(Int32(SRC_SINC_BEST_QUALITY), 1, &error)
    guard state != nil, src_is_valid_ratio(ratio) != 0 else {
      throw AudiobookError(
        .failure, "libsamplerate cannot convert \(inputRate) Hz to \(outputRate) Hz: \(Self.message(error))")
    }
  }

  /// Converts `input`; with `last`, also flushes what the converter holds back.
  ///
  /// - Throws: `.failure` with libsamplerate's message (`src_process`).
  package func process(_ input: [Float], last: Bool) throws(AudiobookError) -> [Float] {
    guard let state else { return [] }
    var output: [Float] = []
    output.reserveCapacity(Int(Double(input.count) * ratio) + 64)
    var used = 0
    var chunk = [Float](repeating: 0, count: Int(Double(max(input.count, 1024)) * ratio) + 256)
    while true {
      var data = SRC_DATA()
      let status = input.withUnsafeBufferPointer { source in
        chunk.withUnsafeMutableBufferPointer { target in
          data.data_in = source.baseAddress.map { UnsafePointer($0 + used) }
          data.input_frames = source.count - used
          data.data_out = target.baseAddress
          data.output_frames = target.count
          data.end_of_input = last ? 1 : 0
          data.src_ratio = ratio
          return src_process(state, &data)
        }
      }
      guard status == 0 else {
        throw AudiobookError(.failure, "resampling to \(outputRate) Hz failed: \(Self.message(status))")
      }
      used += data.input_frames_used
      output += chunk[0..<data.output_frames_gen]
      let inputLeft = used < input.count
      if !inputLeft && (!last || data.output_frames_gen == 0) { break }
    }
    return output
  }

  private static func message(_ code: Int32) -> String {
    src_strerror(code).map { String(cString: $0) } ?? "error \(code)"
  }

  deinit { if let state { src_delete(state) } }
}
