import Testing

@testable import AudiobookCore
@testable import AudiobookBook
@testable import AudiobookAudio

@Suite struct AudioTagsTests {
  static let latin1Cases: [(String, [UInt8])] = [
    ("Café", [0x43, 0x61, 0x66, 0xE9]),
    ("“Zoë’s” – …", Array("\"Zo".utf8) + [0xEB] + Array("'s\" - ...".utf8)),
    ("Łódź", Array("?".utf8) + [0xF3] + Array("dz".utf8)),
    ("Ĉapelo", Array("Capelo".utf8)),
    ("東京", Array("??".utf8)),
    ("2′ 3″ −1", Array("2' 3\" -1".utf8)),
  ]

  /// Latin-1 letters stay one byte each; typographic punctuation becomes ASCII; letters
  /// outside Latin-1 lose their accents; what is left is `?`.
  @Test(arguments: latin1Cases)
  func latin1(text: String, bytes: [UInt8]) {
    #expect(AudioTags.latin1(text) == bytes)
  }

  @Test func emptyUntilATagIsSet() {
    #expect(AudioTags().isEmpty)
    #expect(!AudioTags(comment: "").isEmpty)
    #expect(AudioTags().fields.allSatisfy { $0.isEmpty })
  }

  /// A chapter's tags: its own title and number, the book's fields, and the voice as narrator
  /// when the book names none.
  @Test func aChaptersTagsNameTheBookAndTheVoice() {
    var book = Book(title: "The Lighthouse Ledger", author: "Ada Finch", chapters: [], sourceFile: "book.md")
    var expected = AudioTags(
      title: "The Crossing", artist: "Ada Finch", album: "The Lighthouse Ledger", trackNumber: "2",
      comment: "Synthesized narration (espeak-ng, voice en-us)")
    expected.composer = "espeak-ng voice en-us (synthesized)"
    let tags = AudioTags.chapter("The Crossing", number: 2, of: book, voice: "en-us")
    #expect(tags == expected)
    book.narrator = "Ruth Vale"
    book.series = "Harbour Tales"
    book.seriesPosition = "2"
    let narrated = AudioTags.chapter("The Crossing", number: 2, of: book, voice: "en-us")
    #expect(narrated.composer == "Ruth Vale" && narrated.series == "Harbour Tales" && narrated.seriesPosition == "2")
    // Every field decides the content hash: a new narrator rewrites the files.
    #expect(narrated.fields != tags.fields)
    #expect(
      Set(tags.fields.prefix(5))
        == Set(["The Crossing", "Ada Finch", "The Lighthouse Ledger", "2", tags.comment ?? ""]))
  }
}
