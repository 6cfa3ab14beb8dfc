import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookAudio

@Suite struct SoundFileWriterTests {
  @Test func writesAndReadsBack16BitMonoWAV() throws {
    try TestSupport.withScratchFolder { folder in
      let path = folder.appendingPathComponent("t.wav").path
      let writer = try SoundFileWriter(path: path, sampleRate: 22_050)
      try writer.write([1, 2, 3, -4])
      try writer.writeSilence(frames: 5000)
      #expect(writer.frames == 5004)
      try writer.close()
      let reader = try SoundFileReader(path: path)
      #expect(reader.isPCM16WAV)
      #expect(reader.channels == 1)
      #expect(reader.sampleRate == 22_050)
      #expect(try reader.samples().prefix(5) == [1, 2, 3, -4, 0])
    }
  }

  @Test func unwritablePathIsCannotCreate() {
    let error = #expect(throws: AudiobookError.self) {
      try SoundFileWriter(path: "/nonexistent-folder/t.wav", sampleRate: 22_050)
    }
    #expect(error?.kind == .cannotCreate)
  }

  @Test func notAudioIsReported() throws {
    try TestSupport.withScratchFolder { folder in
      let path = try TestSupport.write("not audio at all", to: "x.wav", in: folder)
      let error = #expect(throws: AudiobookError.self) { try SoundFileReader(path: path) }
      #expect(error?.file == path)
    }
  }
}
