import Foundation
import SystemPackage
import Testing

@testable import AudiobookCore
@testable import AudiobookText
@testable import AudiobookSpeech

/// Text that aborts espeak-ng 1.51, as the speech text gives it and as it stands; and what the
/// worker says when a child crashes.
@Suite struct SynthesisCrashTests {
  /// Runs measured to abort espeak-ng 1.51 (Debian 12) when given whole: chained suffixes
  /// (`end_phonemes` overflows) and single letters with stops (`CheckDottedAbbrev`).
  static let crashingRuns = [
    String(repeating: "s'", count: 5000), String(repeating: "s'", count: 70), String(repeating: "ness", count: 70),
    String(repeating: "a.", count: 100), String(repeating: "a . ", count: 100), String(repeating: "𝐀.", count: 40),
    String(repeating: "a.a., ", count: 50),
  ]

  @Test(arguments: crashingRuns)
  func theSpeechTextOfACrashingRunIsSpoken(run: String) throws {
    let synthesizer = try Synthesizer(settings: EngineSettings(), workerExecutable: TestSupport.workerExecutable)
    defer { synthesizer.close() }
    if synthesizer.info.version.hasPrefix("1.51") {
      // The run as written does abort this espeak-ng: the test is worth its salt.
      let error = #expect(throws: SpeechError.self) { try synthesizer.synthesize([run]) }
      guard case .workerCrashed = error else {
        Issue.record("expected a crash, got \(String(describing: error))")
        return
      }
    }
    let pieces = SpeechText.pieces(of: "Before \(run) after.")
    let clip = try synthesizer.synthesize(pieces)
    #expect(clip.frames > synthesizer.info.sampleRate)
  }

  @Test func aCrashIsOneLineWithWhatTheChildSaid() throws {
    let synthesizer = try Synthesizer(settings: EngineSettings(), workerExecutable: TestSupport.workerExecutable)
    defer { synthesizer.close() }
    let error = #expect(throws: SpeechError.self) { try synthesizer.synthesize([String(repeating: "s'", count: 80)]) }
    #expect(error == .workerCrashed("espeak-ng crashed (signal 6: Aborted; buffer overflow detected)"))
    // The worker lives on.
    #expect(try synthesizer.synthesize(["The lamp is lit."]).frames > 0)
  }

  /// The worker run by hand, its stderr a pipe: a crashing child writes nothing there.
  @Test func aCrashingChildWritesNothingOnTheWorkersStderr() throws {
    let worker = Process()
    worker.executableURL = URL(fileURLWithPath: TestSupport.workerExecutable)
    worker.arguments = ["synthesis-worker"]
    let (input, output, errors) = (Pipe(), Pipe(), Pipe())
    worker.standardInput = input
    worker.standardOutput = output
    worker.standardError = errors
    try worker.run()
    let send = FileDescriptor(rawValue: input.fileHandleForWriting.fileDescriptor)
    let receive = FileDescriptor(rawValue: output.fileHandleForReading.fileDescriptor)
    try send.writeMessage(Array(try JSONEncoder().encode(EngineSettings())))
    #expect(try receive.readMessage()?.first == SynthesisWorker.Status.ok.rawValue)
    var request = ByteWriter()
    request.append(SynthesisWorker.Request.synthesize.rawValue)
    request.append(UInt32(1))
    request.append(String(repeating: "a.", count: 100))
    try send.writeMessage(request.bytes)
    let reply = try receive.readMessage() ?? []
    #expect(reply.first == SynthesisWorker.Status.failed.rawValue)
    let error = try #require(SpeechError(encoded: reply.dropFirst()))
    guard case .workerCrashed(let message) = error else {
      Issue.record("expected a crash, got \(error)")
      return
    }
    #expect(message.hasPrefix("espeak-ng crashed (signal 6"))
    try send.writeMessage([])
    let said = errors.fileHandleForReading.readDataToEndOfFile()
    worker.waitUntilExit()
    #expect(worker.terminationStatus == 0)
    #expect(String(decoding: said, as: UTF8.self) == "")
  }

  @Test func theChildsLastWordsAreTidiedToOneLine() {
    #expect(ChildErrors.tidied("*** buffer overflow detected ***: terminated\n") == "buffer overflow detected")
    #expect(ChildErrors.tidied("\n\nstack smashing detected\nmore\n") == "stack smashing detected")
    #expect(ChildErrors.tidied("\u{1B}[31mred\u{1B}[0m") == "[31mred[0m")
    #expect(ChildErrors.tidied(String(repeating: "x", count: 500))?.count == ChildErrors.longestLine + 3)
    #expect(ChildErrors.tidied("***\n  \n") == nil)
  }
}
