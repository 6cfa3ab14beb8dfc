internal import CSampleRate
import AudiobookCore

/// Converts a mono stream from one sample rate to another with libsamplerate's best
/// converter (`SRC_SINC_BEST_QUALITY`), block by block.
///
/// The sinc converters add no delay: output sample `k` sits at input time `k / ratio`, so a
/// position in the source maps to `position * ratio` in the output.
///
/// The resampler owns libsamplerate's state: `close()` frees it, as releasing the resampler does.
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
    guard let state else { throw ResamplerError(.create, code: error, from: inputRate, to: outputRate).audiobookError }
    // The ratio the first `src_process` would take; set now, so libsamplerate checks it.
    let status = src_set_ratio(state, ratio)
    guard status == 0 else {
      throw ResamplerError(.create, code: status, from: inputRate, to: outputRate).audiobookError
    }
  }

  /// Converts `input`; with `last`, also flushes what the converter holds back. Once closed,
  /// gives nothing.
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
        throw ResamplerError(.process, code: status, from: inputRate, to: outputRate).audiobookError
      }
      used += data.input_frames_used
      output += chunk[0..<data.output_frames_gen]
      let inputLeft = used < input.count
      if !inputLeft && (!last || data.output_frames_gen == 0) { break }
    }
    return output
  }

  /// Frees libsamplerate's state (`src_delete`); closing again does nothing.
  func close() {
    if let state { src_delete(state) }
    state = nil
  }

  deinit { close() }
}

/// A libsamplerate failure: its error number and message (`src_strerror`), and the rates;
/// `audiobookError` is the one place it becomes an `AudiobookError` (exit 1).
struct ResamplerError: Error, Equatable, Sendable {
  enum Operation: Sendable, Equatable {
    /// `src_new`, `src_set_ratio`.
    case create
    /// `src_process`.
    case process
  }

  var operation: Operation
  var code: Int32
  var inputRate: Int
  var outputRate: Int

  init(_ operation: Operation, code: Int32, from inputRate: Int, to outputRate: Int) {
    self.operation = operation
    self.code = code
    self.inputRate = inputRate
    self.outputRate = outputRate
  }

  /// libsamplerate's message for `code`.
  var message: String { src_strerror(code).map { String(cString: $0) } ?? "error \(code)" }

  var audiobookError: AudiobookError {
    switch operation {
    case .create:
      AudiobookError(.failure, "libsamplerate cannot convert \(inputRate) Hz to \(outputRate) Hz: \(message)")
    case .process:
      AudiobookError(.failure, "resampling to \(outputRate) Hz failed: \(message)")
    }
  }
}
