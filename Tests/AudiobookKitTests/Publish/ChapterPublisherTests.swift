import Foundation
import Testing

@testable import AudiobookAudio
@testable import AudiobookPublish

@Suite struct ChapterPublisherTests {
  func publisher(_ options: PublishOptions = PublishOptions(format: .flac, sampleRate: 44_100)) -> ChapterPublisher {
    ChapterPublisher(options: options, sourceRate: 22_050)
  }

  /// Scaled up, then padded to whole cue frames (1/75 s) at the output rate.
  @Test func theOutputLengthIsAWholeNumberOfCueFrames() {
    #expect(publisher().outputRate == 44_100)
    #expect(publisher().outputLength(22_050) == 44_100)
    #expect(publisher().outputLength(1) == 588)
    #expect(publisher().outputLength(294) == 588)
    #expect(publisher().outputLength(295) == 1_176)
    let opus = publisher(PublishOptions(format: .opus))
    #expect(opus.outputRate == 48_000 && opus.outputLength(22_050) == 48_000 && opus.outputLength(300) == 1_280)
    let same = publisher(PublishOptions(format: .flac))
    #expect(same.outputLength(294) == 294 && same.outputLength(295) == 588)
  }

  /// Every span and word is moved to the output rate, its end rounded like its start; at the
  /// same rate the entry is left as it is.
  @Test func theManifestEntryIsRescaled() {
    let chapter = Manifest.Chapter(
      number: 1, title: "One", file: "01 One.wav", frames: 22_050, sha256: "", sourceLine: 1, contentHash: "",
      heading: TimedSpan(text: "One.", startFrame: 100, frames: 50),
      paragraphs: [
        Manifest.Paragraph(
          id: "p", number: 1, sourceLine: 3, startFrame: 1_001, frames: 2_000,
          sentences: [
            TimedSpan(
              text: "Hi there.", startFrame: 1_001, frames: 2_000,
              words: [
                TimedWord(text: "Hi", startFrame: 1_001, frames: 3),
                TimedWord(text: "there", startFrame: 1_004, frames: 1_997),
              ])
          ])
      ])
    let scaled = publisher(PublishOptions(format: .opus)).rescaled(chapter)
    #expect(scaled.frames == 48_000)
    #expect(scaled.heading == TimedSpan(text: "One.", startFrame: 218, frames: 109))
    #expect(scaled.paragraphs[0].startFrame == 2_179 && scaled.paragraphs[0].frames == 4_354)
    #expect(
      scaled.paragraphs[0].sentences[0].words == [
        TimedWord(text: "Hi", startFrame: 2_179, frames: 7), TimedWord(text: "there", startFrame: 2_186, frames: 4_347),
      ])
    #expect(publisher(PublishOptions(format: .flac)).rescaled(chapter) == chapter)
  }

  @Test func samplesAreRoundedAndClippedToSixteenBits() {
    #expect(
      ChapterPublisher.quantized([0, 0.5, -0.5, 1, -1, 1.5, -1.5, 0.00002]) == [
        0, 16_384, -16_384, 32_767, -32_768, 32_767, -32_768, 1,
      ])
    #expect(
      ChapterPublisher.gcd(44_100, 75) == 75 && ChapterPublisher.gcd(22_050, 75) == 75
        && ChapterPublisher.gcd(8_000, 75) == 25)
  }

  /// A chapter resampled, brought to its loudness under the peak limit, encoded with its tags,
  /// and given to the whole-book file sample for sample.
  @Test func aChapterIsPublishedAtItsLevelToTheFileAndTheBook() throws {
    try TestSupport.withScratchFolder { folder in
      let canonical = folder.appendingPathComponent("chapter.wav").path
      let writer = try SoundFileWriter(path: canonical, sampleRate: 22_050)
      try writer.write((0..<22_050).map { Int16(3_000 * sin(Double($0) * 2 * .pi * 440 / 22_050)) })
      try writer.close()
      let publisher = publisher(PublishOptions(format: .flac, sampleRate: 44_100, loudness: -18, layout: .both))
      let target = folder.appendingPathComponent("01 One.flac").path
      let bookPath = folder.appendingPathComponent("book.wav").path
      let book = try BookAssembly(path: bookPath, reportedPath: bookPath, sampleRate: 44_100)
      let result = try publisher.publish(
        canonical: canonical, frames: 22_050, to: (target, target), tags: AudioTags(title: "One"), seed: 1, book: book)
      #expect(result.frames == 44_100)
      #expect(abs(result.levels.integratedLoudness + 18) <= 0.3)
      #expect(result.levels.truePeak <= -1)
      #expect(result.gain > 0 && result.shortfall == 0)
      let published = try SoundFileReader(path: target)
      #expect(published.container == "flac" && published.sampleRate == 44_100 && published.frames == 44_100)
      #expect(published.tags.title == "One")
      #expect(book.chapterStarts == [0] && book.frames == 44_100)
      _ = try book.finish(to: bookPath, format: .wav, tags: AudioTags(), chapterTitles: ["One"]) { _ in }
      #expect(try SoundFileReader(path: bookPath).samples() == published.samples())
      // The publisher's scratch files are gone.
      let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
        $0.hasPrefix(".chapter.wav")
      }
      #expect(left.isEmpty)
    }
  }
}
