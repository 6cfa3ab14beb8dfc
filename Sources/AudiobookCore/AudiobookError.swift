/// A failure the user can act on: what went wrong, where, and which exit status it earns.
///
/// Every stage throws this (or a C-level error wrapped in it), so the CLI has one
/// place that turns failures into `file:line: error: message` and a sysexits status.
public struct AudiobookError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The class of failure, one per documented exit status (DESIGN.md, sysexits).
  public enum Kind: Int32, Sendable {
    /// Bad command-line usage (EX_USAGE).
    case usage = 64
    /// The manuscript, a preset or a lexicon is malformed (EX_DATAERR).
    case badInput = 65
    /// An input is missing or unreadable (EX_NOINPUT).
    case missingInput = 66
    /// A needed service, such as an audio device, is unavailable (EX_UNAVAILABLE).
    case unavailable = 69
    /// An output cannot be created (EX_CANTCREAT).
    case cannotCreate = 73
    /// Any other input/output failure (EX_IOERR).
    case io = 74
    /// Anything else, such as a crash inside espeak-ng.
    case failure = 1
  }

  public var kind: Kind
  /// A lowercase fragment that quotes the value at fault.
  public var message: String
  /// The file at fault, as the user named it.
  public var file: String?
  /// The 1-based line in `file`, when one is to blame.
  public var line: Int?
  /// Further problems behind this one, each a `file:line: message` line of its own.
  public var details: [String] = []

  public init(_ kind: Kind, _ message: String, file: String? = nil, line: Int? = nil) {
    self.kind = kind
    self.message = message
    self.file = file
    self.line = line
  }

  /// The status the process exits with.
  public var exitStatus: Int32 { kind.rawValue }

  /// `file:line: message`, the compiler-style location first.
  public var description: String {
    var location = ""
    if let file {
      location = line.map { "\(file):\($0): " } ?? "\(file): "
    }
    return location + message
  }
}
