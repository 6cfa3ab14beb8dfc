import Testing

@testable import AudiobookCore

@Suite struct XXH64Tests {
  /// Reference values from the xxHash project (`xxhsum -H1`, Debian package xxhash), covering the short path, the
  /// 4-byte and 8-byte tails and the 32-byte stripes.
  @Test(arguments: [
    ("", UInt64(0xEF46_DB37_51D8_E999)),
    ("a", 0xD24E_C4F1_A98C_6E5B),
    ("abc", 0x44BC_2CF5_AD77_0999),
    ("message digest", 0x066E_D728_FCEE_B3BE),
    ("abcdefghijklmnopqrstuvwxyz", 0xCFE1_F278_FA89_835C),
    ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 0xAAA4_6907_D304_7814),
    (
      "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
      0xE04A_477F_19EE_145D
    ),
  ])
  func matchesTheReference(text: String, expected: UInt64) {
    #expect(XXH64.hash(Array(text.utf8)) == expected)
  }

  @Test func everyByteCounts() {
    let bytes = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 37) }
    let whole = XXH64.hash(bytes)
    for index in [0, 31, 32, 500, 996, 999] {
      var flipped = bytes
      flipped[index] ^= 1
      #expect(XXH64.hash(flipped) != whole)
    }
    #expect(XXH64.hash(bytes.dropLast()) != whole)
    #expect(XXH64.hash(bytes[...]) == whole)
  }
}
