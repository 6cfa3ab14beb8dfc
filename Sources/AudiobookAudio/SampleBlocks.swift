import AudiobookCore

/// A source of float samples in [-1, 1), block by block; an empty block at the end.
package protocol SampleBlocks {
  func next() throws(AudiobookError) -> [Float]
}

/// The samples of a file as they are.
package final class FileBlocks: SampleBlocks {
  private let input: SoundFileReader
  private let blockSize: Int

  package init(input: SoundFileReader, blockSize: Int) {
    self.input = input
    self.blockSize = blockSize
  }

  package func next() throws(AudiobookError) -> [Float] { try input.read(blockSize) }
}

/// The samples of a file at another rate (libsamplerate), padded or cut to exactly `frames`:
/// the resampler's last few samples vary, the length must not.
package final class ResampledSource: SampleBlocks {
  private let input: SoundFileReader
  private let resampler: Resampler?
  private let frames: Int
  private let blockSize: Int
  private var given = 0
  private var finished = false

  /// - Throws: `.missingInput` when the file cannot be opened, `.badInput` when it is not
  ///   mono; `.failure` when libsamplerate cannot convert the rates.
  package init(path: String, from sourceRate: Int, to outputRate: Int, frames: Int, blockSize: Int)
    throws(AudiobookError)
  {
    input = try SoundFileReader(monoPath: path)
    resampler = outputRate == sourceRate ? nil : try Resampler(from: sourceRate, to: outputRate)
    self.frames = frames
    self.blockSize = blockSize
  }

  package func next() throws(AudiobookError) -> [Float] {
    while !finished {
      let block = try input.read(blockSize)
      let last = block.count < blockSize
      var output = try resampler?.process(block, last: last) ?? block
      if last {
        finished = true
        try input.close()
        resampler?.close()
        if given + output.count < frames { output += [Float](repeating: 0, count: frames - given - output.count) }
      }
      if given + output.count > frames { output.removeLast(given + output.count - frames) }
      given += output.count
      if !output.isEmpty { return output }
    }
    return []
  }
}
