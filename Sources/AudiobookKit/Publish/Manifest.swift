import Foundation

/// `manifest.json`: what was rendered, where every sentence sits in its chapter file.
///
/// Frames are sample frames of the chapter file they belong to (DESIGN.md contracts). The
/// manifest holds no timestamps or machine paths, so the same input gives the same bytes.
public struct Manifest: Codable, Sendable, Equatable {
  public var title: String
  public var author: String?
  public var sampleRate: Int
  public var voice: Voice
  public var engine: Engine
  public var chapters: [Chapter]

  public struct Voice: Codable, Sendable, Equatable {
    public var name: String
    public var settings: EngineSettings
    public var pauses: Pauses
  }

  public struct Engine: Codable, Sendable, Equatable {
    public var name: String
    public var version: String
  }

  public struct Chapter: Codable, Sendable, Equatable {
    public var number: Int
    public var title: String
    public var file: String
    public var frames: Int
    /// SHA-256 of the chapter file, as `sha256sum` prints it; `verify` checks it.
    public var sha256: String
    public var sourceLine: Int
    /// A hash of everything that decides the file's bytes; a re-render leaves the file alone
    /// while it is unchanged.
    public var contentHash: String
    /// Where the spoken title sits.
    public var heading: Span
    public var paragraphs: [Paragraph]
  }

  public struct Paragraph: Codable, Sendable, Equatable {
    public var id: String
    public var number: Int
    public var sourceLine: Int
    public var startFrame: Int
    public var frames: Int
    public var sentences: [Span]
  }

  /// A stretch of speech: a sentence (as written) or the spoken chapter title.
  public struct Span: Codable, Sendable, Equatable {
    public var text: String
    public var startFrame: Int
    public var frames: Int
  }
}

extension Manifest {
  /// Pretty, key-sorted JSON with a final newline: stable bytes for the same manifest.
  public func encoded() throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return Array(try encoder.encode(self)) + [0x0A]
  }
}
