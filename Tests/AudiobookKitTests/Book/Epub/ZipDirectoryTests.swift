import EpubTestSupport
import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookBook

@Suite struct ZipDirectoryTests {
  /// A zip with one stored and one deflated entry, and a folder.
  static func writeZip(_ path: String, text: Data) throws {
    var zip = ZipWriter()
    try zip.addFile("stored.txt", text, method: .stored)
    try zip.addFile("OEBPS/deflated.xhtml", text, method: .deflated)
    try zip.addFolder("OEBPS/")
    try zip.bytes.write(to: URL(fileURLWithPath: path))
  }

  static func withDirectory(_ path: String, _ body: (ZipDirectory) throws -> Void) throws {
    let descriptor = open(path, O_RDONLY)
    defer { close(descriptor) }
    try body(try ZipDirectory(descriptor: descriptor))
  }

  @Test func readsStoredAndDeflatedEntriesAndLeavesFoldersOut() throws {
    try TestSupport.withScratchFolder { folder in
      let path = folder.appendingPathComponent("book.zip").path
      let text = Data(String(repeating: "It was a dark and stormy night. ", count: 2_000).utf8)
      try Self.writeZip(path, text: text)
      try Self.withDirectory(path) { zip in
        #expect(Set(zip.entries.keys) == ["stored.txt", "OEBPS/deflated.xhtml"])
        for entry in zip.entries.values {
          #expect(try zip.data(of: entry, limit: 1 << 20) == text)
        }
        let deflated = try #require(zip.entries["OEBPS/deflated.xhtml"])
        #expect(throws: ZipDirectory.LimitPassed.self) { try zip.data(of: deflated, limit: text.count - 1) }
      }
    }
  }

  /// A deflate stream that announces a stored block of 65,535 bytes and stops after 10 never
  /// ends: ZIPFoundation reads past the entry for ever; here it is damage, at once.
  @Test func aDeflateStreamThatNeverEndsIsDamage() throws {
    try TestSupport.withScratchFolder { folder in
      var zip: [UInt8] = []
      func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) } }
      let name = Array("META-INF/container.xml".utf8)
      let data: [UInt8] = [0x00, 0xFF, 0xFF, 0x00, 0x00] + Array("<container".utf8)
      func local() {
        zip += le32(UInt32(0x0403_4b50))
        zip += [20, 0, 0, 0, 8, 0, 0, 0, 0, 0]
        zip += le32(UInt32(0))
        zip += le32(UInt32(data.count))
        zip += le32(UInt32(10))
        zip += [UInt8(name.count), 0, 0, 0]
        zip += name
        zip += data
      }
      local()
      let directoryOffset = zip.count
      zip += le32(UInt32(0x0201_4b50))
      zip += [20, 0, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0]
      zip += le32(UInt32(0))
      zip += le32(UInt32(data.count))
      zip += le32(UInt32(10))
      zip += [UInt8(name.count), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
      zip += le32(UInt32(0))
      zip += name
      let directorySize = zip.count - directoryOffset
      zip += le32(UInt32(0x0605_4b50))
      zip += [0, 0, 0, 0, 1, 0, 1, 0]
      zip += le32(UInt32(directorySize))
      zip += le32(UInt32(directoryOffset))
      zip += [0, 0]
      let path = folder.appendingPathComponent("cut.epub").path
      try Data(zip).write(to: URL(fileURLWithPath: path))
      try Self.withDirectory(path) { zip in
        let entry = try #require(zip.entries["META-INF/container.xml"])
        #expect(throws: ZipDirectory.Damage.self) { try zip.data(of: entry, limit: 1 << 20) }
      }
    }
  }

  @Test func aChecksumThatDoesNotMatchIsDamage() throws {
    try TestSupport.withScratchFolder { folder in
      let path = folder.appendingPathComponent("book.zip").path
      try Self.writeZip(path, text: Data("Hello, reader.".utf8))
      var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
      let at = try #require(bytes.range(of: Data("Hello, reader.".utf8)))
      bytes[at.lowerBound] = UInt8(ascii: "J")
      try bytes.write(to: URL(fileURLWithPath: path))
      try Self.withDirectory(path) { zip in
        let entry = try #require(zip.entries["stored.txt"])
        #expect(throws: ZipDirectory.Damage.self) { try zip.data(of: entry, limit: 1 << 20) }
      }
    }
  }

  @Test func notAZipHasNoDirectory() throws {
    try TestSupport.withScratchFolder { folder in
      let path = try TestSupport.write("Chapter 1\n\nJust text.\n", to: "plain.epub", in: folder)
      let descriptor = open(path, O_RDONLY)
      defer { close(descriptor) }
      #expect(throws: ZipDirectory.Damage.self) { _ = try ZipDirectory(descriptor: descriptor) }
    }
  }
}
