import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookBook
@testable import AudiobookText

/// The English Golden Rules of sentence boundary detection, read from `../shared` (skipped
/// when that folder is absent). pySBD, the best published splitter, passes 47 of the 48.
@Suite struct GoldenRulesTests {
  static let rules = TestSupport.repository.deletingLastPathComponent()
    .appendingPathComponent("shared/golden/english-golden-rules.json")

  struct Case: Decodable {
    var id: String
    var text: String
    var expected: [String]
    var grs48: Bool?
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: rules.path)))
  func passesAtLeastAsManyAsPySBD() throws {
    let cases = try JSONDecoder().decode([Case].self, from: Data(contentsOf: Self.rules)).filter { $0.grs48 == true }
    let splitter = SentenceSplitter()
    // As `audiobook sentences` does: paragraphs at blank lines, one sentence per line.
    let failing = cases.filter { rule in
      let lines = rule.text.components(separatedBy: "\n")
      let sentences = Paragraphs.of(lines: lines).flatMap { splitter.sentences(in: $0.text) }
      return sentences.map { $0.trimmingCharacters(in: .whitespaces) }
        != rule.expected.map { $0.trimmingCharacters(in: .whitespaces) }
    }
    #expect(cases.count == 48)
    #expect(failing.count <= 1, "failing rules: \(failing.map(\.id))")
  }
}
