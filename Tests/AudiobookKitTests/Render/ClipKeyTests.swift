import Testing

@testable import AudiobookSpeech
@testable import AudiobookKit

@Suite struct ClipKeyTests {
  let engine = EngineInfo(version: "1.51", dataPath: "/usr/share/espeak-ng-data", sampleRate: 22_050)

  func key(_ pieces: [String] = ["Hello."], settings: EngineSettings = EngineSettings(), engine: EngineInfo? = nil)
    -> ClipKey
  {
    ClipKey(pieces: pieces, settings: settings, engine: engine ?? self.engine)
  }

  /// SHA-256 in lowercase hex, the same for the same inputs, and its own description.
  @Test func aKeyIsAStableSHA256() {
    let hex = key().hex
    #expect(hex.count == 64)
    #expect(hex.allSatisfy { $0.isHexDigit && !$0.isUppercase })
    #expect(key().hex == hex)
    #expect(key().description == hex)
  }

  /// Every espeak-ng setting and the rate of the engine's audio are part of the key; the
  /// fields are separated, so text cannot slide from one piece into the next.
  @Test func settingsRatesAndPieceBoundariesChangeTheKey() {
    var engine = self.engine
    engine.sampleRate = 16_000
    let keys = [
      key(), key(settings: EngineSettings(voice: "en-us")), key(settings: EngineSettings(pitch: 51)),
      key(settings: EngineSettings(range: 49)), key(settings: EngineSettings(volume: 90)),
      key(settings: EngineSettings(wordGap: 1)), key(engine: engine), key(["Hel", "lo."]), key(["Hello.", ""]),
      key(["He", "llo."]), key([]),
    ]
    #expect(Set(keys).count == keys.count)
    // The voice and its variant are one name to espeak-ng, and so one field.
    #expect(
      key(settings: EngineSettings(voice: "en-gb", variant: "m3"))
        == key(settings: EngineSettings(voice: "en-gb+m3", variant: "")))
  }

  /// A key read back from a file name must be 64 hex digits.
  @Test func aKeyFromHexIsChecked() throws {
    let hex = key().hex
    #expect(ClipKey(hex: hex) == key())
    for bad in ["", String(hex.dropLast()), hex + "0", String(hex.dropLast()) + "g", "../" + String(hex.dropFirst(3))] {
      #expect(ClipKey(hex: bad) == nil, "\(bad)")
    }
  }
}
