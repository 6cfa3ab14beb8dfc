import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookSpeech

/// What this process knows of espeak-ng without initializing it, and what a worker reports
/// when espeak-ng cannot start.
@Suite struct EspeakVoicesTests {
  @Test func theDataFolderTellsWhatAWorkerReports() throws {
    let info = try EspeakVoices.info()
    let synthesizer = try Synthesizer(settings: EngineSettings(), workerExecutable: TestSupport.workerExecutable)
    defer { synthesizer.close() }
    #expect(info == synthesizer.info)
    #expect(info.sampleRate == 22_050)
    #expect(!info.version.isEmpty && !info.dataPath.isEmpty)
  }

  @Test func theVoicesAreListedFromTheDataFolder() {
    let voices = EspeakVoices.installed()
    #expect(voices.first(matching: "en-gb")?.identifier == "gmw/en")
    #expect(voices.first(matching: "fr")?.primaryLanguage == "fr-fr")
    #expect(voices.count > 50)
  }

  /// Only synthesis workers initialize espeak-ng; the render, `say` and the lexicon report
  /// (this test process) never do, though they list voices and find spelled words.
  @Test func thisProcessNeverInitializesEspeak() throws {
    _ = try EspeakVoices.info()
    _ = EspeakVoices.installed()
    _ = EspeakVariants.installed
    #expect(
      try SpelledWords.find(in: ["FBI"], settings: EngineSettings(), workerExecutable: TestSupport.workerExecutable)
        == ["FBI"])
    #expect(!EspeakEngine.isInitialized)
  }

  @Test func aFolderWithoutPhonemeDataIsNoEngine() throws {
    try TestSupport.withScratchFolder { folder in
      #expect(
        throws: SpeechError.engineUnavailable(
          "cannot read espeak-ng's data '\(folder.path)/phontab' (No such file or directory); "
            + "is espeak-ng-data installed?")
      ) { try EspeakVoices.sampleRate(dataPath: folder.path) }
      for name in EspeakVoices.phonemeFiles { try Data().write(to: folder.appendingPathComponent(name)) }
      #expect(
        throws: SpeechError.engineUnavailable(
          "espeak-ng's data '\(folder.path)/phondata' is too short; is espeak-ng-data installed?")
      ) { try EspeakVoices.sampleRate(dataPath: folder.path) }
    }
  }

  /// A copy of the data folder whose `phondata` claims another version: the worker's
  /// `espeak_ng_Initialize` refuses it, and the error carries espeak-ng's code and words.
  @Test func aWorkerThatCannotStartEspeakSaysWhyInEspeaksWords() throws {
    let dataPath = try EspeakVoices.info().dataPath
    try TestSupport.withScratchFolder { folder in
      for name in try FileManager.default.contentsOfDirectory(atPath: dataPath) where name != "phondata" {
        try FileManager.default.createSymbolicLink(
          atPath: folder.appendingPathComponent(name).path, withDestinationPath: "\(dataPath)/\(name)")
      }
      var phondata = try Data(contentsOf: URL(fileURLWithPath: "\(dataPath)/phondata"))
      phondata.replaceSubrange(0..<4, with: [0, 0, 0, 0])
      try phondata.write(to: folder.appendingPathComponent("phondata"))
      // This process sees a sound folder (the version is the worker's to check).
      #expect(try EspeakVoices.sampleRate(dataPath: folder.path) == 22_050)

      var environment = ProcessInfo.processInfo.environment
      environment["ESPEAK_DATA_PATH"] = folder.path
      let error = #expect(throws: SpeechError.self) {
        try Synthesizer(
          settings: EngineSettings(), workerExecutable: TestSupport.workerExecutable, environment: environment)
      }
      guard case .espeak(let failure) = error else {
        Issue.record("expected an espeak-ng error, got \(String(describing: error))")
        return
      }
      #expect(failure.function == "espeak_ng_Initialize")
      #expect(failure.status == 0x1000_02FF)  // ENS_VERSION_MISMATCH
      #expect(failure.message == "Wrong version of espeak-ng-data")
      #expect(failure.context?.hasPrefix("Wrong version of espeak-ng-data at '\(folder.path)' (expected 0x") == true)
      #expect("\(error!)".hasSuffix("got 0x0) (espeak-ng status 0x100002FF); is espeak-ng-data installed?"))
    }
  }
}
