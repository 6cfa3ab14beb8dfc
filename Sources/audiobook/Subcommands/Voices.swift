import ArgumentParser
import AudiobookKit
import Foundation

extension AudiobookCommand {
  struct Voices: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the voice presets (and where each comes from) and the installed espeak-ng voices.")

    @OptionGroup var voiceFolder: VoiceFolderOptions

    @Flag(help: "Print JSON: presets[] and espeakVoices[].")
    var json = false

    struct Listing: Encodable {
      struct Preset: Encodable {
        var name, description, source, voice, variant: String
        var rate: Int
      }
      struct EspeakVoice: Encodable {
        var language, identifier, name: String
      }
      var presets: [Preset]
      var espeakVoices: [EspeakVoice]
    }

    func run() throws {
      try Diagnostics.run {
        let library = voiceFolder.library
        let listing = Listing(
          presets: try library.allPresets().map {
            .init(
              name: $0.name, description: $0.description, source: $0.source.description, voice: $0.engine.voice,
              variant: $0.engine.variant, rate: $0.engine.rate)
          },
          espeakVoices: EspeakVoices.installed().map {
            .init(language: $0.primaryLanguage, identifier: $0.identifier, name: $0.name)
          })
        if json {
          StandardOutput.write((try? StableJSON.encode(listing)) ?? [])
          return
        }
        // Names and descriptions come from preset files: no control character reaches the terminal.
        func column(_ text: String, _ width: Int) -> String {
          text.withoutControlCharacters.padding(toLength: width, withPad: " ", startingAt: 0)
        }
        print(
          "Presets (search order: \(library.directories.joined(separator: ", ").withoutControlCharacters), built-in):")
        for preset in listing.presets {
          let voice = preset.variant.isEmpty ? preset.voice : "\(preset.voice)+\(preset.variant)"
          print(
            "  \(column(preset.name, 14)) \(column(voice, 12)) \(preset.rate) wpm  "
              + "\(preset.description.withoutControlCharacters)  [\(preset.source.withoutControlCharacters)]")
        }
        print("espeak-ng voices (use the language code with --voice or in a preset):")
        for voice in listing.espeakVoices {
          print(
            "  \(column(voice.language, 16)) \(column(voice.identifier, 22)) \(voice.name.withoutControlCharacters)")
        }
      }
    }
  }
}
