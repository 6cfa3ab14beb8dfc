import Foundation
import AudiobookCore
import AudiobookAudio

/// What `check` measures in a published file: format, duration, loudness and peaks
/// (libebur128), RMS, the noise floor, and the room tone at head and tail.
public struct AudioMeasurement: Sendable {
  public var file: String
  public var sampleRate: Int
  public var channels: Int
  public var frames: Int
  /// `wav`, `flac`, `ogg`, `opus`, `mpeg`, ...
  public var container: String
  public var isPCM16: Bool
  /// MP3 only: whether the bit rate is constant, and the bit rate from the file's size, kbps.
  public var isConstantBitRate: Bool?
  public var bitRate: Int?
  public var levels: AudioLevels
  /// RMS of the quietest half second, dBFS.
  public var noiseFloor: Double
  /// Seconds before the first and after the last sound louder than `soundThreshold`.
  public var head: Double
  public var tail: Double

  public var seconds: Double { Double(frames) / Double(max(sampleRate, 1)) }

  /// A 10 ms block louder than this (RMS, dBFS) is sound rather than room tone.
  public static let soundThreshold = -50.0
  /// The window the noise floor is the quietest of, in 10 ms blocks.
  static let noiseWindow = 50

  /// Reads `path` through libsndfile, block by block; only a regular file is opened.
  ///
  /// - Throws: `.badInput` when it is not a regular file (a FIFO, a device, a symbolic link);
  ///   `.missingInput` when libsndfile cannot read it.
  public static func measure(_ path: String) throws(AudiobookError) -> AudioMeasurement {
    let file = try RegularFile(opening: path)
    defer { file.close() }
    return try measure(file)
  }

  /// Reads an open regular file through libsndfile, block by block.
  ///
  /// - Throws: `.missingInput` when libsndfile cannot read it.
  public static func measure(_ file: RegularFile) throws(AudiobookError) -> AudioMeasurement {
    do {
      return try read(file)
    } catch {
      // libsndfile was given the open file's `/proc/self/fd` path: name the file as the user did.
      var error = error
      if error.file == file.path { error.file = file.name }
      throw error
    }
  }

  private static func read(_ file: RegularFile) throws(AudiobookError) -> AudioMeasurement {
    let path = file.path
    let reader = try SoundFileReader(monoPath: path)
    let meter = try LoudnessMeter(sampleRate: reader.sampleRate)
    let block = max(1, reader.sampleRate / 100)
    var blocks: [Double] = []  // mean square of each 10 ms block
    var carry: [Float] = []
    while case let samples = try reader.read(1 << 16), !samples.isEmpty {
      try meter.add(samples)
      carry += samples
      var start = 0
      while carry.count - start >= block {
        var sum = 0.0
        for sample in carry[start..<(start + block)] { sum += Double(sample) * Double(sample) }
        blocks.append(sum / Double(block))
        start += block
      }
      carry.removeFirst(start)
    }
    try reader.close()

    let threshold = pow(10, soundThreshold / 10)  // as a mean square
    let first = blocks.firstIndex { $0 > threshold }
    let last = blocks.lastIndex { $0 > threshold }
    let seconds = Double(reader.frames) / Double(reader.sampleRate)
    let head = first.map { Double($0) / 100 } ?? seconds
    let tail = last.map { max(0, seconds - Double($0 + 1) / 100) } ?? seconds

    var quietest = Double.infinity
    if blocks.count >= noiseWindow {
      var sum = blocks[0..<noiseWindow].reduce(0, +)
      quietest = sum
      for index in noiseWindow..<blocks.count {
        sum += blocks[index] - blocks[index - noiseWindow]
        quietest = min(quietest, sum)
      }
      quietest /= Double(noiseWindow)
    } else if !blocks.isEmpty {
      quietest = blocks.reduce(0, +) / Double(blocks.count)
    }
    let noiseFloor = AudioLevels.rounded(AudioLevels.decibels(max(0, quietest).squareRoot()))

    var bitRate: Int?
    if reader.format.container == .mpeg, seconds > 0 {
      bitRate = Int((Double(file.size) * 8 / seconds / 1000).rounded())
    }
    return AudioMeasurement(
      file: file.name, sampleRate: reader.sampleRate, channels: reader.channels, frames: reader.frames,
      container: reader.container, isPCM16: reader.isPCM16,
      isConstantBitRate: reader.format.container == .mpeg
        ? MP3Frames.isConstantBitRate(path: path) ?? reader.isConstantBitRate : nil,
      bitRate: bitRate, levels: try meter.levels, noiseFloor: noiseFloor, head: head, tail: tail)
  }
}
