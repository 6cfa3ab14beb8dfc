import Foundation
import Testing

/// `audiobook voices [--json]`: presets and installed espeak-ng voices.
@Suite struct VoicesCommandTests {
  struct Listing: Decodable {
    struct Preset: Decodable {
      var name, description, source, voice, variant: String
      var rate: Int
    }
    struct EspeakVoice: Decodable {
      var language, identifier, name: String
    }
    var presets: [Preset]
    var espeakVoices: [EspeakVoice]
  }

  private func listing(_ extra: [String] = [], in scratch: ScratchDirectory) throws -> Listing {
    let result = try Audiobook.run(["voices", "--json"] + extra, in: scratch.url)
    try #require(result.status == 0, "\(result.stderrText)")
    return try JSONDecoder().decode(Listing.self, from: result.stdout)
  }

  @Test func jsonListsTheNarratorPresetAndEnglishEspeakVoices() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let listing = try listing(in: scratch)
    let narrator = try #require(listing.presets.first { $0.name == "narrator" })
    // Run from an empty folder, so the preset compiled into the binary is the one found.
    #expect(narrator.source == "built-in")
    #expect(narrator.voice == "en-gb")
    #expect((80...450).contains(narrator.rate))
    #expect(!narrator.description.isEmpty)
    #expect(listing.presets.map(\.name) == listing.presets.map(\.name).sorted())

    let languages = Set(listing.espeakVoices.map(\.language))
    #expect(languages.contains("en-gb"))
    #expect(languages.contains("en-us"))
    #expect(listing.espeakVoices.count > 20)
    for voice in listing.espeakVoices {
      #expect(!voice.identifier.isEmpty && !voice.name.isEmpty, "\(voice.language)")
    }
  }

  @Test func aPresetFolderIsSearchedFirstAndNamedAsTheSource() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let custom = try scratch.write("description: Slow and low\nvoice: en-us\nrate: 120\n", to: "presets/slow.yaml")
    let shadow = try scratch.write("description: My narrator\nvoice: en-gb\nrate: 200\n", to: "presets/narrator.yaml")
    let listing = try listing(["--voices", scratch.appending("presets")], in: scratch)
    let slow = try #require(listing.presets.first { $0.name == "slow" })
    #expect(slow.source == custom)
    #expect(slow.voice == "en-us")
    #expect(slow.rate == 120)
    #expect(slow.description == "Slow and low")
    let narrator = try #require(listing.presets.first { $0.name == "narrator" })
    #expect(narrator.source == shadow)
    #expect(narrator.rate == 200)
    #expect(listing.presets.filter { $0.name == "narrator" }.count == 1)
  }

  @Test func textListingShowsPresetsAndVoices() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let result = try Audiobook.run(["voices"], in: scratch.url)
    #expect(result.status == 0, "\(result.stderrText)")
    let lines = result.stdoutLines
    #expect(lines.contains { $0.contains("narrator") && $0.contains("en-gb") && $0.contains("built-in") })
    #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("en-us ") })
  }
}
