import AudiobookKit
import Foundation

/// Findings already reported and waiting for their fix, which a long exploratory run can
/// step around (`FUZZ_SKIP=NAME,NAME`) so that the fuzzer looks for new findings instead of
/// finding these again. `.ci/fuzz` never skips: a finding fails it until its fix is merged.
/// Remove an entry once its fix is merged.
struct KnownFinding: Sendable {
  let name: String
  /// The targets whose inputs `matches` looks at.
  let targets: Set<String>
  /// Whether `input` is one that reaches the finding (or may: a skip may be broader).
  let matches: @Sendable (Data) -> Bool

  static let all: [KnownFinding] = [
    // XMLParser (swift-corelibs-foundation over libxml2) traps (SIGILL) when a name or a
    // comment holds bytes that are not UTF-8 in a document without a well-formed XML
    // declaration naming another encoding: `<bo\xECy>`, `<a b\xFF="1"/>`, `<?\xFF?>`,
    // `<!--\xFF-->`, `<?xml version="1.0" ="1.0" encoding="ISO-8859-1"?><b\xE9/>`.
    KnownFinding(name: "xml-not-utf8", targets: ["opf", "navigation", "xhtml"]) { input in
      guard String(validating: input, as: UTF8.self) == nil else { return false }
      if input.starts(with: [0xFF, 0xFE]) || input.starts(with: [0xFE, 0xFF]) { return false }
      // Only an encoding with every byte defined gives libxml2 nothing it cannot convert.
      return !["iso-8859-1", "iso-8859-15", "latin1"].contains(declaredEncoding(input) ?? "")
    },
    // XMLParser calls strlen(NULL) (SIGSEGV) on a processing instruction without data: `<?pi?>`.
    KnownFinding(name: "xml-empty-pi", targets: ["opf", "navigation", "xhtml"]) { input in
      String(decoding: input, as: UTF8.self).contains(emptyProcessingInstruction)
    },
    // LoudnessMeter's deinit calls ebur128_destroy on the nil state ebur128_init returned for
    // a sample rate it refuses (under 16 Hz or over 2,822,400 Hz): SIGSEGV.
    KnownFinding(name: "meter-rate", targets: ["audio"]) { input in
      guard let header = try? SoundFileReader(path: ScratchFolder.write(input, to: "chapter.wav")) else { return false }
      return header.sampleRate < 16 || header.sampleRate > 2_822_400
    },
  ]

  /// The encoding a well-formed XML declaration names (`<?xml version="1.0" encoding="NAME"?>`),
  /// lower case. libxml2 ignores a declaration with the least fault in it, and so does this.
  private static func declaredEncoding(_ input: Data) -> String? {
    guard let end = input.prefix(200).firstRange(of: Array("?>".utf8)),
      let declaration = String(bytes: input[..<end.upperBound], encoding: .ascii),
      let match = declaration.wholeMatch(of: xmlDeclaration)
    else { return nil }
    return match.output.encoding.lowercased()
  }

  nonisolated(unsafe) private static let emptyProcessingInstruction = #/<\?[^ \t\r\n?]*\?>/#

  nonisolated(unsafe) private static let xmlDeclaration =
    #/<\?xml[ \t\r\n]+version[ ]*=[ ]*(?<q1>["'])1\.[0-9]+\k<q1>[ \t\r\n]+encoding[ ]*=[ ]*(?<q2>["'])(?<encoding>[A-Za-z][A-Za-z0-9._-]*)\k<q2>([ \t\r\n]+standalone[ ]*=[ ]*(?<q3>["'])(yes|no)\k<q3>)?[ \t\r\n]*\?>/#

  /// The findings `FUZZ_SKIP` names for `target`; the process stops on a name it does not know.
  static func skipped(for target: String) -> [KnownFinding] {
    let names = (ProcessInfo.processInfo.environment["FUZZ_SKIP"] ?? "").split(separator: ",").map(String.init)
    for name in names where !all.contains(where: { $0.name == name }) {
      let known = all.map(\.name).joined(separator: ", ")
      FileHandle.standardError.write(Data("error: FUZZ_SKIP names '\(name)'; the known findings are: \(known)\n".utf8))
      exit(64)
    }
    return all.filter { names.contains($0.name) && $0.targets.contains(target) }
  }
}
