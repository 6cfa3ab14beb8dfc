import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookBook

/// Saving one entry to a lexicon file, as the studio's respelling panel does.
@Suite struct LexiconFileTests {
  @Test func aMissingFileIsMadeWithTheEntry() throws {
    try TestSupport.withScratchFolder { folder in
      let path = folder.appendingPathComponent("book.lexicon.yaml").path
      let entry = try LexiconFile.save(word: "Siobhan", said: " shiv-AWN ", to: path)
      #expect(entry.word == "Siobhan" && entry.spoken == .respelling("shiv-AWN") && entry.line == 1)
      #expect(try String(contentsOfFile: path, encoding: .utf8) == "\"Siobhan\": \"shiv-AWN\"\n")
      #expect(try Lexicon.load(path).entries.map(\.word) == ["Siobhan"])
    }
  }

  @Test func theWordsOldEntryGivesWayAndEveryOtherLineStays() throws {
    try TestSupport.withScratchFolder { folder in
      let path = try TestSupport.write(
        "# Names in the book\nDarcy: \"[[d'A@si]]\"\nSiobhan: shiv-ON\ngif: jif", to: "names.yaml", in: folder)
      let entry = try LexiconFile.save(word: "Siobhan", said: "[[S@v'A:n]]", to: path)
      #expect(entry.spoken == .phonemes("S@v'A:n") && entry.line == 4)
      #expect(
        try String(contentsOfFile: path, encoding: .utf8)
          == "# Names in the book\nDarcy: \"[[d'A@si]]\"\ngif: jif\n\"Siobhan\": \"[[S@v'A:n]]\"\n")
    }
  }

  @Test(arguments: [
    ("two words!", "x"), ("Darcy", ""), ("Darcy", "[[unclosed"), ("", "x"),
    ("Darcy", "[[" + String(repeating: "a:", count: 101) + "]]"),  // past what espeak-ng survives
  ])
  func whatALexiconCannotHoldIsRefusedAndTheFileKept(word: String, said: String) throws {
    try TestSupport.withScratchFolder { folder in
      let path = try TestSupport.write("Darcy: DAR-see\n", to: "names.yaml", in: folder)
      #expect(throws: AudiobookError.self) { try LexiconFile.save(word: word, said: said, to: path) }
      #expect(try String(contentsOfFile: path, encoding: .utf8) == "Darcy: DAR-see\n")
    }
  }

  @Test func quotesAndBackslashesAreWrittenSoTheyReadBack() throws {
    try TestSupport.withScratchFolder { folder in
      let path = folder.appendingPathComponent("names.yaml").path
      let entry = try LexiconFile.save(word: "O'Brien", said: #"oh "BRY" en\"#, to: path)
      #expect(entry.spoken == .respelling(#"oh "BRY" en\"#))
      #expect(try Lexicon.load(path).entries.first?.spoken == .respelling(#"oh "BRY" en\"#))
    }
  }

  @Test func aFileThatIsNotALexiconIsLeftAsItIs() throws {
    try TestSupport.withScratchFolder { folder in
      let path = try TestSupport.write("- a list\n- not a mapping\n", to: "names.yaml", in: folder)
      #expect(throws: AudiobookError.self) { try LexiconFile.save(word: "Darcy", said: "DAR-see", to: path) }
      #expect(try String(contentsOfFile: path, encoding: .utf8) == "- a list\n- not a mapping\n")
    }
  }

  @Test func anEntrySpanningLinesIsLeftForTheAuthor() throws {
    try TestSupport.withScratchFolder { folder in
      let text = "Darcy: >\n  DAR-see\ngif: jif\n"
      let path = try TestSupport.write(text, to: "names.yaml", in: folder)
      let error = try #require(throws: AudiobookError.self) {
        try LexiconFile.save(word: "Darcy", said: "DAR-see", to: path)
      }
      #expect(error.line == 1 && error.message.contains("spans lines"))
      #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }
  }

  @Test func aLinkedOrReadOnlyLexiconIsLeftAlone() throws {
    try TestSupport.withScratchFolder { folder in
      let shared = try TestSupport.write("Darcy: DAR-see\n", to: "shared.yaml", in: folder)
      let link = folder.appendingPathComponent("book.lexicon.yaml").path
      try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: shared)
      #expect(throws: AudiobookError.self) { try LexiconFile.save(word: "gif", said: "jif", to: link) }
      #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == shared)

      let readOnly = try TestSupport.write("Darcy: DAR-see\n", to: "names.yaml", in: folder)
      chmod(readOnly, 0o444)
      if access(readOnly, W_OK) != 0 {  // root may write anything
        #expect(throws: AudiobookError.self) { try LexiconFile.save(word: "gif", said: "jif", to: readOnly) }
      }
      let private_ = try TestSupport.write("Darcy: DAR-see\n", to: "private.yaml", in: folder)
      chmod(private_, 0o600)
      try LexiconFile.save(word: "gif", said: "jif", to: private_)
      #expect((try FileManager.default.attributesOfItem(atPath: private_)[.posixPermissions] as? Int) == 0o600)
    }
  }
}
