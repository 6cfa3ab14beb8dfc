import AudiobookCore
import AudiobookSpeech

/// The common audiobook distributor specification: ACX's published numbers, which other
/// distributors and aggregators reuse. (ACX itself takes no synthesized narration.)
public enum AudiobookSpec {
  public static let sampleRate = 44_100
  public static let rms: ClosedRange<Double> = -23 ... -18
  /// Highest peak, dBFS.
  public static let peak = -3.0
  /// Highest noise floor, dBFS RMS; and below `digitalSilence` it is no room tone at all.
  public static let noiseFloor = -60.0
  public static let digitalSilence = -90.0
  /// Room tone at the head and tail, seconds.
  public static let head: ClosedRange<Double> = 0.5...1
  public static let tail: ClosedRange<Double> = 1...5
  /// The longest file, seconds (120 minutes).
  public static let longest = 120.0 * 60
  public static let mp3BitRate = 192

  /// The RMS `--master audiobook` aims at: the middle of the range.
  static let targetRMS = -20.0
  /// The true peak it holds: the limit less half a decibel for what an MP3 encoder adds.
  static let peakCeiling = -3.5

  /// Head and tail pauses brought inside the spec with a margin for the speech's soft
  /// onset and the cue-frame padding: head 600–900 ms, tail 1.5–4.5 s.
  package static func pauses(_ pauses: Pauses) -> Pauses {
    var adjusted = pauses
    adjusted.head = min(max(pauses.head, 600), 900)
    adjusted.tail = min(max(pauses.tail, 1_500), 4_500)
    return adjusted
  }
}

extension AudiobookSpec {
  /// Why a measured file fails the spec, one short phrase per problem; empty when it passes.
  public static func problems(_ file: AudioMeasurement) -> [String] {
    var problems: [String] = []
    func decibels(_ value: Double) -> String { String(format: "%.1f dB", value) }
    func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }
    if file.sampleRate != sampleRate { problems.append("\(file.sampleRate) Hz, not 44100") }
    if file.channels != 1 { problems.append("\(file.channels) channels, not mono") }
    if file.container == "mpeg" {
      if file.isConstantBitRate != true { problems.append("MP3 not constant bit rate") }
      if let rate = file.bitRate, abs(rate - mp3BitRate) > 4 {
        problems.append("MP3 at \(rate) kbps, not \(mp3BitRate)")
      }
    } else if !["wav", "flac"].contains(file.container) {
      problems.append("\(file.container) is not a format distributors take (mp3, wav, flac)")
    } else if !file.isPCM16 {
      problems.append("not 16-bit")
    }
    if file.seconds > longest { problems.append("\(Int(file.seconds / 60)) minutes, over 120") }
    if file.levels.rms < rms.lowerBound { problems.append("RMS \(decibels(file.levels.rms)), too quiet (-23 to -18)") }
    if file.levels.rms > rms.upperBound { problems.append("RMS \(decibels(file.levels.rms)), too loud (-23 to -18)") }
    let loudestPeak = max(file.levels.peak, file.levels.truePeak)
    if loudestPeak > peak { problems.append("peak \(decibels(loudestPeak)), over -3") }
    if file.noiseFloor > noiseFloor { problems.append("noise floor \(decibels(file.noiseFloor)), over -60") }
    if file.noiseFloor < digitalSilence {
      problems.append("digital silence in the pauses, where room tone belongs")
    }
    if file.head < head.lowerBound { problems.append("head room tone \(seconds(file.head)), under 0.5 s") }
    if file.head > head.upperBound { problems.append("head room tone \(seconds(file.head)), over 1 s") }
    if file.tail < tail.lowerBound { problems.append("tail room tone \(seconds(file.tail)), under 1 s") }
    if file.tail > tail.upperBound { problems.append("tail room tone \(seconds(file.tail)), over 5 s") }
    return problems
  }
}
