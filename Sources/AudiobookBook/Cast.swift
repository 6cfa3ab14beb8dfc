import AudiobookCore
import Yams

/// Who reads a book's quotations, as a front matter, a settings file or a voice preset gives it
/// under `cast:`: `dialogue` for every quotation nobody else claims, `narrator` for the
/// narration, and characters by name, each a preset's name or preset keys inline, with the
/// lines of the author's corrections (`at:`).
///
/// ```yaml
/// cast:
///   dialogue: narrator-dialogue
///   Elizabeth: { voice: en-gb, variant: f2, pitch: 60 }
///   Mr. Darcy: { preset: narrator-deep, at: [120, 344] }
///   narrator: { at: [77] }     # the quotation at line 77 is not speech
/// ```
public struct Cast: Sendable, Equatable {
  /// One voice of the cast.
  public struct Member: Sendable, Equatable {
    public var name: String
    /// The preset the voice starts from (`preset:`, or the member's value when it is a plain
    /// name); nil: the narrator's.
    public var preset: String?
    /// Preset keys given inline, laid over the preset.
    public var voice: String?
    public var variant: String?
    public var rate: Int?
    public var pitch: Int?
    public var range: Int?
    public var volume: Int?
    public var wordGap: Int?
    /// Lines of the manuscript whose paragraph's quotations this member speaks (`at:`).
    public var lines: [Int] = []
    /// Where the member is written, for messages: `book.audiobook.yaml:4`.
    public var file: String
    public var line: Int

    public init(name: String, file: String, line: Int) {
      self.name = name
      self.file = file
      self.line = line
    }

    /// Whether the member sets anything about the voice (not only corrections).
    public var setsVoice: Bool {
      preset != nil || voice != nil || variant != nil || rate != nil || pitch != nil || range != nil
        || volume != nil || wordGap != nil
    }
  }

  /// The voice of every quotation no character claims.
  public static let dialogue = "dialogue"
  /// The narration's voice: the book's own.
  public static let narrator = "narrator"

  /// In the order written.
  public var members: [Member] = []

  public init(members: [Member] = []) { self.members = members }

  public var isEmpty: Bool { members.isEmpty }

  public subscript(name: String) -> Member? { members.first { $0.name == name } }

  /// The characters: every member but `dialogue` and `narrator`.
  public var characters: [Member] { members.filter { $0.name != Self.dialogue && $0.name != Self.narrator } }

  /// This cast with `other`'s members laid over it, name by name: a later member's voice
  /// replaces an earlier one's (one giving corrections alone keeps it), and the corrections of
  /// both apply (a line two members name is the last-listed member's).
  public func merging(_ other: Cast) -> Cast {
    var merged = self
    for member in other.members {
      guard let index = merged.members.firstIndex(where: { $0.name == member.name }) else {
        merged.members.append(member)
        continue
      }
      var laid = member.setsVoice ? member : merged.members[index]
      laid.lines = merged.members[index].lines + member.lines
      merged.members[index] = laid
    }
    return merged
  }

  /// The most members a cast may have: far more than any book's characters.
  public static let largestCast = 200

  /// Reads `cast:`'s value, a mapping of names to a preset's name or a mapping of preset keys,
  /// `preset` and `at`. `firstLine` is the line of `file` the YAML's first line is.
  ///
  /// - Throws: `.badInput` naming the file and line at fault.
  public static func parse(_ node: Node, file: String, firstLine: Int = 1) throws(AudiobookError) -> Cast {
    func line(_ node: Node) -> Int { (node.mark?.line ?? 1) + firstLine - 1 }
    guard let mapping = node.mapping else {
      throw AudiobookError(
        .badInput, "cast must be a mapping of names to voices (a preset's name or preset keys)", file: file,
        line: line(node))
    }
    guard mapping.count <= largestCast else {
      throw AudiobookError(.badInput, "cast has more than \(largestCast) members", file: file, line: line(node))
    }
    var cast = Cast()
    for (keyNode, value) in mapping {
      let at = line(keyNode)
      guard let name = keyNode.scalar?.string.trimmingSpaces, !name.isEmpty, name.count <= 100,
        !name.unicodeScalars.contains(where: { $0.value < 0x20 })
      else {
        throw AudiobookError(.badInput, "a cast member's name must be a short line of text", file: file, line: at)
      }
      var member = Member(name: name, file: file, line: at)
      if let preset = value.scalar?.string {
        member.preset = try presetName(preset, member: name, file: file, line: at)
      } else if let keys = value.mapping {
        for (keyNode, value) in keys {
          try member.take(keyNode.string ?? "", value, file: file, line: line(keyNode))
        }
      } else {
        throw AudiobookError(
          .badInput, "cast member '\(name.quotedForMessage)' must be a preset's name or a mapping of preset keys",
          file: file, line: at)
      }
      cast.members.append(member)
    }
    return cast
  }

  static func presetName(_ name: String, member: String, file: String, line: Int) throws(AudiobookError) -> String {
    guard !name.isEmpty, name.count <= 100, !name.contains("/"),
      !name.unicodeScalars.contains(where: { $0.value < 0x20 })
    else {
      throw AudiobookError(
        .badInput, "cast member '\(member.quotedForMessage)' names no preset: '\(name.quotedForMessage)'", file: file,
        line: line)
    }
    return name
  }
}

extension Cast.Member {
  /// The keys a member's mapping takes.
  static let keys = ["preset", "voice", "variant", "rate", "pitch", "range", "volume", "wordGap", "at"]

  fileprivate mutating func take(_ key: String, _ value: Node, file: String, line: Int) throws(AudiobookError) {
    func text() throws(AudiobookError) -> String {
      guard let text = value.scalar?.string, text.count <= 100,
        !text.unicodeScalars.contains(where: { $0.value < 0x20 })
      else {
        throw AudiobookError(
          .badInput, "cast member '\(name.quotedForMessage)': \(key) must be a short value", file: file, line: line)
      }
      return text
    }
    func number(_ range: ClosedRange<Int>) throws(AudiobookError) -> Int {
      guard let value = value.int, range.contains(value) else {
        throw AudiobookError(
          .badInput,
          "cast member '\(name.quotedForMessage)': \(key) must be a whole number from \(range.lowerBound) to "
            + "\(range.upperBound)", file: file, line: line)
      }
      return value
    }
    switch key {
    case "preset": preset = try Cast.presetName(try text(), member: name, file: file, line: line)
    case "voice": voice = try text()
    case "variant": variant = try text()
    case "rate": rate = try number(80...450)
    case "pitch": pitch = try number(0...100)
    case "range": range = try number(0...100)
    case "volume": volume = try number(0...200)
    case "wordGap": wordGap = try number(0...100)
    case "at":
      let items = value.sequence.map(Array.init) ?? [value]
      for item in items {
        guard let number = item.int, number >= 1, lines.count < 10_000 else {
          throw AudiobookError(
            .badInput, "cast member '\(name.quotedForMessage)': at must be a line number or a list of them",
            file: file, line: line)
        }
        lines.append(number)
      }
    default:
      throw AudiobookError(
        .badInput,
        "cast member '\(name.quotedForMessage)': unknown key '\(key.quoted(upTo: 40))' (known: "
          + Self.keys.joined(separator: ", ") + ")", file: file, line: line)
    }
  }
}
