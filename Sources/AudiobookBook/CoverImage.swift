import AudiobookCore
import Foundation

/// The book's cover: a JPEG or PNG image, checked and measured when read, embedded in every
/// published file and written beside them as `cover.jpg` (or `cover.png`).
///
/// Only the image's own header is read (its size and colour depth, which FLAC pictures
/// record); the pixels are never decoded, and the bytes are published as they are.
public struct CoverImage: Sendable, Equatable {
  public enum Kind: String, Sendable {
    case jpeg, png

    public var mediaType: String { "image/\(rawValue)" }
    /// `jpg` or `png`: the extension of the cover file beside the audio.
    public var fileExtension: String { self == .jpeg ? "jpg" : "png" }
  }

  public var bytes: [UInt8]
  public var kind: Kind
  public var width: Int
  public var height: Int
  /// Bits per pixel.
  public var depth: Int

  /// The largest cover accepted: stores ask for 3000 × 3000 JPEGs, a few MiB, and a FLAC
  /// picture block holds at most 16 MiB.
  public static let largest = 12 << 20
  public static let largestSide = 65_535

  /// Checks `bytes` as a JPEG or PNG image.
  ///
  /// - Parameter file: the image as messages name it.
  /// - Throws: `.badInput` when it is neither, is cut short, or is larger than `largest`.
  public init(bytes: [UInt8], file: String) throws(AudiobookError) {
    guard bytes.count <= Self.largest else {
      throw AudiobookError(
        .badInput, "the cover is larger than \(LimitedInput.describe(Self.largest)); use a smaller image", file: file)
    }
    self.bytes = bytes
    if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
      // The IHDR chunk comes first: width, height, bit depth, colour type.
      guard bytes.count >= 26, bytes[12..<16].elementsEqual(Array("IHDR".utf8)) else {
        throw AudiobookError(.badInput, "the cover is a PNG image without its header", file: file)
      }
      kind = .png
      width = Self.bigEndian(bytes[16..<20])
      height = Self.bigEndian(bytes[20..<24])
      let channels = [0: 1, 2: 3, 3: 1, 4: 2, 6: 4][Int(bytes[25])] ?? 1
      depth = Int(bytes[24]) * channels
    } else if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
      guard let frame = Self.jpegFrame(bytes) else {
        throw AudiobookError(.badInput, "the cover is a JPEG image without a frame header", file: file)
      }
      kind = .jpeg
      (width, height, depth) = frame
    } else {
      throw AudiobookError(.badInput, "the cover is not a JPEG or PNG image", file: file)
    }
    guard width > 0, height > 0 else {
      throw AudiobookError(.badInput, "the cover image has no size (\(width) × \(height))", file: file)
    }
    // JPEG's own limit; players and stores want some thousands of pixels a side.
    guard width <= Self.largestSide, height <= Self.largestSide else {
      throw AudiobookError(
        .badInput, "the cover image says it is \(width) × \(height); at most \(Self.largestSide) pixels a side",
        file: file)
    }
  }

  /// Reads the image at `path`: a plain file (never a link, FIFO or device), at most `largest`.
  ///
  /// - Throws: `.missingInput` when it cannot be read; `.badInput` as `init(bytes:file:)`.
  public static func load(_ path: String) throws(AudiobookError) -> CoverImage {
    let file = try RegularFile(opening: path)
    defer { file.close() }
    guard file.size <= largest else {
      throw AudiobookError(
        .badInput, "the cover is larger than \(LimitedInput.describe(largest)); use a smaller image", file: path)
    }
    guard let data = FileManager.default.contents(atPath: file.path) else {
      throw AudiobookError(.missingInput, "cannot read the cover image", file: path)
    }
    return try CoverImage(bytes: Array(data.prefix(largest + 1)), file: path)
  }

  /// Width, height and bits per pixel from a JPEG's start-of-frame segment.
  private static func jpegFrame(_ bytes: [UInt8]) -> (Int, Int, Int)? {
    var offset = 2
    while offset + 4 <= bytes.count {
      guard bytes[offset] == 0xFF else { return nil }
      let marker = bytes[offset + 1]
      if marker == 0xFF {
        offset += 1
        continue
      }
      if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) {
        offset += 2
        continue
      }
      let length = bigEndian(bytes[(offset + 2)..<(offset + 4)])
      // SOF0 to SOF15, but for DHT (C4), JPG (C8) and DAC (CC).
      if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
        guard offset + 10 <= bytes.count else { return nil }
        let precision = Int(bytes[offset + 4])
        let height = bigEndian(bytes[(offset + 5)..<(offset + 7)])
        let width = bigEndian(bytes[(offset + 7)..<(offset + 9)])
        return (width, height, precision * Int(bytes[offset + 9]))
      }
      guard length >= 2 else { return nil }
      offset += 2 + length
    }
    return nil
  }

  private static func bigEndian(_ bytes: ArraySlice<UInt8>) -> Int { bytes.reduce(0) { $0 << 8 | Int($1) } }
}
