/// Lowercase hexadecimal digits of bytes (`String(format:)` is slow enough to matter here:
/// every paragraph of a book gets a key).
package enum Hex {
  private static let digits = Array("0123456789abcdef".utf8)

  package static func string(_ bytes: some Sequence<UInt8>) -> String {
    var characters: [UInt8] = []
    for byte in bytes {
      characters.append(digits[Int(byte >> 4)])
      characters.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: characters, as: UTF8.self)
  }
}
