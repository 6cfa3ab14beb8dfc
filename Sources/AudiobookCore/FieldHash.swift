import Crypto

/// SHA-256 (hex) of a list of text fields, each followed by a NUL, which no field contains, so
/// fields cannot run together: the content hashes that decide whether a file is rewritten.
package enum FieldHash {
  package static func hex(_ fields: [String]) -> String {
    var hasher = SHA256()
    for field in fields {
      hasher.update(data: Array(field.utf8))
      hasher.update(data: [0])
    }
    return Hex.string(hasher.finalize())
  }
}
