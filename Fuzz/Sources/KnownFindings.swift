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
    // comment holds bytes that are not UTF-8 in a document whose XML declaration names no
    // other encoding: `<bo\xECy>`, `<a b\xFF="1"/>`, `<?\xFF?>`, `<!--\xFF-->`.
    KnownFinding(name: "xml-not-utf8", targets: ["opf", "navigation", "xhtml"]) { input in
      guard String(validating: input, as: UTF8.self) == nil else { return false }
      if input.starts(with: [0xFF, 0xFE]) || input.starts(with: [0xFE, 0xFF]) { return false }
      // Only an encoding with every byte defined gives libxml2 nothing it cannot convert.
      return !["iso-8859-1", "iso-8859-15", "latin1"].contains(declaredEncoding(input) ?? "")
    },
    // LoudnessMeter's deinit calls ebur128_destroy on the nil state ebur128_init returned for
    // a sample rate it refuses (under 16 Hz or over 2,822,400 Hz): SIGSEGV.
    KnownFinding(name: "meter-rate", targets: ["audio"]) { input in
      guard let header = try? SoundFileReader(path: ScratchFolder.write(input, to: "chapter.wav")) else { return false }
      return header.sampleRate < 16 || header.sampleRate > 2_822_400
    },
  ]

  /// The encoding a well-formed XML declaration names (`<?xml ... encoding="NAME"?>`), lower case.
  private static func declaredEncoding(_ input: Data) -> String? {
    guard input.starts(with: Array("<?xml ".utf8)), let end = input.firstRange(of: Array("?>".utf8)) else {
      return nil
    }
    let declaration = String(decoding: input[..<end.lowerBound].dropFirst(), as: UTF8.self)
    guard !declaration.contains("<"), let key = declaration.range(of: "encoding=") else { return nil }
    let rest = declaration[key.upperBound...]
    guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
    let name = rest.dropFirst().prefix { $0 != quote }
    guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }),
      rest.dropFirst(name.count + 1).first == quote
    else { return nil }
    return name.lowercased()
  }

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
