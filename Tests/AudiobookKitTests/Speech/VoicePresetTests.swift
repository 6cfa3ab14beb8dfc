import Testing

@testable import AudiobookCore
@testable import AudiobookSpeech

@Suite struct VoicePresetTests {
  @Test func missingKeysKeepTheDefaults() throws {
    let preset = try VoicePreset(
      yaml: "voice: en-us\nrate: 200\npauses:\n  sentence: 250\n", name: "quick", file: "q.yaml", source: .builtIn)
    #expect(preset.engine.voice == "en-us")
    #expect(preset.engine.rate == 200)
    #expect(preset.engine.pitch == EngineSettings().pitch)
    #expect(preset.pauses.sentence == 250)
    #expect(preset.pauses.paragraph == Pauses().paragraph)
  }

  @Test func badValueNamesKeyAndLine() {
    let error = #expect(throws: AudiobookError.self) {
      try VoicePreset(yaml: "voice: en-gb\n\nrate: fast\n", name: "bad", file: "bad.yaml", source: .builtIn)
    }
    #expect(error?.kind == .badInput)
    #expect(error?.file == "bad.yaml")
    #expect(error?.line == 3)
    #expect(error?.message.contains("'rate'") == true)
    #expect(error?.message.contains("'fast'") == true)
  }

  @Test func outOfRangeAndUnknownKeys() {
    let range = #expect(throws: AudiobookError.self) {
      try VoicePreset(yaml: "pitch: 300", name: "x", file: "x.yaml", source: .builtIn)
    }
    #expect(range?.message.contains("'pitch'") == true)
    let unknown = #expect(throws: AudiobookError.self) {
      try VoicePreset(yaml: "pauses:\n  sentance: 100", name: "x", file: "x.yaml", source: .builtIn)
    }
    #expect(unknown?.message.contains("'pauses.sentance'") == true)
    #expect(unknown?.line == 2)
  }

  @Test func invalidYAMLIsBadInput() {
    let error = #expect(throws: AudiobookError.self) {
      try VoicePreset(yaml: "voice: [en", name: "x", file: "x.yaml", source: .builtIn)
    }
    #expect(error?.kind == .badInput)
    #expect(error?.file == "x.yaml")
  }
}
