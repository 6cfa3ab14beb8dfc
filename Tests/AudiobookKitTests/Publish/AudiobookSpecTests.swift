import Testing

@testable import AudiobookAudio
@testable import AudiobookPublish
@testable import AudiobookSpeech

@Suite struct AudiobookSpecTests {
  /// A mono 16-bit WAV at 44.1 kHz well inside every limit.
  let passing = AudioMeasurement(
    file: "01 One.wav", sampleRate: 44_100, channels: 1, frames: 44_100 * 60, container: "wav", isPCM16: true,
    levels: AudioLevels(integratedLoudness: -19, truePeak: -4, rms: -20, peak: -4.5), noiseFloor: -70, head: 0.75,
    tail: 2)

  func problems(_ change: (inout AudioMeasurement) -> Void) -> [String] {
    var file = passing
    change(&file)
    return AudiobookSpec.problems(file)
  }

  @Test func headAndTailPausesAreBroughtInsideTheSpecWithAMargin() {
    let adjusted = AudiobookSpec.pauses(Pauses(sentence: 300, paragraph: 800, afterTitle: 1200, head: 100, tail: 9_000))
    #expect(adjusted == Pauses(sentence: 300, paragraph: 800, afterTitle: 1200, head: 600, tail: 4_500))
    #expect(AudiobookSpec.pauses(Pauses(head: 2_000, tail: 200)) == Pauses(head: 900, tail: 1_500))
    #expect(AudiobookSpec.pauses(Pauses()) == Pauses())
  }

  @Test func aFileInsideTheSpecHasNoProblems() {
    #expect(AudiobookSpec.problems(passing).isEmpty)
    #expect(problems { $0.container = "flac" }.isEmpty)
    #expect(
      problems {
        $0.container = "mpeg"
        $0.isPCM16 = false
        $0.isConstantBitRate = true
        $0.bitRate = 195
      }.isEmpty)
  }

  @Test func eachProblemIsOnePhrase() {
    #expect(problems { $0.sampleRate = 22_050 } == ["22050 Hz, not 44100"])
    #expect(problems { $0.channels = 2 } == ["2 channels, not mono"])
    #expect(problems { $0.isPCM16 = false } == ["not 16-bit"])
    #expect(problems { $0.container = "ogg" } == ["ogg is not a format distributors take (mp3, wav, flac)"])
    #expect(problems { $0.frames = 44_100 * 60 * 121 } == ["121 minutes, over 120"])
    #expect(problems { $0.levels.rms = -25.04 } == ["RMS -25.0 dB, too quiet (-23 to -18)"])
    #expect(problems { $0.levels.rms = -17.5 } == ["RMS -17.5 dB, too loud (-23 to -18)"])
    // The louder of the sample peak and the true peak counts.
    #expect(problems { $0.levels.truePeak = -2.6 } == ["peak -2.6 dB, over -3"])
    #expect(problems { $0.noiseFloor = -55 } == ["noise floor -55.0 dB, over -60"])
    #expect(problems { $0.noiseFloor = -100 } == ["digital silence in the pauses, where room tone belongs"])
    #expect(problems { $0.head = 0.25 } == ["head room tone 0.25 s, under 0.5 s"])
    #expect(problems { $0.head = 1.5 } == ["head room tone 1.50 s, over 1 s"])
    #expect(problems { $0.tail = 0.5 } == ["tail room tone 0.50 s, under 1 s"])
    #expect(problems { $0.tail = 6 } == ["tail room tone 6.00 s, over 5 s"])
  }

  /// An MP3 must be constant bit rate at 192 kbps, give or take what its size suggests.
  @Test func anMP3IsConstantAt192Kbps() {
    func mp3(constant: Bool?, bitRate: Int?) -> [String] {
      problems {
        $0.container = "mpeg"
        $0.isPCM16 = false
        $0.isConstantBitRate = constant
        $0.bitRate = bitRate
      }
    }
    #expect(mp3(constant: false, bitRate: 192) == ["MP3 not constant bit rate"])
    #expect(mp3(constant: nil, bitRate: 192) == ["MP3 not constant bit rate"])
    #expect(mp3(constant: true, bitRate: 128) == ["MP3 at 128 kbps, not 192"])
    #expect(mp3(constant: true, bitRate: 188).isEmpty)
  }

  @Test func everyProblemIsListed() {
    let all = problems {
      $0.sampleRate = 48_000
      $0.channels = 2
      $0.levels.rms = -30
      $0.head = 0
    }
    #expect(all.count == 4)
  }
}
