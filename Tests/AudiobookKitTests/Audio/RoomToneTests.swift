import Testing

@testable import AudiobookCore
@testable import AudiobookAudio

@Suite struct RoomToneTests {
  @Test func isSeededAndQuiet() throws {
    var a = RoomTone(seed: 3)
    var b = RoomTone(seed: 3)
    var c = RoomTone(seed: 4)
    let samples = a.next(44_100)
    #expect(samples == b.next(44_100))
    #expect(samples != c.next(44_100))
    let meter = try LoudnessMeter(sampleRate: 44_100)
    try meter.add(samples)
    let levels = try meter.levels
    #expect(abs(levels.rms - RoomTone.level) < 0.5, "\(levels)")
  }

  /// Asked for in pieces, the noise goes on where it left off.
  @Test func piecesContinueTheSameNoise() {
    var whole = RoomTone(seed: 7)
    var pieces = RoomTone(seed: 7)
    #expect(whole.next(1_000) == pieces.next(300) + pieces.next(700))
  }

  @Test func theLevelIsTheOneAskedFor() throws {
    var tone = RoomTone(seed: 1, level: -40)
    let meter = try LoudnessMeter(sampleRate: 22_050, truePeak: false)
    try meter.add(tone.next(22_050))
    #expect(abs(try meter.levels.rms - -40) < 0.5)
  }
}
