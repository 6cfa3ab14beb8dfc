import Foundation

/// One reader of outside data under fuzzing: a name (`FUZZ_TARGET`, the seed folder
/// `Fuzz/Corpus/NAME`) and what it does with one input. Errors the reader throws are the
/// expected answer to bad input; only crashes, leaks and hangs are findings.
struct FuzzTarget: Sendable {
  let name: String
  let run: @Sendable (Data) -> Void

  /// Every target, in the order `.ci/fuzz` runs them.
  static let all: [FuzzTarget] = [
    .plainText, .markdown, .epub, .opf, .navigation, .xhtml, .preset, .lexicon, .sentences, .manifest, .audio,
  ]
}
