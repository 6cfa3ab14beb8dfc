import Yams

extension YamlError {
  /// The 1-based line libyaml blamed, when it names one: where the construct it was reading
  /// began (an unclosed `[` is found only at the end of the file), else where it stopped.
  package var line: Int? {
    switch self {
    case .scanner(let context, _, let mark, _), .parser(let context, _, let mark, _),
      .composer(let context, _, let mark, _):
      context?.mark.line ?? mark.line
    default: nil
    }
  }

  /// libyaml's problem without the snippet of YAML that `description` appends.
  package var problemText: String {
    switch self {
    case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
    default: String(describing: self).split(separator: "\n").first.map(String.init) ?? "unreadable"
    }
  }
}
