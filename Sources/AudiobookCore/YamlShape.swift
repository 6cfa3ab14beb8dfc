internal import CYaml

/// Checks the shape of a YAML document before Yams builds it: every file of ours (front
/// matter, presets, lexicons) is a mapping keyed by plain values, a few levels deep.
///
/// Yams compares the keys of each mapping to find duplicates, and a key that is a list or
/// mapping built of aliases (`? *a` where `a: &a [*b, *b, ...]`) is compared whole: time
/// exponential in the aliases, minutes for 7 levels. Deep nesting (`[[[[...`) makes Yams
/// recurse until the stack runs out. So the document's events are read first with libyaml,
/// which builds nothing, and such a document is refused.
package enum YamlShape {
  /// The deepest lists and mappings may nest: 100 levels; ours use three.
  package static let maximumDepth = 100

  /// Refuses a document with a list or mapping (or an alias of one) as a mapping key, or
  /// nested deeper than `maximumDepth`. Syntax errors are left for Yams to report.
  ///
  /// - Parameters:
  ///   - file: names the file in messages.
  ///   - firstLine: the file's line on which the YAML text starts (front matter starts on 2).
  ///   - what: the document, for messages: "the front matter", "the preset", "the lexicon".
  /// - Throws: `.badInput` naming the file and the line of the key or of the too-deep node.
  package static func check(_ yaml: String, file: String, firstLine: Int = 1, what: String) throws(AudiobookError) {
    var yaml = yaml
    let problem: (String, Int)? = yaml.withUTF8 { bytes in
      var parser = yaml_parser_t()
      guard yaml_parser_initialize(&parser) == 1 else { return nil }
      defer { yaml_parser_delete(&parser) }
      yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
      yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
      return firstProblem(&parser)
    }
    guard let (message, line) = problem else { return }
    throw AudiobookError(.badInput, "\(what) \(message)", file: file, line: line + firstLine - 1)
  }

  /// What a list or mapping being read expects next.
  private enum Open {
    case mapping(expectingKey: Bool)
    case sequence
  }

  /// The first problem in the events `parser` reads, and its 1-based line; nil when there is
  /// none or the text is not valid YAML.
  private static func firstProblem(_ parser: inout yaml_parser_t) -> (String, Int)? {
    var open: [Open] = []
    var collectionAnchors: Set<String> = []
    var event = yaml_event_t()
    while yaml_parser_parse(&parser, &event) == 1 {
      defer { yaml_event_delete(&event) }
      let line = Int(event.start_mark.line) + 1
      var isKey: Bool {
        if case .mapping(true) = open.last { true } else { false }
      }
      switch event.type {
      case YAML_STREAM_END_EVENT:
        return nil
      case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
        if isKey { return ("has a list or mapping as a key; keys are single values", line) }
        let isMapping = event.type == YAML_MAPPING_START_EVENT
        let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
        if let anchor { collectionAnchors.insert(String(cString: anchor)) }
        open.append(isMapping ? .mapping(expectingKey: true) : .sequence)
        if open.count > maximumDepth {
          return ("nests lists and mappings deeper than \(maximumDepth) levels", line)
        }
      case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
        open.removeLast()
        finishedNode(&open)
      case YAML_ALIAS_EVENT:
        if isKey, let anchor = event.data.alias.anchor, collectionAnchors.contains(String(cString: anchor)) {
          return ("has an alias of a list or mapping as a key; keys are single values", line)
        }
        finishedNode(&open)
      case YAML_SCALAR_EVENT:
        finishedNode(&open)
      default:
        continue
      }
    }
    return nil
  }

  /// A key or value has been read: a mapping now expects the other.
  private static func finishedNode(_ open: inout [Open]) {
    if case .mapping(let expectingKey) = open.last { open[open.count - 1] = .mapping(expectingKey: !expectingKey) }
  }
}
