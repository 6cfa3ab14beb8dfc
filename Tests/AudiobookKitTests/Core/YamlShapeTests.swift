import Testing

@testable import AudiobookCore

@Suite struct YamlShapeTests {
  private func problem(_ yaml: String, firstLine: Int = 1) -> AudiobookError? {
    do {
      try YamlShape.check(yaml, file: "x.yaml", firstLine: firstLine, what: "the lexicon")
      return nil
    } catch {
      return error
    }
  }

  @Test func plainKeysAliasesAsValuesAndScalarAliasesAsKeysPass() {
    #expect(problem("a: 1\nb: [1, 2]\nc: {d: e}\n") == nil)
    #expect(problem("a: &x [1, 2]\nb: *x\nc: [*x, *x]\n") == nil)
    #expect(problem("k: &k word\n*k : value\n") == nil)
    #expect(problem("") == nil)
    // Syntax errors are Yams's to report, with its own words.
    #expect(problem("a: [1, 2\n") == nil)
  }

  @Test func collectionKeysAreRefusedWithTheirLine() {
    let sequence = problem("a: 1\n? [1, 2]\n: v\n", firstLine: 2)
    #expect(sequence?.kind == .badInput)
    #expect(sequence?.file == "x.yaml")
    #expect(sequence?.line == 3)
    #expect(sequence?.message == "the lexicon has a list or mapping as a key; keys are single values")
    let alias = problem("a: &m {x: y}\n? *m\n: v\n")
    #expect(alias?.line == 2)
    #expect(alias?.message.contains("alias of a list or mapping as a key") ?? false)
    #expect(problem("? {x: y}\n: v\n")?.line == 1)
  }

  @Test func nestingPastTheLimitIsRefused() {
    let atLimit =
      String(repeating: "[", count: YamlShape.maximumDepth) + String(repeating: "]", count: YamlShape.maximumDepth)
    #expect(problem(atLimit) == nil)
    let deeper = "[" + atLimit + "]"
    #expect(problem(deeper)?.message.contains("deeper than 100 levels") ?? false)
  }
}
