internal import CEbur128

import Foundation
import AudiobookCore

/// Measures a mono stream as EBU R128 asks (libebur128): integrated loudness and true peak;
/// and, beside them, the RMS and sample peak of every sample.
package final class LoudnessMeter {
  /// The rates measured: telephone speech to the highest studio rate.
  static let measurableRates = 8_000...384_000
  private var state: UnsafeMutablePointer<ebur128_state>?
  private var sumOfSquares = 0.0
  private var count = 0
  private var peak: Float = 0

  /// - Parameter truePeak: whether to measure the true peak (4× oversampled, the costly part);
  ///   without it, `levels.truePeak` is the sample peak.
  /// - Throws: `.failure` when libebur128 cannot measure at `sampleRate` (`ebur128_init`).
  package init(sampleRate: Int, truePeak: Bool = true) throws(AudiobookError) {
    // No real audio is below 8 kHz; libebur128 refuses some absurd rates (found by fuzzing `check`).
    guard Self.measurableRates.contains(sampleRate) else {
      throw AudiobookError(.failure, "libebur128 cannot measure audio at \(sampleRate) Hz")
    }
    let mode = EBUR128_MODE_I.rawValue | (truePeak ? EBUR128_MODE_TRUE_PEAK : EBUR128_MODE_SAMPLE_PEAK).rawValue
    state = ebur128_init(1, UInt(sampleRate), Int32(mode))
    guard state != nil else {
      throw AudiobookError(.failure, "libebur128 cannot measure audio at \(sampleRate) Hz")
    }
  }

  /// Adds samples in [-1, 1] (`ebur128_add_frames_float`).
  package func add(_ samples: [Float]) {
    guard let state, !samples.isEmpty else { return }
    _ = samples.withUnsafeBufferPointer { ebur128_add_frames_float(state, $0.baseAddress, $0.count) }
    var sum = 0.0
    for sample in samples {
      sum += Double(sample) * Double(sample)
      peak = max(peak, abs(sample))
    }
    sumOfSquares += sum
    count += samples.count
  }

  /// What was measured so far (`ebur128_loudness_global`, `ebur128_true_peak`).
  package var levels: AudioLevels {
    var loudness = -Double.infinity
    var truePeak = 0.0
    if let state {
      _ = ebur128_loudness_global(state, &loudness)
      if ebur128_true_peak(state, 0, &truePeak) != 0 { truePeak = Double(peak) }
    }
    let rms = count == 0 ? 0 : (sumOfSquares / Double(count)).squareRoot()
    return AudioLevels(
      integratedLoudness: AudioLevels.rounded(loudness), truePeak: AudioLevels.rounded(AudioLevels.decibels(truePeak)),
      rms: AudioLevels.rounded(AudioLevels.decibels(rms)), peak: AudioLevels.rounded(AudioLevels.decibels(Double(peak)))
    )
  }

  // `ebur128_destroy` dereferences the state: a meter that failed to start has none.
  deinit { if state != nil { ebur128_destroy(&state) } }
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
