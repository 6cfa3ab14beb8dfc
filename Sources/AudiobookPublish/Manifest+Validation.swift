import Foundation
import AudiobookCore

/// A manifest is read as untrusted input (hand-edited, or downloaded with a CI artifact): it
/// may name only plain files inside its own folder, and its numbers must describe audio that
/// could exist, before `render` or `verify` acts on it.
extension Manifest {
  /// The largest manifest read: a novel's manifest with word timings is a few tens of MB.
  public static let maximumBytes = 256 << 20
  /// The largest frame number or count believed: over a year of audio at 48 kHz.
  public static let maximumFrames = 1 << 40

  /// Whether `name` names a file directly inside a folder: not empty, no `/`, not `.` or
  /// `..`, no NUL, at most 255 bytes.
  public static func isPlainFileName(_ name: String) -> Bool {
    !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\0")
      && name.utf8.count <= 255
  }

  /// Reads and checks the manifest at `path`.
  ///
  /// - Throws: `.missingInput` when it cannot be read; `.badInput` when it is too large, not
  ///   a manifest this version reads, or fails `problems()` (the first problem is named).
  public static func read(from path: String) throws(AudiobookError) -> Manifest {
    let manifest = try decode(from: path)
    if let problem = manifest.problems().first {
      throw AudiobookError(.badInput, "not a manifest a render wrote: \(problem)", file: path)
    }
    return manifest
  }

  /// Reads the manifest at `path` without checking what it says (`problems()`).
  ///
  /// - Throws: `.missingInput` when it cannot be read; `.badInput` when it is not a plain
  ///   file, larger than `maximumBytes` or not a manifest this version reads.
  public static func decode(from path: String) throws(AudiobookError) -> Manifest {
    let file = try RegularFile(opening: path)
    defer { file.close() }
    guard file.size <= maximumBytes else {
      throw AudiobookError(.badInput, "the manifest is larger than \(maximumBytes >> 20) MB", file: path)
    }
    guard let bytes = FileManager.default.contents(atPath: file.path) else {
      throw AudiobookError(.missingInput, "cannot read the manifest", file: path)
    }
    do {
      return try JSONDecoder().decode(Manifest.self, from: bytes)
    } catch {
      throw AudiobookError(.badInput, "not a manifest this version can read: \(Self.describe(error))", file: path)
    }
  }

  /// What makes this manifest impossible: a file named outside its folder, chapters not
  /// numbered 1, 2, 3…, or frames that are negative, absurd or past the end of their file.
  /// Each a lowercase fragment; empty for a manifest a render could have written.
  public func problems() -> [String] {
    var problems: [String] = []
    var named = Set<String>()
    for name in publishedFiles + chapters.map(\.file) where !Self.isPlainFileName(name) && named.insert(name).inserted {
      problems.append("it names '\(name.quoted(upTo: 80))', which is not a file directly inside the book folder")
    }
    if !(1...1_000_000).contains(sampleRate) { problems.append("a sample rate of \(sampleRate) Hz") }
    func absurd(_ value: Int) -> Bool { value < 0 || value > Self.maximumFrames }
    for (index, chapter) in chapters.enumerated() {
      let place = "chapter \(chapter.number)"
      if chapter.number != index + 1 {
        problems.append("chapter \(index + 1) is numbered \(chapter.number)")
      }
      guard !absurd(chapter.frames) else {
        problems.append("\(place) has \(chapter.frames) frames")
        continue
      }
      let sentences = chapter.paragraphs.flatMap(\.sentences)
      let words = sentences.flatMap { $0.words ?? [] }.map {
        Span(text: $0.text, startFrame: $0.startFrame, frames: $0.frames)
      }
      if words.contains(where: {
        absurd($0.startFrame) || absurd($0.frames) || $0.startFrame + $0.frames > chapter.frames
      }) {
        problems.append("\(place) places a word outside its \(chapter.frames) frames")
      }
      if sentences.contains(where: { sentence in
        (sentence.parts ?? []).contains {
          absurd($0.startFrame) || absurd($0.frames) || $0.startFrame < sentence.startFrame
            || $0.startFrame + $0.frames > sentence.startFrame + sentence.frames
        }
      }) {
        problems.append("\(place) places a part of a sentence outside its sentence")
      }
      let spans = [chapter.heading] + sentences
      var previousStart = 0
      for span in spans {
        if absurd(span.startFrame) || absurd(span.frames) || span.startFrame + span.frames > chapter.frames {
          problems.append(
            "\(place) places speech at frames \(span.startFrame)+\(span.frames), outside its \(chapter.frames)")
          break
        }
        if span.startFrame < previousStart {
          problems.append("\(place) places its sentences out of order")
          break
        }
        previousStart = span.startFrame
      }
      if let start = chapter.startFrame {
        guard let book, !absurd(start), !absurd(book.frames), start + chapter.frames <= book.frames else {
          problems.append("\(place) starts at frame \(start), outside the whole-book file")
          continue
        }
      }
    }
    if let book {
      if absurd(book.frames) { problems.append("the whole-book file has \(book.frames) frames") }
      if book.chapterStarts.count != chapters.count || book.chapterStarts.contains(where: absurd)
        || book.chapterStarts != book.chapterStarts.sorted()
      {
        problems.append("the whole-book file's chapter starts do not match its chapters")
      }
    }
    return problems
  }

  /// A decoding error in a few words: the key path and what was wrong.
  private static func describe(_ error: any Error) -> String {
    switch error as? DecodingError {
    case .keyNotFound(let key, let context):
      return "'\(path(context.codingPath + [key]))' is missing"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return "'\(path(context.codingPath))' has the wrong type"
    case .dataCorrupted(let context):
      return context.codingPath.isEmpty ? "it is not JSON" : "'\(path(context.codingPath))' is malformed"
    default:
      return "it is not JSON"
    }
  }

  private static func path(_ keys: [any CodingKey]) -> String {
    keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(
      in: CharacterSet(charactersIn: "."))
  }
}
