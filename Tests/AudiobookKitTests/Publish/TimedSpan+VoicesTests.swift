import Testing

@testable import AudiobookAudio
@testable import AudiobookPublish

/// Who speaks where, from a sentence's `voice` or `parts`: for subtitles and read-along books.
@Suite struct TimedSpanVoicesTests {
  /// At 1,000 Hz a frame is a millisecond.
  let spoken = TimedSpan(
    text: "“Is anyone there?” called Harriet.", startFrame: 1_000, frames: 2_000,
    words: [
      TimedWord(text: "“Is", startFrame: 1_000, frames: 200), TimedWord(text: "anyone", startFrame: 1_200, frames: 300),
      TimedWord(text: "there?”", startFrame: 1_500, frames: 500),
      TimedWord(text: "called", startFrame: 2_200, frames: 400),
      TimedWord(text: "Harriet.", startFrame: 2_600, frames: 400),
    ])

  var voiced: TimedSpan {
    var span = spoken
    span.parts = [
      TimedPart(text: "“Is anyone there?”", voice: "Harriet", startFrame: 1_000, frames: 1_000),
      TimedPart(text: "called Harriet.", voice: "narrator", startFrame: 2_200, frames: 800),
    ]
    return span
  }

  @Test func theVoiceAtAFrame() {
    #expect(spoken.voice(at: 1_500) == nil && !spoken.hasVoices)
    #expect(voiced.voice(at: 900) == "Harriet")
    #expect(voiced.voice(at: 2_100) == "Harriet")
    #expect(voiced.voice(at: 2_200) == "narrator")
    var one = spoken
    one.voice = "Jane"
    #expect(one.voice(at: 2_900) == "Jane" && one.hasVoices)
  }

  @Test func eachWordHasItsPartsVoice() {
    #expect(SubtitleCue.voices(of: spoken, words: spoken.words ?? []) == [])
    #expect(
      SubtitleCue.voices(of: voiced, words: voiced.words ?? [])
        == ["Harriet", "Harriet", "Harriet", "narrator", "narrator"])
  }

  /// WebVTT voice spans, a span per change of voice; with word timings, the timestamps inside.
  @Test func webVTTCarriesVoiceSpans() {
    let chapter = Manifest.Chapter(
      number: 1, title: "One", file: "01 One.wav", frames: 10_000, sha256: "", sourceLine: 1, contentHash: "",
      heading: TimedSpan(text: "One", startFrame: 0, frames: 0),
      paragraphs: [
        Manifest.Paragraph(id: "p", number: 1, sourceLine: 3, startFrame: 1_000, frames: 2_000, sentences: [voiced])
      ])
    let plain = Subtitles.webVTT(chapter, sampleRate: 1_000, words: false)
    #expect(plain.contains("\n<v Harriet>“Is anyone there?”</v> <v narrator>called Harriet.</v>\n"), "\(plain)")
    let timed = Subtitles.webVTT(chapter, sampleRate: 1_000, words: true)
    #expect(
      timed.contains(
        "<v Harriet>“Is <00:00:01.200>anyone <00:00:01.500>there?”</v> <v narrator><00:00:02.200>called "
          + "<00:00:02.600>Harriet.</v>"), "\(timed)")
    // SubRip has no voices: the sentence as written.
    #expect(Subtitles.srt(chapter, sampleRate: 1_000).contains("\n“Is anyone there?” called Harriet.\n"))
  }

  /// A voice's name can hold nothing that ends the span or the cue.
  @Test func aVoiceNameStaysInsideItsSpan() {
    var span = spoken
    span.voice = "A>B\n--> <c>"
    let chapter = Manifest.Chapter(
      number: 1, title: "One", file: "01 One.wav", frames: 10_000, sha256: "", sourceLine: 1, contentHash: "",
      heading: TimedSpan(text: "One", startFrame: 0, frames: 0),
      paragraphs: [
        Manifest.Paragraph(id: "p", number: 1, sourceLine: 3, startFrame: 1_000, frames: 2_000, sentences: [span])
      ])
    let vtt = Subtitles.webVTT(chapter, sampleRate: 1_000, words: false)
    #expect(vtt.contains("<v AB -- &lt;c>“Is"), "\(vtt)")
  }

  @Test func aVoicesClassName() {
    #expect(VoiceClass.name("Mr. Knightley") == "voice-mr-knightley")
    #expect(VoiceClass.name("narrator") == "voice-narrator")
    #expect(VoiceClass.name("Élodie \"<x>\"") == "voice-lodie-x")
    #expect(VoiceClass.name("李") == "voice-x")
  }
}
