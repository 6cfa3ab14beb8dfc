import Testing

@testable import AudiobookCore
@testable import AudiobookAudio

@Suite struct AudioFormatTests {
  @Test func renderedFilesAreKnownByTheirExtension() {
    for name in ["a.wav", "B.FLAC", "c.ogg", "d.opus", "e.mp3", "f.m4b", "g.vtt", "h.srt", "i.cue"] {
      #expect(AudioFormat.isRenderedFileName(name), "\(name)")
    }
    for name in ["notes.txt", "cover.jpg", "manifest.json", "wav", "a.wav.bak"] {
      #expect(!AudioFormat.isRenderedFileName(name), "\(name)")
    }
  }

  /// How libsndfile writes each format: M4B is ffmpeg's, a WAV past the limit is RF64.
  @Test func encodings() {
    let frames = 1_000
    #expect(AudioFormat.wav.encoding(sampleRate: 22_050, frames: frames) == .wav)
    #expect(AudioFormat.wav.encoding(sampleRate: 22_050, frames: AudioFormat.maximumWAVFrames) == .wav)
    #expect(AudioFormat.wav.encoding(sampleRate: 22_050, frames: AudioFormat.maximumWAVFrames + 1) == .rf64)
    #expect(AudioFormat.flac.encoding(sampleRate: 22_050, frames: frames) == .flac)
    #expect(AudioFormat.ogg.encoding(sampleRate: 22_050, frames: frames) == .vorbis)
    #expect(AudioFormat.opus.encoding(sampleRate: 48_000, frames: frames) == .opus)
    #expect(AudioFormat.mp3.encoding(sampleRate: 44_100, frames: frames) == .mp3(kilobitsPerSecond: 192))
    #expect(AudioFormat.mp3.encoding(sampleRate: 22_050, frames: frames) == .mp3(kilobitsPerSecond: 96))
    #expect(AudioFormat.mp3.encoding(sampleRate: 11_025, frames: frames) == .mp3(kilobitsPerSecond: 48))
    #expect(AudioFormat.m4b.encoding(sampleRate: 44_100, frames: frames) == nil)
  }

  /// The largest plain WAV: its RIFF size (data plus 64 KiB of header) still fits in 32 bits.
  @Test func theWAVLimitKeepsTheSizesIn32Bits() {
    let bytes = AudioFormat.maximumWAVFrames * 2 + 65_536
    #expect(bytes <= Int(UInt32.max))
    #expect(bytes + 2 > Int(UInt32.max), "one frame more would not fit")
  }

  /// Every MP3 bit rate lies inside what LAME offers at that rate.
  @Test func mp3BitRatesAreOnesLAMEOffers() throws {
    for rate in try #require(AudioFormat.mp3.allowedSampleRates) {
      let kbps = try #require(AudioFormat.mp3.bitRate(sampleRate: rate))
      #expect(SoundFileEncoding.mp3BitRateRange(sampleRate: rate).contains(kbps), "\(rate) Hz")
    }
    #expect(AudioFormat.flac.bitRate(sampleRate: 44_100) == nil)
  }

  @Test func defaultRatesAreOnesTheEncoderTakes() {
    for format in AudioFormat.allCases {
      let rate = format.defaultSampleRate(source: 22_050)
      #expect(format.allowedSampleRates?.contains(rate) ?? true, "\(format)")
    }
    #expect(AudioFormat.wav.defaultSampleRate(source: 16_000) == 16_000)
  }

  @Test func lossyFormatsKeepHeadroom() {
    #expect(AudioFormat.allCases.filter(\.isLossy) == [.ogg, .opus, .mp3, .m4b])
    #expect(AudioFormat.mp3.cueFileType == "MP3")
    #expect(AudioFormat.flac.cueFileType == "WAVE")
  }
}
