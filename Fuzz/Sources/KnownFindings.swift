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

  // Fixed and merged, so no longer skipped: xml-not-utf8 (XMLTree refuses a document that is
  // not UTF-8), xml-empty-pi (processing instructions are blanked), meter-rate (LoudnessMeter),
  // and the endless deflate stream (ZipDirectory).
  static let all: [KnownFinding] = []

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
