import Foundation
import Testing

@testable import AudiobookAudio
@testable import AudiobookPublish

/// `BookAssembly`, the whole-book file in the making.
@Suite struct BookFileTests {
  let one: [Int16] = (0..<2_205).map { Int16(truncatingIfNeeded: $0 * 7) }
  let two: [Int16] = (0..<3_000).map { Int16(truncatingIfNeeded: -$0 * 5) }

  /// Gathers two chapters at 22,050 Hz, encodes them as `format` into `name` in `folder`,
  /// and returns the frames and the notes told.
  func assemble(_ format: AudioFormat, to name: String, in folder: URL) throws -> (frames: Int, notes: [String]) {
    let path = folder.appendingPathComponent(name).path
    let assembly = try BookAssembly(path: path, reportedPath: "/published/\(name)", sampleRate: 22_050)
    #expect(assembly.fileName == name)
    assembly.beginChapter()
    try assembly.append(Array(one.prefix(1_000)))
    try assembly.append(Array(one.dropFirst(1_000)))
    assembly.beginChapter()
    try assembly.append(two)
    #expect(assembly.chapterStarts == [0, one.count])
    #expect(assembly.frames == one.count + two.count)
    var notes: [String] = []
    let frames = try assembly.finish(
      to: path, format: format, tags: AudioTags(title: "Harbour Lights", artist: "Ada Finch"),
      chapterTitles: ["Fog", "Clear"]
    ) { notes.append($0) }
    return (frames, notes)
  }

  /// The book's samples are the chapters' samples in order; a WAV marks each chapter start
  /// with its title; the scratch file is gone once the assembly is.
  @Test func aWAVBookHoldsEveryChapterAndMarksItsStart() throws {
    try TestSupport.withScratchFolder { folder in
      let (frames, notes) = try assemble(.wav, to: "harbour-lights.wav", in: folder)
      #expect(frames == one.count + two.count)
      #expect(notes.isEmpty)
      let reader = try SoundFileReader(path: folder.appendingPathComponent("harbour-lights.wav").path)
      #expect(reader.isPCM16WAV && reader.sampleRate == 22_050 && reader.frames == frames)
      #expect(try reader.samples() == one + two)
      #expect(reader.markers == [AudioMarker(frame: 0, label: "Fog"), AudioMarker(frame: one.count, label: "Clear")])
      #expect(reader.tags.title == "Harbour Lights")
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["harbour-lights.wav"])
    }
  }

  @Test func aFLACBookHasTheSameSamples() throws {
    try TestSupport.withScratchFolder { folder in
      let (frames, _) = try assemble(.flac, to: "harbour-lights.flac", in: folder)
      let reader = try SoundFileReader(path: folder.appendingPathComponent("harbour-lights.flac").path)
      #expect(reader.container == "flac" && reader.frames == frames)
      #expect(try reader.samples() == one + two)
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["harbour-lights.flac"])
    }
  }

  /// Finishing twice writes nothing the second time.
  @Test func aFinishedAssemblyTakesNoMore() throws {
    try TestSupport.withScratchFolder { folder in
      let path = folder.appendingPathComponent("book.wav").path
      let assembly = try BookAssembly(path: path, reportedPath: path, sampleRate: 22_050)
      try assembly.append(one)
      let format = AudioFormat.wav
      #expect(try assembly.finish(to: path, format: format, tags: AudioTags(), chapterTitles: []) { _ in } == one.count)
      #expect(assembly.frames == 0)
      #expect(
        try assembly.finish(
          to: folder.appendingPathComponent("again.wav").path, format: format, tags: AudioTags(), chapterTitles: []
        ) { _ in } == 0)
      #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("again.wav").path))
    }
  }
}
