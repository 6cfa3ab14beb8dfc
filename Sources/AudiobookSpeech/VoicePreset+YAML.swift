import Yams
import AudiobookCore
import AudiobookBook

extension VoicePreset {
  /// Reads a preset from its YAML text. Keys not given keep the defaults; unknown keys are errors.
  ///
  /// - Parameters:
  ///   - yaml: the preset file's text.
  ///   - name: the preset's name (its file name without `.yaml`).
  ///   - file: the path to name in errors.
  /// - Throws: `AudiobookError` (`.badInput`) naming the file, line and key at fault.
  public init(yaml: String, name: String, file: String, source: Source) throws(AudiobookError) {
    try self.init(yaml: yaml, name: name, file: file, source: source, variants: EspeakVariants.installed)
  }

  /// Reads a preset, checking a `variant` against `variants` (nil: take any), which is only
  /// looked at when the preset names one, so presets without a variant never start espeak-ng.
  package init(
    yaml: String, name: String, file: String, source: Source, variants: @autoclosure () -> [String]?
  ) throws(AudiobookError) {
    try YamlShape.check(yaml, file: file, what: "the preset")
    let root: Node?
    do {
      root = try Yams.compose(yaml: yaml)
    } catch let error as YamlError {
      throw AudiobookError(.badInput, "not a valid YAML preset: \(error.problemText)", file: file, line: error.line)
    } catch {
      throw AudiobookError(.badInput, "not a valid YAML preset: \(error)", file: file)
    }
    self.init(name: name, source: source)
    guard let root else { return }
    guard let mapping = root.mapping else {
      throw AudiobookError(.badInput, "a preset must be a mapping of keys to values", file: file, line: root.mark?.line)
    }
    let reader = PresetReader(file: file)
    for (keyNode, value) in mapping {
      let key = keyNode.string ?? ""
      let line = keyNode.mark?.line
      switch key {
      case "description": description = try reader.text(value, key: key, line: line)
      case "voice": engine.voice = try reader.text(value, key: key, line: line)
      case "variant": engine.variant = try reader.variant(value, line: line, installed: variants)
      case "rate": engine.rate = try reader.integer(value, key: key, line: line, in: 80...450)
      case "pitch": engine.pitch = try reader.integer(value, key: key, line: line, in: 0...100)
      case "range": engine.range = try reader.integer(value, key: key, line: line, in: 0...100)
      case "volume": engine.volume = try reader.integer(value, key: key, line: line, in: 0...200)
      case "wordGap": engine.wordGap = try reader.integer(value, key: key, line: line, in: 0...100)
      case "pauses": pauses = try reader.pauses(value, line: line)
      case "lexicon": lexicon = try Lexicon.parse(value, file: file)
      case "cast": cast = try Cast.parse(value, file: file)
      default:
        throw AudiobookError(
          .badInput,
          "unknown key '\(key.quotedForMessage)' (known: description, voice, variant, rate, pitch, range, volume, "
            + "wordGap, pauses, lexicon, cast)",
          file: file, line: line)
      }
    }
    guard !engine.voice.isEmpty else {
      throw AudiobookError(.badInput, "key 'voice' must name an espeak-ng voice, such as en-gb", file: file)
    }
  }
}

/// Reads typed values out of YAML nodes, with errors that name the key and line.
private struct PresetReader {
  let file: String

  func text(_ node: Node, key: String, line: Int?) throws(AudiobookError) -> String {
    guard let scalar = node.scalar else {
      throw AudiobookError(.badInput, "key '\(key.quotedForMessage)' must be a single value", file: file, line: line)
    }
    return scalar.string
  }

  /// An espeak-ng variant: empty for none, else one that is installed.
  func variant(_ node: Node, line: Int?, installed: () -> [String]?) throws(AudiobookError) -> String {
    let variant = try text(node, key: "variant", line: line)
    guard !variant.isEmpty, let installed = installed(), !installed.contains(variant) else { return variant }
    let some = EspeakVariants.suggestions(for: variant, among: installed)
    throw AudiobookError(
      .badInput,
      "variant '\(variant.quotedForMessage)' is not an installed espeak-ng variant; "
        + "try \(some.map { "'\($0)'" }.joined(separator: ", ")) "
        + "(espeak-ng-data/voices/!v lists them), or \"\" for none",
      file: file, line: line)
  }

  func integer(_ node: Node, key: String, line: Int?, in range: ClosedRange<Int>) throws(AudiobookError) -> Int {
    guard let value = node.int, range.contains(value) else {
      let shown = node.scalar?.string ?? "a list or mapping"
      throw AudiobookError(
        .badInput,
        "key '\(key.quotedForMessage)' must be a whole number from \(range.lowerBound) to \(range.upperBound), "
          + "not '\(shown.quotedForMessage)'",
        file: file, line: line)
    }
    return value
  }

  func pauses(_ node: Node, line: Int?) throws(AudiobookError) -> Pauses {
    guard let mapping = node.mapping else {
      throw AudiobookError(
        .badInput, "key 'pauses' must be a mapping of pause names to milliseconds", file: file, line: line)
    }
    var pauses = Pauses()
    let limit = 0...60_000
    for (keyNode, value) in mapping {
      let key = keyNode.string ?? ""
      let line = keyNode.mark?.line
      switch key {
      case "sentence": pauses.sentence = try integer(value, key: "pauses.sentence", line: line, in: limit)
      case "paragraph": pauses.paragraph = try integer(value, key: "pauses.paragraph", line: line, in: limit)
      case "afterTitle": pauses.afterTitle = try integer(value, key: "pauses.afterTitle", line: line, in: limit)
      case "head": pauses.head = try integer(value, key: "pauses.head", line: line, in: limit)
      case "tail": pauses.tail = try integer(value, key: "pauses.tail", line: line, in: limit)
      default:
        throw AudiobookError(
          .badInput, "unknown key 'pauses.\(key)' (known: sentence, paragraph, afterTitle, head, tail)",
          file: file, line: line)
      }
    }
    return pauses
  }
}
