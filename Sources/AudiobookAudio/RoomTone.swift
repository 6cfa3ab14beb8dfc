import Foundation
import AudiobookCore

/// Room tone: low, steady noise in place of digital zero, as distributors ask for the pauses,
/// head and tail of narration.
///
/// The noise is seeded, so the same chapter always gets the same samples (and the same bytes).
package struct RoomTone {
  /// The level of the noise, dBFS RMS: under the −60 dBFS noise floor distributors allow,
  /// well above 16-bit quantization.
  static let level = -65.0

  private var state: UInt64
  private let scale: Float

  /// - Parameter seed: chapter number or any other value that identifies the file.
  package init(seed: UInt64, level: Double = RoomTone.level) {
    state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    // The sum of two uniform values in [-1, 1) has RMS sqrt(2/3).
    scale = Float(pow(10, level / 20) / (2.0 / 3.0).squareRoot())
  }

  /// The next `count` samples of noise.
  package mutating func next(_ count: Int) -> [Float] {
    var samples = [Float](repeating: 0, count: count)
    for index in 0..<count { samples[index] = (uniform() + uniform()) * scale }
    return samples
  }

  /// A value in [-1, 1) from xorshift64*.
  private mutating func uniform() -> Float {
    state ^= state >> 12
    state ^= state << 25
    state ^= state >> 27
    let value = (state &* 0x2545_F491_4F6C_DD1D) >> 40
    return Float(value) / Float(1 << 23) - 1
  }

}
