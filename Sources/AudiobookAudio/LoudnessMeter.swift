internal import CEbur128

import Foundation
import AudiobookCore

/// Measures a mono stream as EBU R128 asks (libebur128): integrated loudness and true peak;
/// and, beside them, the RMS and sample peak of every sample.
///
/// The meter owns libebur128's state: `close()` frees it, as releasing the meter does.
package final class LoudnessMeter {
  /// The rates measured: telephone speech to the highest studio rate.
  static let measurableRates = 8_000...384_000
  private var state: UnsafeMutablePointer<ebur128_state>?
  private let measuresTruePeak: Bool
  private var sumOfSquares = 0.0
  private var count = 0
  private var peak: Float = 0

  /// - Parameter truePeak: whether to measure the true peak (4× oversampled, the costly part);
  ///   without it, `levels.truePeak` is the sample peak.
  /// - Throws: `.failure` when libebur128 cannot measure at `sampleRate` (`ebur128_init`).
  package init(sampleRate: Int, truePeak: Bool = true) throws(AudiobookError) {
    measuresTruePeak = truePeak
    // No real audio is below 8 kHz; libebur128 refuses some absurd rates (found by fuzzing `check`).
    guard Self.measurableRates.contains(sampleRate) else {
      throw LoudnessMeterError.unmeasurableRate(sampleRate).audiobookError
    }
    let mode = EBUR128_MODE_I.rawValue | (truePeak ? EBUR128_MODE_TRUE_PEAK : EBUR128_MODE_SAMPLE_PEAK).rawValue
    state = ebur128_init(1, UInt(sampleRate), Int32(mode))
    guard state != nil else { throw LoudnessMeterError.unmeasurableRate(sampleRate).audiobookError }
  }

  /// Adds samples in [-1, 1] (`ebur128_add_frames_float`); once closed, does nothing.
  ///
  /// - Throws: `.failure` with libebur128's status when it cannot take them.
  package func add(_ samples: [Float]) throws(AudiobookError) {
    guard let state, !samples.isEmpty else { return }
    let status = samples.withUnsafeBufferPointer { ebur128_add_frames_float(state, $0.baseAddress, $0.count) }
    try LoudnessMeterError.check(status, doing: "adding samples")
    var sum = 0.0
    for sample in samples {
      sum += Double(sample) * Double(sample)
      peak = max(peak, abs(sample))
    }
    sumOfSquares += sum
    count += samples.count
  }

  /// What was measured so far (`ebur128_loudness_global`, `ebur128_true_peak`); once
  /// closed, the RMS and peak alone.
  ///
  /// - Throws: `.failure` with libebur128's status when it cannot give them.
  package var levels: AudioLevels {
    get throws(AudiobookError) {
      var loudness = -Double.infinity
      var truePeak = Double(peak)
      if let state {
        try LoudnessMeterError.check(ebur128_loudness_global(state, &loudness), doing: "measuring the loudness")
        if measuresTruePeak {
          try LoudnessMeterError.check(ebur128_true_peak(state, 0, &truePeak), doing: "measuring the true peak")
        }
      }
      let rms = count == 0 ? 0 : (sumOfSquares / Double(count)).squareRoot()
      return AudioLevels(
        integratedLoudness: AudioLevels.rounded(loudness),
        truePeak: AudioLevels.rounded(AudioLevels.decibels(truePeak)),
        rms: AudioLevels.rounded(AudioLevels.decibels(rms)),
        peak: AudioLevels.rounded(AudioLevels.decibels(Double(peak)))
      )
    }
  }

  /// Frees libebur128's state (`ebur128_destroy`); closing again does nothing.
  package func close() {
    // `ebur128_destroy` dereferences the state: a meter that failed to start has none.
    if state != nil { ebur128_destroy(&state) }
    state = nil
  }

  deinit { close() }
}

/// A libebur128 failure, and the one place it becomes an `AudiobookError` (exit 1).
package enum LoudnessMeterError: Error, Equatable, Sendable {
  /// `ebur128_init` gave no state, or the rate is outside `LoudnessMeter.measurableRates`.
  case unmeasurableRate(Int)
  /// A call returned one of libebur128's `EBUR128_ERROR_*` statuses.
  case status(Int32, doing: String)

  /// Throws the failure `status` stands for unless it is `EBUR128_SUCCESS`.
  static func check(_ status: Int32, doing action: String) throws(AudiobookError) {
    guard status != Int32(EBUR128_SUCCESS.rawValue) else { return }
    throw LoudnessMeterError.status(status, doing: action).audiobookError
  }

  /// The status as libebur128's header names it; it has no function that words them.
  package static func message(_ status: Int32) -> String {
    switch status {
    case Int32(EBUR128_ERROR_NOMEM.rawValue): "out of memory"
    case Int32(EBUR128_ERROR_INVALID_MODE.rawValue): "invalid mode"
    case Int32(EBUR128_ERROR_INVALID_CHANNEL_INDEX.rawValue): "invalid channel index"
    case Int32(EBUR128_ERROR_NO_CHANGE.rawValue): "no change"
    default: "unknown status"
    }
  }

  package var audiobookError: AudiobookError {
    switch self {
    case .unmeasurableRate(let rate):
      AudiobookError(.failure, "libebur128 cannot measure audio at \(rate) Hz")
    case .status(let status, let action):
      AudiobookError(.failure, "\(action) failed: libebur128 error \(status), \(Self.message(status))")
    }
  }
}

/// A file's measured levels: integrated loudness (LUFS), true peak (dBTP), RMS and sample peak
/// (dBFS, full scale = 1.0). Silence reads as -120, not minus infinity, so it fits in JSON.
public struct AudioLevels: Codable, Sendable, Equatable {
  public var integratedLoudness: Double
  public var truePeak: Double
  public var rms: Double
  public var peak: Double

  /// The floor reported for silence.
  public static let floor = -120.0

  package static func decibels(_ linear: Double) -> Double { linear > 0 ? 20 * log10(linear) : -.infinity }

  /// Two decimals, at least `floor`: stable in the manifest from one render to the next.
  package static func rounded(_ value: Double) -> Double {
    guard value.isFinite else { return floor }
    return max(floor, (value * 100).rounded() / 100)
  }
}
