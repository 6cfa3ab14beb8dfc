import Foundation

/// The target chosen by `FUZZ_TARGET` when libFuzzer starts, and the known findings
/// `FUZZ_SKIP` asks to step around; set once, before any input.
nonisolated(unsafe) private var selectedTarget: FuzzTarget?
nonisolated(unsafe) private var skippedFindings: [KnownFinding] = []

/// libFuzzer calls this once before the first input: picks the target `FUZZ_TARGET` names.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(
  _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>
) -> Int32 {
  let names = FuzzTarget.all.map(\.name).joined(separator: ", ")
  guard let name = ProcessInfo.processInfo.environment["FUZZ_TARGET"] else {
    FileHandle.standardError.write(Data("error: set FUZZ_TARGET to one of: \(names)\n".utf8))
    exit(64)
  }
  guard let target = FuzzTarget.all.first(where: { $0.name == name }) else {
    FileHandle.standardError.write(Data("error: no fuzz target '\(name)'; the targets are: \(names)\n".utf8))
    exit(64)
  }
  selectedTarget = target
  skippedFindings = KnownFinding.skipped(for: name)
  return 0
}

/// libFuzzer calls this for every input; a crash, leak or hang in here is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
  let input = bytes.map { Data(bytes: $0, count: count) } ?? Data()
  guard !skippedFindings.contains(where: { $0.matches(input) }) else { return 0 }
  selectedTarget?.run(input)
  return 0
}
