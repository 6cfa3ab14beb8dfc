import Foundation

/// How far a render has come, from its events, measured in text: the share of the text done,
/// and a time left estimated from the text still to synthesize at the speed seen so far, so
/// it holds steady from the first seconds whatever the paragraphs' lengths.
public struct RenderProgress {
  /// Characters of the chapters to write, and of the part of them to synthesize.
  public private(set) var characters = 0
  public private(set) var charactersToSynthesize = 0
  /// Characters done, and of those, synthesized.
  public private(set) var done = 0
  public private(set) var synthesized = 0
  /// Frames of audio done, at the voice's rate.
  public private(set) var frames = 0

  /// Cached text costs little next to synthesis; this much of a synthesized character's time.
  public static let cachedWeight = 0.02

  public init() {}

  public mutating func add(_ event: RenderEvent) {
    switch event {
    case .started(_, _, _, _, let characters, let toSynthesize):
      self.characters = characters
      charactersToSynthesize = toSynthesize
    case .paragraph(_, _, let cached, let frames, let characters):
      done += characters
      if !cached { synthesized += characters }
      self.frames += frames
    case .chapter(_, _, let frames, let written):
      if !written { self.frames += frames }
    case .damagedCacheEntry, .finished: break
    }
  }

  /// The share of the text done, 0 to 1.
  public var share: Double { characters > 0 ? min(1, Double(done) / Double(characters)) : 1 }

  /// The share of the work done, 0 to 1: synthesized text, and cached text at `cachedWeight`.
  public var work: Double {
    let cached = Double(characters - charactersToSynthesize)
    let total = Double(charactersToSynthesize) + cached * Self.cachedWeight
    guard total > 0 else { return 1 }
    return min(1, (Double(synthesized) + Double(done - synthesized) * Self.cachedWeight) / total)
  }

  /// Seconds left at the speed seen over `elapsed` seconds; nil before there is anything to go on.
  public func secondsLeft(elapsed: Double) -> Double? {
    let work = work
    guard work > 0, elapsed > 0.5 else { return nil }
    return elapsed * (1 - work) / work
  }

  /// `[########------------]  40%  4.71 h of audio  840× real time  ETA 0:00:14`.
  public func line(elapsed: Double, sampleRate: Double) -> String {
    let width = 20
    let filled = Int((share * Double(width)).rounded(.down))
    let bar = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
    let audio = Double(frames) / sampleRate
    let speed = Int(audio / max(elapsed, 0.001))
    let eta = secondsLeft(elapsed: elapsed).map { Renderer.formatDuration(seconds: $0) } ?? "-:--:--"
    return "\(bar) \(String(format: "%3d", Int(share * 100)))%  \(String(format: "%.2f", audio / 3600)) h of audio  "
      + "\(speed)× real time  ETA \(eta)"
  }
}
