import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookSpeech

@Suite struct VoiceLibraryTests {
  /// The presets compiled into the executable are exactly the repository's `Voices/` files.
  @Test func builtInPresetsAreTheVoicesFolder() throws {
    let folder = TestSupport.repository.appendingPathComponent("Voices")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
    #expect(Set(files.map { String($0.dropLast(5)) }) == Set(BuiltInVoices.files.keys))
    for file in files {
      let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(file)))
      #expect(BuiltInVoices.files[String(file.dropLast(5))] == bytes, "\(file) differs from its built-in copy")
      _ = try VoicePreset(yaml: String(decoding: bytes, as: UTF8.self), name: file, file: file, source: .builtIn)
    }
  }

  @Test func searchOrderExplicitThenVoicesThenConfigThenBuiltIn() throws {
    try TestSupport.withScratchFolder { root in
      let explicit = root.appendingPathComponent("explicit")
      let project = root.appendingPathComponent("project/Voices")
      let config = root.appendingPathComponent("config/audiobook/voices")
      for folder in [explicit, project, config] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      }
      try TestSupport.write("rate: 100", to: "narrator.yaml", in: config)
      try TestSupport.write("rate: 110", to: "narrator.yaml", in: project)
      try TestSupport.write("rate: 120", to: "mine.yaml", in: config)
      let library = VoiceLibrary(
        explicitDirectory: explicit.path, currentDirectory: root.appendingPathComponent("project").path,
        environment: ["XDG_CONFIG_HOME": root.appendingPathComponent("config").path])
      #expect(try library.preset(named: "narrator").engine.rate == 110)
      #expect(try library.preset(named: "mine").engine.rate == 120)
      #expect(try library.preset(named: "draft").source == .builtIn)
      try TestSupport.write("rate: 130", to: "narrator.yaml", in: explicit)
      #expect(try library.preset(named: "narrator").engine.rate == 130)
      #expect(try library.allPresets().map(\.name).contains("mine"))
    }
  }

  @Test func builtInPresetsWorkFromAnyFolder() throws {
    try TestSupport.withScratchFolder { root in
      let library = VoiceLibrary(currentDirectory: root.path, environment: ["HOME": root.path])
      let narrator = try library.preset(named: "narrator")
      #expect(narrator.source == .builtIn)
      #expect(narrator.engine.voice == "en-gb")
    }
  }

  @Test func anInstalledEspeakVoiceWorksWithoutAPreset() throws {
    let preset = try VoiceLibrary().preset(named: "en-us")
    #expect(preset.source == .espeakVoice)
    #expect(preset.engine.voice.isEmpty == false)
  }

  @Test func unknownVoiceSuggestsTheClosestNames() {
    let error = #expect(throws: AudiobookError.self) { try VoiceLibrary().preset(named: "narator") }
    #expect(error?.kind == .usage)
    #expect(error?.message.contains("did you mean 'narrator'") == true)
  }
}
