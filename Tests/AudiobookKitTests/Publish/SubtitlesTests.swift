import Testing

@testable import AudiobookAudio
@testable import AudiobookPublish

@Suite struct SubtitlesTests {
  /// At 1,000 Hz a frame is a millisecond.
  let chapter = Manifest.Chapter(
    number: 1, title: "Chapter 1: Fog", file: "01 Chapter 1 Fog.wav", frames: 4_000_000, sha256: "", sourceLine: 3,
    contentHash: "", heading: TimedSpan(text: "Chapter 1. Fog.", startFrame: 750, frames: 1_250),
    paragraphs: [
      Manifest.Paragraph(
        id: "p1", number: 1, sourceLine: 5, startFrame: 3_500, frames: 3_661_001,
        sentences: [
          TimedSpan(
            text: "Tom & Nell <left>.", startFrame: 3_500, frames: 2_000,
            words: [
              TimedWord(text: "Tom", startFrame: 3_500, frames: 400),
              TimedWord(text: "&", startFrame: 3_900, frames: 300),
              TimedWord(text: "Nell", startFrame: 4_200, frames: 500),
              TimedWord(text: "<left>.", startFrame: 4_700, frames: 800),
            ]),
          TimedSpan(text: "Then the fog\n\ncame.", startFrame: 3_600_000, frames: 6_501),
        ])
    ])

  @Test func theFileSitsBesideTheChapterFile() {
    #expect(Subtitles.fileName(for: "01 Chapter 1 Fog.wav", format: .vtt) == "01 Chapter 1 Fog.vtt")
    #expect(Subtitles.fileName(for: "01 Chapter 1 Fog.wav", format: .srt) == "01 Chapter 1 Fog.srt")
    // Only a WAV extension is replaced.
    #expect(Subtitles.fileName(for: "01 One.flac", format: .vtt) == "01 One.flac.vtt")
  }

  @Test func timestampsAreHoursMinutesSecondsAndMilliseconds() {
    #expect(Subtitles.timestamp(0, separator: ".") == "00:00:00.000")
    #expect(Subtitles.timestamp(3_723_004, separator: ",") == "01:02:03,004")
    #expect(Subtitles.timestamp(100 * 3_600_000, separator: ".") == "100:00:00.000")
    // Frames round to the nearest millisecond.
    #expect(Subtitles.milliseconds(22_050, 22_050) == 1_000)
    #expect(Subtitles.milliseconds(11, 22_050) == 0)
    #expect(Subtitles.milliseconds(12, 22_050) == 1)
  }

  /// One cue for the title and one per sentence, the text escaped and on one line.
  @Test func webVTT() {
    #expect(
      Subtitles.webVTT(chapter, sampleRate: 1_000, words: false) == """
        WEBVTT

        00:00:00.750 --> 00:00:02.000
        Chapter 1. Fog.

        00:00:03.500 --> 00:00:05.500
        Tom &amp; Nell &lt;left&gt;.

        01:00:00.000 --> 01:00:06.501
        Then the fog came.

        """)
  }

  /// With words, each word after the first carries its start; a sentence without word
  /// timings is its text.
  @Test func webVTTWithWordTimings() {
    let text = Subtitles.webVTT(chapter, sampleRate: 1_000, words: true)
    #expect(
      text.contains(
        "\n00:00:03.500 --> 00:00:05.500\nTom <00:00:03.900>&amp; <00:00:04.200>Nell <00:00:04.700>&lt;left&gt;.\n"))
    #expect(text.contains("\nChapter 1. Fog.\n"))
    #expect(text.hasSuffix("\nThen the fog came.\n"))
  }

  @Test func subRipNumbersItsCues() {
    #expect(
      Subtitles.srt(chapter, sampleRate: 1_000) == """
        1
        00:00:00,750 --> 00:00:02,000
        Chapter 1. Fog.

        2
        00:00:03,500 --> 00:00:05,500
        Tom & Nell <left>.

        3
        01:00:00,000 --> 01:00:06,501
        Then the fog came.

        """)
  }

  /// Text that looks like a timing line, and a span with no sound, do not break the files.
  @Test func aTimingArrowInTheTextAndASilentSpanMakeNoFalseCues() {
    var chapter = self.chapter
    chapter.paragraphs[0].sentences = [
      TimedSpan(text: "Then 00:00:01,000 --> 00:00:09,000 came.", startFrame: 3_500, frames: 2_000),
      TimedSpan(text: "—", startFrame: 5_500, frames: 0),
    ]
    let srt = Subtitles.srt(chapter, sampleRate: 1_000)
    #expect(srt.components(separatedBy: "-->").count - 1 == 2, "\(srt)")
    let vtt = Subtitles.webVTT(chapter, sampleRate: 1_000, words: false)
    #expect(vtt.components(separatedBy: "-->").count - 1 == 2, "\(vtt)")
  }
}
