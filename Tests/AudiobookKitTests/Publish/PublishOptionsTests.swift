import Testing

@testable import AudiobookAudio
@testable import AudiobookPublish

@Suite struct PublishOptionsTests {
  @Test func layoutsSayWhichFilesTheyWrite() {
    #expect(PublishOptions.Layout.allCases.map(\.includesChapterFiles) == [true, false, true])
    #expect(PublishOptions.Layout.allCases.map(\.includesBookFile) == [false, true, true])
  }

  /// The master's 44.1 kHz wins; else `--sample-rate`; else the format's default.
  @Test func theOutputRate() {
    #expect(PublishOptions().outputRate(source: 22_050) == 22_050)
    #expect(PublishOptions(format: .mp3).outputRate(source: 22_050) == 44_100)
    #expect(PublishOptions(format: .opus).outputRate(source: 22_050) == 48_000)
    #expect(PublishOptions(format: .flac, sampleRate: 16_000).outputRate(source: 22_050) == 16_000)
    #expect(PublishOptions(sampleRate: 16_000, master: .audiobook).outputRate(source: 22_050) == 44_100)
  }

  @Test func levelAndCeiling() {
    #expect(!PublishOptions().adjustsLevel)
    #expect(PublishOptions(loudness: -18).adjustsLevel)
    #expect(PublishOptions(master: .audiobook).adjustsLevel)
    // Lossy encoders add to the peaks, so the limiter holds them lower.
    #expect(PublishOptions(format: .wav).loudnessCeiling == -1)
    #expect(PublishOptions(format: .mp3).loudnessCeiling == -2)
    #expect(PublishOptions(format: .m4b).loudnessCeiling == -2.5)
  }

  @Test func sensibleCombinationsHaveNoProblem() {
    for options in [
      PublishOptions(), PublishOptions(format: .flac, sampleRate: 8_000, loudness: -70),
      PublishOptions(format: .opus, sampleRate: 48_000, loudness: 0, layout: .both),
      PublishOptions(format: .mp3, sampleRate: 44_100, master: .audiobook, layout: .both),
      PublishOptions(format: .m4b, layout: .book), PublishOptions(format: .wav, sampleRate: 192_000),
    ] {
      #expect(options.problem == nil, "\(options)")
    }
  }

  /// Each problem is a sentence naming the flag at fault and what it got.
  @Test func eachBadCombinationIsNamed() {
    #expect(
      PublishOptions(sampleRate: 7_999).problem == "--sample-rate must be between 8000 and 192000 Hz; got 7999.")
    #expect(
      PublishOptions(format: .opus, sampleRate: 44_100).problem
        == "--format opus takes --sample-rate 8000, 12000, 16000, 24000, 48000; got 44100.")
    #expect(
      PublishOptions(loudness: -71).problem
        == "--loudness is a target in LUFS between -70 and 0, such as -18; got -71.0.")
    #expect(
      PublishOptions(loudness: 0.5).problem
        == "--loudness is a target in LUFS between -70 and 0, such as -18; got 0.5.")
    #expect(
      PublishOptions(loudness: -18, master: .audiobook).problem
        == "--master audiobook sets the level itself (RMS -20 dBFS); leave out --loudness.")
    #expect(
      PublishOptions(sampleRate: 48_000, master: .audiobook).problem
        == "--master audiobook publishes at 44100 Hz; leave out --sample-rate.")
    #expect(
      PublishOptions(format: .ogg, master: .audiobook).problem
        == "--master audiobook publishes wav, flac or mp3 (the formats distributors take); got ogg.")
    #expect(
      PublishOptions(master: .audiobook, layout: .book).problem
        == "--master audiobook writes one file per chapter, as distributors ask; use --layout chapters or both.")
    #expect(
      PublishOptions(format: .m4b, layout: .both).problem
        == "--format m4b writes one whole-book file; use --layout book (or leave --layout out).")
  }

  /// Everything that decides a published file's bytes changes its hash; the same options
  /// give the same hash.
  @Test func theContentHashCoversFormatRateLevelMasterAndTags() {
    let tags = AudioTags(title: "One", artist: "Ada Finch")
    let base = PublishOptions(format: .flac)
    let hash = base.contentHash("audio", tags: tags, outputRate: 22_050)
    #expect(hash == PublishOptions(format: .flac).contentHash("audio", tags: tags, outputRate: 22_050))
    let others = [
      base.contentHash("other audio", tags: tags, outputRate: 22_050),
      PublishOptions(format: .ogg).contentHash("audio", tags: tags, outputRate: 22_050),
      base.contentHash("audio", tags: tags, outputRate: 44_100),
      PublishOptions(format: .flac, loudness: -18).contentHash("audio", tags: tags, outputRate: 22_050),
      PublishOptions(format: .flac, master: .audiobook).contentHash("audio", tags: tags, outputRate: 22_050),
      base.contentHash("audio", tags: AudioTags(title: "Two", artist: "Ada Finch"), outputRate: 22_050),
    ]
    #expect(Set(others + [hash]).count == others.count + 1)
    // The layout decides which files there are, not their bytes.
    #expect(PublishOptions(format: .flac, layout: .both).contentHash("audio", tags: tags, outputRate: 22_050) == hash)
  }
}
