import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookBook
@testable import AudiobookSpeech
@testable import AudiobookAudio
@testable import AudiobookPublish
@testable import AudiobookKit

/// `say`'s audio past what a plain WAV holds, reached with a limit of a second instead of
/// 4 GiB: the real writers and readers, a small file.
@Suite struct SpeakerLongAudioTests {
  static let text = "The keeper climbed the stairs. He lit the lamp and watched the sea."

  func speaker(limit: Int, longAudio: Speaker.LongAudio, notes: NoteBox) -> Speaker {
    var speaker = Speaker(preset: VoicePreset(name: "narrator"), workerExecutable: TestSupport.workerExecutable)
    speaker.wavFrameLimit = limit
    speaker.longAudio = longAudio
    speaker.warn = { notes.append($0) }
    return speaker
  }

  /// The samples and container of the plain WAV `say` writes under the real limit.
  func plainWAV(in folder: URL) throws -> (samples: [Int16], path: String) {
    let path = folder.appendingPathComponent("plain.wav").path
    try speaker(limit: AudioFormat.maximumWAVFrames, longAudio: .rf64, notes: NoteBox()).speak(Self.text, to: path)
    let reader = try SoundFileReader(path: path)
    #expect(reader.container == "wav")
    return (try reader.samples(), path)
  }

  @Test func aFileBecomesRF64WithTheSameSamples() throws {
    try TestSupport.withScratchFolder { folder in
      let plain = try plainWAV(in: folder)
      let path = folder.appendingPathComponent("long.wav").path
      let notes = NoteBox()
      let frames = try speaker(limit: 22_050, longAudio: .rf64, notes: notes).speak(Self.text, to: path)
      #expect(frames == plain.samples.count)
      let reader = try SoundFileReader(path: path)
      #expect(reader.container == "rf64")
      #expect(reader.frames == frames)
      #expect(try reader.samples() == plain.samples)
      #expect(notes.lines == ["\(path): note: written as RF64, since as a WAV it would pass 4 GiB"])
      // Nothing is left beside it.
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["long.wav", "plain.wav"])
    }
  }

  @Test func aChapterKeepsItsTagsAsRF64() throws {
    try TestSupport.withScratchFolder { folder in
      let book = Book(
        title: "The Ledger", author: "A. Keeper",
        chapters: [
          Chapter(
            number: 1, title: "The Letter", sourceLine: 1,
            paragraphs: [Paragraph(number: 1, id: "p1", sourceLine: 3, text: Self.text)])
        ], sourceFile: "ledger.txt")
      let path = folder.appendingPathComponent("chapter.wav").path
      try speaker(limit: 22_050, longAudio: .rf64, notes: NoteBox()).speak(
        .chapter(book.chapters[0]), of: book, to: path)
      let reader = try SoundFileReader(path: path)
      #expect(reader.container == "rf64")
      #expect(reader.tags.title == "The Letter")
    }
  }

  @Test func aPipesWAVLeavesItsLengthOpenAndReadsWhole() throws {
    try TestSupport.withScratchFolder { folder in
      let plain = try plainWAV(in: folder)
      let path = folder.appendingPathComponent("stream.wav").path
      let notes = NoteBox()
      let frames = try speaker(limit: 22_050, longAudio: .wavOfUnknownLength, notes: notes).speak(Self.text, to: path)
      let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
      let plainBytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: plain.path)))
      // Byte for byte the plain WAV but for the two sizes, which say "unknown".
      #expect(bytes.count == plainBytes.count)
      #expect(Array(bytes[4..<8]) == [0xFF, 0xFF, 0xFF, 0xFF])
      let data = plainBytes.count - frames * 2
      #expect(Array(bytes[data - 8..<data - 4]) == Array("data".utf8))
      #expect(Array(bytes[data - 4..<data]) == [0xFF, 0xFF, 0xFF, 0xFF])
      var restored = bytes
      restored.replaceSubrange(4..<8, with: plainBytes[4..<8])
      restored.replaceSubrange(data - 4..<data, with: plainBytes[data - 4..<data])
      #expect(restored == plainBytes)
      // libsndfile reads it whole (so far as 4 GiB; aplay, sox and ffmpeg to its very end).
      let reader = try SoundFileReader(path: path)
      #expect(reader.container == "wav")
      #expect(try reader.samples() == plain.samples)
      #expect(notes.lines.count == 1)
    }
  }

  @Test func underTheLimitNothingChanges() throws {
    try TestSupport.withScratchFolder { folder in
      let plain = try plainWAV(in: folder)
      let path = folder.appendingPathComponent("same.wav").path
      let notes = NoteBox()
      let frames = try speaker(limit: plain.samples.count, longAudio: .rf64, notes: notes).speak(Self.text, to: path)
      #expect(frames == plain.samples.count)
      #expect(FileManager.default.contents(atPath: path) == FileManager.default.contents(atPath: plain.path))
      #expect(notes.lines.isEmpty)
    }
  }

  @Test func aWrappedHeaderIsNotTrusted() throws {
    try TestSupport.withScratchFolder { folder in
      // A WAV as libsndfile leaves one past 4 GiB: its RIFF and data sizes wrapped to small numbers.
      let plain = try plainWAV(in: folder)
      var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: plain.path)))
      let data = bytes.count - plain.samples.count * 2
      bytes.replaceSubrange(4..<8, with: [0x10, 0, 0, 0])
      bytes.replaceSubrange(data - 4..<data, with: [0x08, 0, 0, 0])
      let wrapped = folder.appendingPathComponent("wrapped.wav").path
      try Data(bytes).write(to: URL(fileURLWithPath: wrapped))
      let rf64 = folder.appendingPathComponent("whole.rf64").path
      try OversizeWAV.copyAsRF64(
        from: wrapped, to: rf64, frames: plain.samples.count, sampleRate: 22_050, tags: AudioTags(),
        reportedPath: "x.wav")
      #expect(try SoundFileReader(path: rf64).samples() == plain.samples)
    }
  }

  @Test func aFileThatIsNoWAVIsOneError() throws {
    try TestSupport.withScratchFolder { folder in
      let path = folder.appendingPathComponent("noise.wav").path
      try Data(repeating: 7, count: 100).write(to: URL(fileURLWithPath: path))
      let error = #expect(throws: AudiobookError.self) {
        try OversizeWAV.markLengthUnknown(path, reportedPath: "out.wav")
      }
      #expect(error?.kind == .io)
      #expect(error?.file == "out.wav")
    }
  }
}

/// Lines told to `Speaker.warn`, kept for a test to read.
final class NoteBox: @unchecked Sendable {
  private(set) var lines: [String] = []
  func append(_ line: String) { lines.append(line) }
}
