import Testing

@testable import AudiobookCore
@testable import AudiobookSpeech

/// A cast's voice chosen per request, in the child that serves it (`synthesize(_:as:)`).
@Suite struct SynthesizerVoiceTests {
  let texts = ["“Is anyone there?”", "called Harriet."]

  /// The clip of a voice does not depend on the voice the worker started with: the cache keys
  /// a cast's clips by their own voice alone.
  @Test func aVoiceSoundsTheSameWhicheverVoiceTheWorkerStartedWith() throws {
    let harriet = EngineSettings(voice: "en-gb", variant: "f2", pitch: 65)
    let british = try Synthesizer(settings: EngineSettings(), workerExecutable: TestSupport.workerExecutable)
    defer { british.close() }
    let american = try Synthesizer(
      settings: EngineSettings(voice: "en-us", variant: "m3", rate: 200), workerExecutable: TestSupport.workerExecutable
    )
    defer { american.close() }
    let first = try british.synthesize(texts, as: harriet)
    #expect(try american.synthesize(texts, as: harriet) == first)
    #expect(try british.synthesize(texts, as: harriet) == first)
    // And it is another voice than the worker's own.
    #expect(try british.synthesize(texts) != first)
    // And the same as from a worker that started with it: the cache may hold either.
    let own = try Synthesizer(settings: harriet, workerExecutable: TestSupport.workerExecutable)
    defer { own.close() }
    #expect(try own.synthesize(texts) == first)
    // A voice of another language loads its dictionary in the fork, with the same result.
    let french = EngineSettings(voice: "fr", variant: "m1")
    let frenchWorker = try Synthesizer(settings: french, workerExecutable: TestSupport.workerExecutable)
    defer { frenchWorker.close() }
    #expect(
      try british.synthesize(["Bonjour, Jean-Pierre."], as: french)
        == (try frenchWorker.synthesize(["Bonjour, Jean-Pierre."])))
    // The worker's own voice asked for by name is the plain request.
    #expect(try british.synthesize(texts, as: EngineSettings()) == (try british.synthesize(texts)))
  }

  @Test func aVoiceEspeakLacksFailsThatRequestOnly() throws {
    let synthesizer = try Synthesizer(settings: EngineSettings(), workerExecutable: TestSupport.workerExecutable)
    defer { synthesizer.close() }
    #expect(throws: SpeechError.self) { try synthesizer.synthesize(texts, as: EngineSettings(voice: "xx-nowhere")) }
    #expect(try synthesizer.synthesize(texts).pieces.count == 2)
  }
}
