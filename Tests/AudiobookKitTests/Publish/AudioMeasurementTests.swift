import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookAudio
@testable import AudiobookPublish

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct AudioMeasurementTests {
  /// A FIFO named like audio is refused at once, not read (which would wait for a writer for ever).
  @Test func aFIFOIsNotAnAudioFile() throws {
    try TestSupport.withScratchFolder { folder in
      let fifo = folder.appendingPathComponent("01 One.wav").path
      #expect(mkfifo(fifo, 0o600) == 0)
      #expect(throws: AudiobookError(.badInput, "is a FIFO, not a plain file", file: fifo)) {
        try AudioMeasurement.measure(fifo)
      }
    }
  }

  /// A WAV is measured through its open descriptor and named as the caller named it.
  @Test func measuresAWAVAndNamesItAsGiven() throws {
    try TestSupport.withScratchFolder { folder in
      let path = folder.appendingPathComponent("tone.wav").path
      let writer = try SoundFileWriter(path: path, sampleRate: 22050)
      try writer.write((0..<22050).map { Int16(8000 * sin(Double($0) * 0.1)) })
      try writer.close()
      let measured = try AudioMeasurement.measure(path)
      #expect(measured.file == path)
      #expect(measured.frames == 22050 && measured.sampleRate == 22050 && measured.channels == 1)
      #expect(measured.levels.rms < 0 && measured.levels.rms > -20)
    }
  }
}
