import Testing

@testable import AudiobookCore
@testable import AudiobookSpeech

@Suite struct EspeakVariantsTests {
  private func preset(_ yaml: String, variants: [String]?) throws(AudiobookError) -> VoicePreset {
    try VoicePreset(yaml: yaml, name: "p", file: "Voices/p.yaml", source: .builtIn, variants: variants)
  }

  @Test func aVariantMustBeInstalled() throws {
    let installed = ["Alex", "f2", "klatt", "m1", "m3", "whisper"]
    #expect(try preset("voice: en-gb\nvariant: m3\n", variants: installed).engine.variant == "m3")
    #expect(try preset("voice: en-gb\nvariant: \"\"\n", variants: installed).engine.variant == "")
    let error = #expect(throws: AudiobookError.self) {
      try preset("voice: en-gb\nrate: 170\nvariant: nosuchvariant\n", variants: installed)
    }
    #expect(error?.kind == .badInput)
    #expect(error?.file == "Voices/p.yaml")
    #expect(error?.line == 3)
    #expect(
      error?.message.hasPrefix(
        "variant 'nosuchvariant' is not an installed espeak-ng variant; try 'm1', 'm3', 'f2', 'klatt', 'whisper'")
        ?? false, "\(error?.message ?? "")")
    let near = #expect(throws: AudiobookError.self) { try preset("voice: en-gb\nvariant: m33\n", variants: installed) }
    #expect(near?.message.contains("try 'm3', 'm1'") ?? false, "\(near?.message ?? "")")
    let path = #expect(throws: AudiobookError.self) {
      try preset("voice: en-gb\nvariant: ../../etc/passwd\n", variants: installed)
    }
    #expect(path?.message.contains("'../../etc/passwd'") ?? false)
  }

  /// Without espeak-ng's list nothing can be checked; the render reports espeak-ng instead.
  @Test func withoutAListAnyVariantPasses() throws {
    #expect(try preset("voice: en-gb\nvariant: anything\n", variants: nil).engine.variant == "anything")
  }

  @Test func theInstalledListHasTheClassicVariants() throws {
    let installed = try #require(EspeakVariants.installed)
    #expect(installed.contains("m3") && installed.contains("f2"))
    #expect(installed == installed.sorted())
  }
}
