import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookBook

@Suite struct CoverImageTests {
  /// A JPEG's head: SOI, an APP0 segment, then a baseline frame header of 640 × 480, 3 components.
  static let jpeg: [UInt8] =
    [0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0x4A, 0x46, 0xFF, 0xC0, 0, 17, 8, 0x01, 0xE0, 0x02, 0x80, 3]
    + [UInt8](repeating: 0, count: 9) + [0xFF, 0xD9]

  static func png(width: UInt8, height: UInt8, colourType: UInt8) -> [UInt8] {
    [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
      + [0, 0, 0, width, 0, 0, 0, height, 8, colourType, 0, 0, 0]
  }

  @Test func aJPEGsSizeComesFromItsFrameHeader() throws {
    let cover = try CoverImage(bytes: Self.jpeg, file: "c.jpg")
    #expect(cover.kind == .jpeg)
    #expect(cover.width == 640 && cover.height == 480 && cover.depth == 24)
    #expect(cover.kind.fileExtension == "jpg")
  }

  @Test func aPNGsSizeComesFromItsHeader() throws {
    let cover = try CoverImage(bytes: Self.png(width: 200, height: 100, colourType: 6), file: "c.png")
    #expect(cover.kind == .png)
    #expect(cover.width == 200 && cover.height == 100 && cover.depth == 32)
    #expect(cover.kind.mediaType == "image/png")
  }

  @Test func whatIsNotAnImageIsRefusedNamingTheFile() {
    for bytes in [
      Array("GIF89a".utf8), Array(Self.jpeg.prefix(8)), Array(Self.png(width: 1, height: 1, colourType: 2).prefix(20)),
      Self.png(width: 0, height: 5, colourType: 2), [],
    ] {
      let error = #expect(throws: AudiobookError.self) { try CoverImage(bytes: bytes, file: "c.img") }
      #expect(error?.kind == .badInput)
      #expect(error?.file == "c.img")
    }
  }

  @Test func aCoverOfImpossibleSizeIsRefused() {
    var png = Self.png(width: 1, height: 1, colourType: 2)
    for index in 16..<24 { png[index] = 0xFF }
    let error = #expect(throws: AudiobookError.self) { try CoverImage(bytes: png, file: "c.png") }
    #expect(error?.message.contains("at most 65535 pixels a side") == true)
  }

  /// A frame header whose segment lengths run in circles or past the end ends the search.
  @Test func aJPEGWithBrokenSegmentsIsRefused() {
    let looping: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 0xFF, 0xE0, 0, 0]
    #expect(throws: AudiobookError.self) { try CoverImage(bytes: looping, file: "c.jpg") }
    let long: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0xFF, 0xFF, 0xFF, 0xC0]
    #expect(throws: AudiobookError.self) { try CoverImage(bytes: long, file: "c.jpg") }
  }

  @Test func loadingRefusesFilesTooLargeAndThingsNotFiles() throws {
    let folder = NSTemporaryDirectory() + "cover-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let good = folder + "/c.jpg"
    try Data(Self.jpeg).write(to: URL(fileURLWithPath: good))
    #expect(try CoverImage.load(good).width == 640)
    let large = folder + "/large.jpg"
    try Data(Self.jpeg + [UInt8](repeating: 0, count: CoverImage.largest)).write(to: URL(fileURLWithPath: large))
    #expect((#expect(throws: AudiobookError.self) { try CoverImage.load(large) })?.kind == .badInput)
    try FileManager.default.createSymbolicLink(atPath: folder + "/link.jpg", withDestinationPath: good)
    #expect((#expect(throws: AudiobookError.self) { try CoverImage.load(folder + "/link.jpg") })?.kind == .badInput)
    #expect((#expect(throws: AudiobookError.self) { try CoverImage.load(folder) })?.kind == .badInput)
    #expect(
      (#expect(throws: AudiobookError.self) { try CoverImage.load(folder + "/missing.jpg") })?.kind == .missingInput)
  }
}
