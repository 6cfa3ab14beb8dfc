import Testing

@testable import AudiobookCore
@testable import AudiobookSpeech

/// How a `SpeechError` crosses the worker's pipe, and how it reads.
@Suite struct SpeechErrorTests {
  static let everyCase: [SpeechError] = [
    .engineUnavailable("cannot read espeak-ng's data"), .unknownVoice("xx+m3"), .synthesisFailed("malformed request"),
    .espeak(
      EspeakError(
        function: "espeak_ng_Initialize", status: 0x1000_02FF, message: "Wrong version of espeak-ng-data",
        context: "Wrong version of espeak-ng-data at '/x' (expected 0x14801, got 0x0)")),
    .espeak(EspeakError(function: "espeak_ng_Synthesize", status: 12, message: "Cannot allocate memory")),
    .workerCrashed("espeak-ng crashed (signal 6: Aborted)"), .workerFailed("the synthesis worker stopped"),
    .synthesisFailed(""), .unknownVoice("é 🎧"),
  ]

  @Test(arguments: everyCase)
  func eachCaseArrivesAsItself(error: SpeechError) {
    #expect(SpeechError(encoded: error.encoded[...]) == error)
  }

  @Test(arguments: everyCase)
  func aCutOrPaddedErrorIsNoError(error: SpeechError) {
    let bytes = error.encoded
    for length in 0..<bytes.count {
      #expect(SpeechError(encoded: bytes[..<length]) == nil, "cut at \(length)")
    }
    #expect(SpeechError(encoded: (bytes + [0])[...]) == nil)
  }

  @Test func anUnknownTagIsNoError() {
    var writer = ByteWriter()
    writer.append(UInt8(200))
    writer.append("text")
    #expect(SpeechError(encoded: writer.bytes[...]) == nil)
  }

  @Test func espeakErrorsSayTheCallTheirWordsAndTheCode() {
    #expect(
      "\(SpeechError.espeak(EspeakError(function: "espeak_ng_Synthesize", status: 0x1000_09FF, message: "The event buffer is full")))"
        == "espeak_ng_Synthesize failed: The event buffer is full (espeak-ng status 0x100009FF)")
    #expect(
      "\(SpeechError.espeak(EspeakError(function: "espeak_ng_Initialize", status: 2, message: "No such file or directory", context: "Error processing file '/x/phontab': No such file or directory")))"
        == "espeak_ng_Initialize failed: Error processing file '/x/phontab': No such file or directory "
        + "(espeak-ng status errno 2); is espeak-ng-data installed?")
    #expect(EspeakError(function: "f", status: 2, message: "").isErrno)
    #expect(!EspeakError(function: "f", status: 0x1000_06FF, message: "").isErrno)
  }
}
