import Foundation

/// The JSON every output of this tool uses: pretty, keys sorted, a final newline, so the same
/// value always gives the same bytes.
public enum StableJSON {
  public static func encode(_ value: some Encodable) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return Array(try encoder.encode(value)) + [0x0A]
  }
}
