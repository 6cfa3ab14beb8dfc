import Foundation
import Testing

@testable import AudiobookSpeech

@Suite struct VoiceLibraryLanguageTests {
  /// Only the built-in presets: no `./Voices` or config folder in the way.
  func library(in folder: URL) -> VoiceLibrary {
    VoiceLibrary(currentDirectory: folder.path, environment: ["XDG_CONFIG_HOME": folder.path])
  }

  @Test func aBookInTheDefaultPresetsLanguageKeepsIt() throws {
    try TestSupport.withScratchFolder { folder in
      let narrator = try library(in: folder).preset(named: "narrator")
      for language in [nil, "", "en", "en-US", "EN_gb", "und"] {
        let (preset, warning) = try library(in: folder).defaultPreset(forLanguage: language)
        #expect(preset == narrator, "\(language ?? "nil")")
        #expect(warning == nil)
      }
    }
  }

  @Test func anotherLanguageSwitchesOnlyTheEspeakVoice() throws {
    try TestSupport.withScratchFolder { folder in
      let narrator = try library(in: folder).preset(named: "narrator")
      let (french, warning) = try library(in: folder).defaultPreset(forLanguage: "fr")
      #expect(warning == nil)
      #expect(french.engine.voice == "roa/fr")
      #expect(french.name == "narrator (fr-fr)")
      #expect(french.pauses == narrator.pauses)
      #expect(french.engine.rate == narrator.engine.rate)
      // A region espeak-ng has a voice for is used; one it lacks falls back to the language.
      #expect(try library(in: folder).defaultPreset(forLanguage: "fr-BE").preset.engine.voice == "roa/fr-BE")
      #expect(try library(in: folder).defaultPreset(forLanguage: "fr-CA").preset.engine.voice == "roa/fr")
    }
  }

  @Test func aLanguageWithoutAVoiceKeepsTheDefaultWithAWarning() throws {
    try TestSupport.withScratchFolder { folder in
      let (preset, warning) = try library(in: folder).defaultPreset(forLanguage: "tlh")
      #expect(preset.name == "narrator")
      #expect(warning?.contains("'tlh'") ?? false)
    }
  }

  /// A preset made for the language wins: `narrator-fr-ca`, then `narrator-fr`.
  @Test func aPresetNamedForTheLanguageIsTakenAsItIs() throws {
    try TestSupport.withScratchFolder { folder in
      let voices = folder.appendingPathComponent("Voices")
      try FileManager.default.createDirectory(at: voices, withIntermediateDirectories: true)
      try Data("voice: fr\nrate: 150\n".utf8).write(to: voices.appendingPathComponent("narrator-fr.yaml"))
      let (preset, warning) = try library(in: folder).defaultPreset(forLanguage: "fr-CA")
      #expect(warning == nil)
      #expect(preset.name == "narrator-fr")
      #expect(preset.engine.rate == 150)
      #expect(try library(in: folder).defaultPreset(forLanguage: "de").preset.name == "narrator (de)")
    }
  }
}
