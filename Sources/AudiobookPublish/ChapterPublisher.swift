import Foundation
import AudiobookCore
import AudiobookAudio

#if canImport(Glibc)
  import Glibc
#endif

/// Publishes an assembled chapter (16-bit PCM at the voice's rate) as the render was asked:
/// resampled with libsamplerate, brought to a level with one gain for the whole chapter and a
/// true-peak limit, given room tone for the audiobook master, then encoded and tagged by
/// libsndfile, and handed to the whole-book file as well.
///
/// Memory stays flat: audio moves in blocks, and a chapter whose level is adjusted is
/// measured from a scratch file of the resampled audio rather than held in memory.
package struct ChapterPublisher {
  package let options: PublishOptions
  package let sourceRate: Int
  package let outputRate: Int

  package init(options: PublishOptions, sourceRate: Int) {
    self.options = options
    self.sourceRate = sourceRate
    outputRate = options.outputRate(source: sourceRate)
  }

  /// What publishing a chapter gave.
  package struct Result {
    package var frames: Int
    package var levels: AudioLevels
    /// The one gain applied to the chapter, dB.
    package var gain: Double
    /// Whether the limiter turned any peak down.
    var limited: Bool
    /// How far the chapter stays below the loudness target, LU, when the peak limit would
    /// let it come no closer without compressing the speech; 0 when it is on target.
    package var shortfall = 0.0
  }

  private static let blockSize = 1 << 16

  /// Frames at the output rate that hold `frames` source frames: scaled, then padded to a
  /// whole number of cue frames' worth of samples (the smallest span that is both a whole
  /// number of samples and of 1/75 s), so chapter starts in a whole-book file fall exactly on
  /// a cue sheet's times at any rate.
  func outputLength(_ frames: Int) -> Int {
    let scaled = (frames * outputRate + sourceRate - 1) / sourceRate
    let unit = outputRate / Self.gcd(outputRate, 75)
    return (scaled + unit - 1) / unit * unit
  }

  /// A source frame's position at the output rate.
  func position(_ frame: Int) -> Int { (frame * outputRate + sourceRate / 2) / sourceRate }

  /// The manifest entry for the published file: same speech, frames at the output rate.
  package func rescaled(_ chapter: Manifest.Chapter) -> Manifest.Chapter {
    guard outputRate != sourceRate else { return chapter }
    var entry = chapter
    func span(_ span: Manifest.Span) -> Manifest.Span {
      // A copy, so that what a span holds besides its frames (a cast's voices) stays.
      var scaled = span
      scaled.startFrame = position(span.startFrame)
      scaled.frames = position(span.startFrame + span.frames) - scaled.startFrame
      scaled.words = span.words?.map { word in
        let from = position(word.startFrame)
        return Manifest.Word(text: word.text, startFrame: from, frames: position(word.startFrame + word.frames) - from)
      }
      scaled.parts = span.parts?.map { part in
        var moved = part
        moved.startFrame = position(part.startFrame)
        moved.frames = position(part.startFrame + part.frames) - moved.startFrame
        return moved
      }
      return scaled
    }
    entry.frames = outputLength(chapter.frames)
    entry.heading = span(chapter.heading)
    entry.paragraphs = chapter.paragraphs.map { paragraph in
      var scaled = paragraph
      scaled.startFrame = position(paragraph.startFrame)
      scaled.frames = position(paragraph.startFrame + paragraph.frames) - scaled.startFrame
      scaled.sentences = paragraph.sentences.map(span)
      return scaled
    }
    return entry
  }

  /// Publishes the chapter in `canonical` to `target` (when the layout has chapter files) and
  /// to `book` (when it has a whole-book file).
  ///
  /// - Parameters:
  ///   - seed: seeds the room tone, so the same chapter gets the same noise.
  /// - Throws: `AudiobookError` naming `target`'s final path.
  package func publish(
    canonical: String, frames sourceFrames: Int, to target: (path: String, reportedPath: String)?, tags: AudioTags,
    seed: UInt64, book: BookAssembly?
  ) throws(AudiobookError) -> Result {
    let result = try publishAudio(
      canonical: canonical, frames: sourceFrames, to: target, tags: tags, seed: seed, book: book)
    if let target {
      try EmbeddedTags.add(
        [], total: 0, tags: tags, to: target.path, format: options.format, reportedPath: target.reportedPath)
    }
    return result
  }

  private func publishAudio(
    canonical: String, frames sourceFrames: Int, to target: (path: String, reportedPath: String)?, tags: AudioTags,
    seed: UInt64, book: BookAssembly?
  ) throws(AudiobookError) -> Result {
    let frames = outputLength(sourceFrames)
    let sinks = { () throws(AudiobookError) in try openSinks(target, tags: tags, frames: frames, book: book) }
    guard options.adjustsLevel else {
      // The chapter at the output rate, as it is.
      let source = try ResampledSource(
        path: canonical, from: sourceRate, to: outputRate, frames: frames, blockSize: Self.blockSize)
      return try copy(source, frames: frames, to: sinks())
    }
    let reported = target?.reportedPath ?? canonical
    return try AtomicOutput.withScratch(beside: "\(canonical).resampled") { resampled throws(AudiobookError) in
      let (gain, ceiling) = try measure(canonical, frames: frames, into: resampled, reportedPath: reported)
      return try AtomicOutput.withScratch(beside: "\(canonical).final") { final throws(AudiobookError) in
        try limit(
          resampled, gain: gain, ceiling: ceiling, seed: seed, frames: frames, through: final, reportedPath: reported,
          to: sinks)
      }
    }
  }

  /// Writes `source` to the sinks as 16-bit samples, measuring what it writes.
  private func copy(_ source: any SampleBlocks, frames: Int, to sinks: Sinks) throws(AudiobookError) -> Result {
    var sinks = sinks
    let meter = try LoudnessMeter(sampleRate: outputRate)
    while case let block = try source.next(), !block.isEmpty {
      let samples = Self.quantized(block)
      try meter.add(samples.map { Float($0) / 32_768 })
      try sinks.write(samples)
    }
    try sinks.close()
    return Result(frames: frames, levels: try meter.levels, gain: 0, limited: false)
  }

  /// Resamples the chapter in `canonical` into `resampled` (32-bit float) and returns the gain
  /// that brings it to the level asked for, and the true-peak ceiling, dBTP.
  private func measure(_ canonical: String, frames: Int, into resampled: String, reportedPath: String)
    throws(AudiobookError) -> (gain: Double, ceiling: Double)
  {
    let writer = try SoundFileWriter(
      path: resampled, sampleRate: outputRate, encoding: .w64Float, reportedPath: reportedPath)
    // Only the loudness and RMS decide the gain; the true peak is measured on the result.
    let meter = try LoudnessMeter(sampleRate: outputRate, truePeak: false)
    let source = try ResampledSource(
      path: canonical, from: sourceRate, to: outputRate, frames: frames, blockSize: Self.blockSize)
    while case let block = try source.next(), !block.isEmpty {
      try meter.add(block)
      try writer.writeFloats(block)
    }
    try writer.close()
    let levels = try meter.levels
    if let loudness = options.loudness {
      return (levels.integratedLoudness > -70 ? loudness - levels.integratedLoudness : 0, options.loudnessCeiling)
    }
    return (levels.rms > AudioLevels.floor ? AudiobookSpec.targetRMS - levels.rms : 0, AudiobookSpec.peakCeiling)
  }

  /// The final samples from `resampled`: gain, limiter, room tone, 16-bit, written to `final`
  /// and, once their level is right, copied to the sinks. A chapter whose true peak still
  /// passes the ceiling (inter-sample peaks the limiter cannot see) is redone lower; one the
  /// limiter left short of the target is redone with more gain, within `makeUpLimit`.
  private func limit(
    _ resampled: String, gain plainGain: Double, ceiling: Double, seed: UInt64, frames: Int, through final: String,
    reportedPath: String, to sinks: () throws(AudiobookError) -> Sinks
  ) throws(AudiobookError) -> Result {
    var gain = plainGain
    var margin = 0.5
    var attempt = 0
    while true {
      attempt += 1
      let writer = try SoundFileWriter(
        path: final, sampleRate: outputRate, encoding: .w64, reportedPath: reportedPath)
      let meter = try LoudnessMeter(sampleRate: outputRate)
      let linear = Float(pow(10, gain / 20))
      let limiter = PeakLimiter(ceiling: Float(pow(10, (ceiling - margin) / 20)), sampleRate: outputRate)
      var roomTone = options.master == .audiobook ? RoomTone(seed: seed) : nil
      // Sources are objects, not closures over local state: Swift 6.3's optimizer miscompiled
      // the closure this once was, and release builds read no samples at all.
      let source = FileBlocks(input: try SoundFileReader(monoPath: resampled), blockSize: Self.blockSize)
      func emit(_ block: [Float]) throws(AudiobookError) {
        guard !block.isEmpty else { return }
        var samples = block
        if let noise = roomTone?.next(samples.count) {
          for index in samples.indices { samples[index] += noise[index] }
        }
        let quantized = Self.quantized(samples)
        try meter.add(quantized.map { Float($0) / 32_768 })
        try writer.write(quantized)
      }
      while case let block = try source.next(), !block.isEmpty {
        try emit(limiter.process(block.map { $0 * linear }))
      }
      try emit(limiter.finish())
      try writer.close()
      let levels = try meter.levels
      // The limiter takes some level off the loudest chapters: make it up with more gain.
      let shortfall = (options.loudness.map { $0 - levels.integratedLoudness } ?? AudiobookSpec.targetRMS - levels.rms)
      let overshoot = levels.truePeak - ceiling
      let madeUp = gain - plainGain
      let canMakeUp = shortfall <= 0.2 || madeUp < PublishOptions.makeUpLimit
      if (overshoot <= 0 && (abs(shortfall) <= 0.2 || !canMakeUp)) || attempt == 4 {
        // Copy the finished samples to the published file and the book.
        var sinks = try sinks()
        let input = try SoundFileReader(monoPath: final)
        while case let block = try input.readShorts(Self.blockSize), !block.isEmpty { try sinks.write(block) }
        try input.close()
        try sinks.close()
        return Result(
          frames: frames, levels: levels, gain: AudioLevels.rounded(gain), limited: limiter.engaged,
          shortfall: shortfall > 0.5 ? AudioLevels.rounded(shortfall) : 0)
      }
      if abs(shortfall) > 0.2 && levels.integratedLoudness > -70 {
        gain += min(shortfall, PublishOptions.makeUpLimit - madeUp)
      }
      if overshoot > 0 { margin += overshoot + 0.1 }
    }
  }

  /// Where final samples go: the chapter file and the whole-book file.
  private struct Sinks {
    var file: SoundFileWriter?
    var book: BookAssembly?

    mutating func write(_ samples: [Int16]) throws(AudiobookError) {
      try file?.write(samples)
      try book?.append(samples)
    }

    mutating func close() throws(AudiobookError) {
      try file?.close()
      file = nil
    }
  }

  private func openSinks(
    _ target: (path: String, reportedPath: String)?, tags: AudioTags, frames: Int, book: BookAssembly?
  ) throws(AudiobookError) -> Sinks {
    var sinks = Sinks(book: book)
    if let target, let encoding = options.format.encoding(sampleRate: outputRate, frames: frames) {
      sinks.file = try SoundFileWriter(
        path: target.path, sampleRate: outputRate, encoding: encoding, tags: tags, reportedPath: target.reportedPath)
    }
    book?.beginChapter()
    return sinks
  }

  /// Samples in [-1, 1] to 16-bit, rounded, clipped at full scale.
  static func quantized(_ samples: [Float]) -> [Int16] {
    samples.map { Int16(clamping: Int(($0 * 32_768).rounded())) }
  }

  static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
