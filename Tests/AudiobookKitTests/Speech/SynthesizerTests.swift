import Testing

@testable import AudiobookCore
@testable import AudiobookSpeech

@Suite struct SynthesizerTests {
  @Test func sameTextGivesTheSameSamplesEveryTime() throws {
    let synthesizer = try Synthesizer(settings: EngineSettings(), workerExecutable: TestSupport.workerExecutable)
    defer { synthesizer.close() }
    #expect(synthesizer.info.sampleRate == 22_050)
    let texts = ["The keeper climbed the stairs.", "He lit the lamp at 4:10 p.m."]
    let first = try synthesizer.synthesize(texts)
    _ = try synthesizer.synthesize(["Something else entirely, to disturb any state."])
    let second = try synthesizer.synthesize(texts)
    #expect(first == second)
    #expect(first.pieces.count == 2)
    #expect(first.pieces.allSatisfy { $0.samples.count > 22_050 / 2 })
  }

  /// The children collect samples in the worker's shared `SampleArena`; a request too long for
  /// it gives the same clip: no room at all (no arena), room for less than espeak-ng's first
  /// buffer, and room that runs out in the second piece.
  @Test(arguments: [0, 1, 60_000])
  func samplesThatOutgrowTheArenaGiveTheSameClip(arenaSamples: Int) throws {
    let texts = [
      "The keeper climbed the stairs.", "He lit the lamp at 4:10 p.m. and watched the sea for a while.",
      "Then he slept.",
    ]
    let roomy = try Synthesizer(settings: EngineSettings(), workerExecutable: TestSupport.workerExecutable)
    defer { roomy.close() }
    let cramped = try Synthesizer(
      settings: EngineSettings(), workerExecutable: TestSupport.workerExecutable, arenaSamples: arenaSamples)
    defer { cramped.close() }
    let expected = try roomy.synthesize(texts)
    #expect(expected.pieces[0].samples.count < 50_000)
    #expect(expected.pieces[0].samples.count + expected.pieces[1].samples.count > 60_000)
    #expect(try cramped.synthesize(texts) == expected)
    #expect(try cramped.synthesize(texts) == expected)
  }

  @Test func piecesAreTrimmedOfSilenceAndCarryWordTimings() throws {
    let synthesizer = try Synthesizer(settings: EngineSettings(), workerExecutable: TestSupport.workerExecutable)
    defer { synthesizer.close() }
    let piece = try #require(try synthesizer.synthesize(["Gulls wheeled over the harbour."]).pieces.first)
    let loud = { (sample: Int16) in abs(Int(sample)) > Int(SilenceTrimmer.threshold) }
    #expect(piece.samples.first.map(loud) == true)
    #expect(piece.samples.last.map(loud) == true)
    #expect(piece.words.map(\.textOffset) == [0, 6, 14, 19, 23])
    #expect(piece.words.map(\.startFrame) == piece.words.map(\.startFrame).sorted())
    #expect(piece.words.allSatisfy { $0.startFrame < piece.samples.count })
  }

  @Test func markupInTheTextIsReadAsText() throws {
    let synthesizer = try Synthesizer(settings: EngineSettings(), workerExecutable: TestSupport.workerExecutable)
    defer { synthesizer.close() }
    // With espeakPHONEMES off, [[...]] is not phoneme input: it yields words, not a sound.
    let clip = try synthesizer.synthesize(["Say [[h@'loU]] <break time=\"5s\"/> now."])
    let short = try synthesizer.synthesize(["Say now."])
    #expect(clip.frames > short.frames)
    #expect(clip.frames < 22_050 * 5)
  }

  @Test func unknownVoiceIsReported() {
    #expect(throws: SpeechError.unknownVoice("xx-nowhere")) {
      try Synthesizer(settings: EngineSettings(voice: "xx-nowhere"), workerExecutable: TestSupport.workerExecutable)
    }
  }

  @Test func missingWorkerExecutableIsReported() {
    let error = #expect(throws: SpeechError.self) {
      try Synthesizer(settings: EngineSettings(), workerExecutable: "/nonexistent/audiobook")
    }
    guard case .workerFailed = error else {
      Issue.record("expected workerFailed, got \(String(describing: error))")
      return
    }
  }
}
