import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A zip file built in memory, as an EPUB needs one: entries stored or deflated, in the order
/// they are added, each with its local header (sizes and CRC-32 in it, no data descriptor), then
/// the central directory. No ZIP64, no extra fields, no comments; every entry has one fixed
/// modification time, so the same entries make the same bytes.
public struct ZipWriter {
  public enum Method: UInt16, Sendable {
    case stored = 0
    case deflated = 8
  }

  /// 2020-09-13 12:26:40 as MS-DOS time and date.
  static let modifiedTime = UInt16(12 << 11 | 26 << 5 | 40 / 2)
  static let modifiedDate = UInt16((2020 - 1980) << 9 | 9 << 5 | 13)

  private var entries = Data()
  private var directory = Data()
  private var count = 0

  public init() {}

  /// Adds the file `path` holding `data`.
  public mutating func addFile(_ path: String, _ data: Data, method: Method = .deflated) throws {
    let contents = method == .stored ? data : try Zlib.deflated(data)
    try add(
      path, contents, method: method, crc32: try Zlib.crc32(data), size: data.count,
      mode: 0o100644, dosAttributes: 0)
  }

  /// Adds a folder entry: `path` ends with `/`.
  public mutating func addFolder(_ path: String) throws {
    precondition(path.hasSuffix("/"), "a folder entry's path ends with /")
    try add(path, Data(), method: .stored, crc32: 0, size: 0, mode: 0o040755, dosAttributes: 0x10)
  }

  /// The whole zip file: the entries, the central directory and its end record.
  public var bytes: Data {
    var zip = entries
    zip += directory
    zip += Self.uint32(0x0605_4b50)
    zip += Self.uint16(0) + Self.uint16(0)  // this disk, the directory's disk
    zip += Self.uint16(UInt16(count)) + Self.uint16(UInt16(count))
    zip += Self.uint32(UInt32(directory.count))
    zip += Self.uint32(UInt32(entries.count))
    zip += Self.uint16(0)  // comment length
    return zip
  }

  private mutating func add(
    _ path: String, _ contents: Data, method: Method, crc32: UInt32, size: Int, mode: UInt32, dosAttributes: UInt32
  ) throws {
    let name = Data(path.utf8)
    guard count < 0xFFFF, size < 0xFFFF_FFFF, contents.count < 0xFFFF_FFFF,
      entries.count + 30 + name.count + contents.count < 0xFFFF_FFFF
    else { throw ZipWriterError(message: "'\(path)' would need ZIP64") }
    // Version needed 2.0, no flags, method, time, date, CRC-32, sizes, name length, no extra field.
    let common =
      Self.uint16(20) + Self.uint16(0) + Self.uint16(method.rawValue) + Self.uint16(Self.modifiedTime)
      + Self.uint16(Self.modifiedDate) + Self.uint32(crc32) + Self.uint32(UInt32(contents.count))
      + Self.uint32(UInt32(size)) + Self.uint16(UInt16(name.count)) + Self.uint16(0)
    let offset = UInt32(entries.count)
    entries += Self.uint32(0x0403_4b50) + common + name
    entries += contents
    // Made by Unix (3) with version 3.0; no comment, disk 0, no internal attributes; the Unix
    // mode in the high half of the external attributes.
    directory += Self.uint32(0x0201_4b50) + Self.uint16(3 << 8 | 30) + common
    directory += Self.uint16(0) + Self.uint16(0) + Self.uint16(0) + Self.uint32(mode << 16 | dosAttributes)
    directory += Self.uint32(offset) + name
    count += 1
  }

  private static func uint16(_ value: UInt16) -> Data { Data([UInt8(value & 0xFF), UInt8(value >> 8)]) }
  private static func uint32(_ value: UInt32) -> Data {
    Data((0..<4).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) })
  }
}

public struct ZipWriterError: Error, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}

/// zlib's `compress2` and `crc32`, looked up in `libz.so.1` (which the test binaries load
/// already: CLinux links it) because this target has no C module of its own.
enum Zlib {
  private typealias Compress2 =
    @convention(c) (
      UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<UInt>?, UnsafePointer<UInt8>?, UInt, Int32
    ) -> Int32
  private typealias CompressBound = @convention(c) (UInt) -> UInt
  private typealias CRC32 = @convention(c) (UInt, UnsafePointer<UInt8>?, UInt32) -> UInt

  private struct Functions: @unchecked Sendable {
    let compress2: Compress2
    let compressBound: CompressBound
    let crc32: CRC32
  }

  private static let functions: Result<Functions, ZipWriterError> = {
    guard let library = dlopen("libz.so.1", RTLD_NOW) else {
      return .failure(ZipWriterError(message: "cannot load zlib: \(String(cString: dlerror()))"))
    }
    func function<T>(_ name: String, as type: T.Type) -> T? {
      dlsym(library, name).map { unsafeBitCast($0, to: type) }
    }
    guard let compress2 = function("compress2", as: Compress2.self),
      let compressBound = function("compressBound", as: CompressBound.self),
      let crc32 = function("crc32", as: CRC32.self)
    else { return .failure(ZipWriterError(message: "zlib lacks compress2, compressBound or crc32")) }
    return .success(Functions(compress2: compress2, compressBound: compressBound, crc32: crc32))
  }()

  /// `data` as a raw deflate stream, as a zip entry holds it: `compress2` at the default level
  /// writes a zlib stream, which is a 2-byte header (no preset dictionary), the deflate stream
  /// and a 4-byte Adler-32.
  static func deflated(_ data: Data) throws -> Data {
    let zlib = try functions.get()
    var output = [UInt8](repeating: 0, count: Int(zlib.compressBound(UInt(data.count))))
    var length = UInt(output.count)
    let status = data.withUnsafeBytes { input in
      zlib.compress2(&output, &length, input.bindMemory(to: UInt8.self).baseAddress, UInt(data.count), -1)
    }
    guard status == 0, length >= 6 else { throw ZipWriterError(message: "compress2 failed: \(status)") }
    return Data(output[2..<Int(length) - 4])
  }

  /// The CRC-32 of `data`, as a zip entry records it.
  static func crc32(_ data: Data) throws -> UInt32 {
    let zlib = try functions.get()
    return data.withUnsafeBytes { raw in
      guard var bytes = raw.bindMemory(to: UInt8.self).baseAddress else { return 0 }
      var crc: UInt = 0
      var left = raw.count
      while left > 0 {
        let chunk = min(left, 1 << 30)
        crc = zlib.crc32(crc, bytes, UInt32(chunk))
        bytes += chunk
        left -= chunk
      }
      return UInt32(truncatingIfNeeded: crc)
    }
  }
}
