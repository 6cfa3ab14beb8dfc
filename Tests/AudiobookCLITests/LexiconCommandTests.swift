import Foundation
import Testing

/// Pronunciation lexicons from the command line: `plan --lexicon-report`, `--lexicon`, and a
/// lexicon that changes what `say` and `render` speak.
@Suite struct LexiconCommandTests {
  static let book = """
    The Orchard

    Chapter 1

    Siobhan met Darcy's cousin at the FBI office in Zbigniew Street.

    Darcy laughed.
    """

  @Test func lexiconReportListsReplacementsAndSpelledWords() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    _ = try scratch.write(Self.book, to: "orchard.txt")
    _ = try scratch.write("Siobhan: shiv-AWN\nDarcy: \"[[d'A@si]]\"\n", to: "orchard.lexicon.yaml")
    let result = try Audiobook.run(["plan", "orchard.txt", "--lexicon-report"], in: scratch.url)
    #expect(result.status == 0, "\(result.stderrText)")
    let lines = result.stdoutLines.map {
      $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
    #expect(lines.contains("Darcy [[d'A@si]] 2 5 orchard.lexicon.yaml:2"))
    #expect(lines.contains("Siobhan shiv-AWN 1 5 orchard.lexicon.yaml:1"))
    #expect(lines.contains("FBI 1 5"))
    #expect(lines.contains("Zbigniew 1 5"))
    #expect(!lines.contains { $0.hasPrefix("Siobhan 1") })
  }

  @Test func aLexiconChangesWhatIsSpokenAndABadOneIsRefused() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    _ = try scratch.write(Self.book, to: "orchard.txt")
    _ = try scratch.write("Siobhan: shivawn shivawn shivawn shivawn\n", to: "long.yaml")
    _ = try scratch.write("Siobhan: say <b>it</b>\n", to: "bad.yaml")
    let plain = try Audiobook.run(
      ["say", "--book", "orchard.txt", "--paragraph", "1:1", "-o", "a.wav"], in: scratch.url)
    #expect(plain.status == 0, "\(plain.stderrText)")
    let long = try Audiobook.run(
      ["say", "--book", "orchard.txt", "--paragraph", "1:1", "-o", "b.wav", "--lexicon", "long.yaml"], in: scratch.url)
    #expect(long.status == 0, "\(long.stderrText)")
    let size = { (name: String) in
      (try? FileManager.default.attributesOfItem(atPath: scratch.url.appendingPathComponent(name).path)[.size] as? Int)
        ?? 0
    }
    #expect(size("b.wav") > size("a.wav") + 22_050)  // three more words, at least half a second

    let bad = try Audiobook.run(["plan", "orchard.txt", "--lexicon", "bad.yaml"], in: scratch.url)
    #expect(bad.status == 65)
    #expect(bad.stderrLines.count == 1)
    #expect(bad.stderrText.contains("bad.yaml:1"))
  }
}
