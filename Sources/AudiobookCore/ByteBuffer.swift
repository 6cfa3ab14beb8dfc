/// Little-endian encoding of integers, strings and samples into bytes, for the worker pipe and
/// the clip cache's entry headers.
package struct ByteWriter {
  package init() {}

  package private(set) var bytes: [UInt8] = []

  package mutating func reserve(_ count: Int) { bytes.reserveCapacity(count) }

  package mutating func append(_ value: UInt8) { bytes.append(value) }

  package mutating func append(_ value: UInt32) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  package mutating func append(_ value: UInt64) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  package mutating func append(_ string: String) {
    append(UInt32(string.utf8.count))
    bytes.append(contentsOf: string.utf8)
  }

  package mutating func append(samples: [Int16]) {
    append(UInt32(samples.count))
    samples.withUnsafeBufferPointer { buffer in
      // Int16 is little-endian on every platform Swift runs this tool on (x86_64, arm64).
      bytes.append(contentsOf: UnsafeRawBufferPointer(buffer))
    }
  }
}

/// Reads what `ByteWriter` wrote; every read fails softly (nil) on truncated input.
package struct ByteReader {
  private let bytes: ArraySlice<UInt8>
  private var offset: Int

  package init(_ bytes: ArraySlice<UInt8>) {
    self.bytes = bytes
    offset = bytes.startIndex
  }

  package init(_ bytes: [UInt8]) { self.init(bytes[...]) }

  package var isAtEnd: Bool { offset == bytes.endIndex }

  package mutating func uint8() -> UInt8? {
    guard offset < bytes.endIndex else { return nil }
    defer { offset += 1 }
    return bytes[offset]
  }

  package mutating func uint32() -> UInt32? {
    guard offset + 4 <= bytes.endIndex else { return nil }
    defer { offset += 4 }
    return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
      | UInt32(bytes[offset + 3]) << 24
  }

  package mutating func uint64() -> UInt64? {
    guard let low = uint32(), let high = uint32() else { return nil }
    return UInt64(low) | UInt64(high) << 32
  }

  package mutating func string() -> String? {
    guard let count = uint32().map(Int.init), offset + count <= bytes.endIndex else { return nil }
    defer { offset += count }
    return String(decoding: bytes[offset..<offset + count], as: UTF8.self)
  }

  package mutating func samples() -> [Int16]? {
    guard let count = uint32().map(Int.init), offset + count * 2 <= bytes.endIndex else { return nil }
    let start = offset
    offset += count * 2
    return [Int16](unsafeUninitializedCapacity: count) { buffer, initialized in
      bytes[start..<(start + count * 2)].withUnsafeBytes { raw in
        UnsafeMutableRawBufferPointer(buffer).copyMemory(from: raw)
      }
      initialized = count
    }
  }
}
