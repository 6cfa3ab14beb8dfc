import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookBook

@Suite struct ManuscriptReaderTests {
  @Test func dropsByteOrderMarkAndAcceptsCRLF() throws {
    let lines = try ManuscriptReader.decode(Array("\u{FEFF}One\r\ntwo\r\n\r\nthree".utf8), file: "b.txt")
    #expect(lines == ["One", "two", "", "three"])
  }

  @Test func namesTheLineOfInvalidUTF8() {
    let bytes = Array("fine\nalso fine\n".utf8) + [0x93, 0x61, 0x94] + Array("\nlast".utf8)
    #expect(
      throws: AudiobookError(
        .badInput,
        "is neither UTF-8 nor Windows-1252 (first bad byte on this line); give --encoding NAME or save it as UTF-8",
        file: "b.txt", line: 3)
    ) {
      try ManuscriptReader.decode(bytes, file: "b.txt")
    }
  }

  @Test func transcodesUTF16AndWindows1252() throws {
    let utf16 = try ManuscriptReader.transcode(
      Array("Café\n".data(using: .utf16) ?? Data()), encoding: nil, file: "b.txt")
    #expect(utf16.bytes == Array("Café\n".utf8))
    #expect(utf16.warning == nil)
    let old = try ManuscriptReader.transcode([0x41, 0x0A, 0x93, 0x42, 0x94], encoding: nil, file: "b.txt")
    #expect(old.bytes == Array("A\n“B”".utf8))
    #expect(old.warning?.hasPrefix("b.txt:2: warning:") == true)
    let undefined = try ManuscriptReader.transcode([0x41, 0x81], encoding: nil, file: "b.txt")
    #expect(undefined.bytes == [0x41, 0x81])
    #expect(try ManuscriptReader.transcode([0xE9], encoding: "latin1", file: "b.txt").bytes == Array("é".utf8))
  }

  /// `--encoding` takes any name iconv knows, and the common short ones.
  @Test(arguments: [
    ("macroman", [0x8E, 0x8F, 0xA5] as [UInt8], "éè•"), ("MACINTOSH", [0x8E], "é"), ("koi8-r", [0xF0, 0xD2], "Пр"),
    ("windows-1252", [0x93, 0x80, 0x94], "“€”"), ("ISO-8859-15", [0xA4], "€"), ("latin-1", [0xE9], "é"),
    ("utf-16le", [0x41, 0x00, 0x0A, 0x00], "A\n"), ("utf-16", [0x41, 0x00, 0xE9, 0x00], "Aé"),
    ("utf-16", [0x00, 0x41, 0x00, 0xE9], "Aé"),
  ])
  func readsAnyEncodingIconvKnows(name: String, bytes: [UInt8], text: String) throws {
    #expect(try ManuscriptReader.transcode(bytes, encoding: name, file: "b.txt").bytes == Array(text.utf8))
  }

  @Test func anUnknownEncodingIsUsageAndBadBytesNameTheirLine() {
    let unknown = #expect(throws: AudiobookError.self) {
      try ManuscriptReader.transcode([0x41], encoding: "klingon-8", file: "b.txt")
    }
    #expect(unknown?.kind == .usage)
    let bad = #expect(throws: AudiobookError.self) {
      try ManuscriptReader.transcode(Array("A\nB\n".utf8) + [0xFF], encoding: "utf-8", file: "b.txt")
    }
    #expect(bad?.kind == .badInput)
    #expect(bad?.line == 3)
  }

  @Test func classicMacLineEndingsAreLines() throws {
    #expect(
      try ManuscriptReader.decode(Array("Chapter 1\r\rIt rained.\r".utf8), file: "b.txt") == [
        "Chapter 1", "", "It rained.", "",
      ])
  }

  @Test func refusesNULBytes() {
    let error = #expect(throws: AudiobookError.self) {
      try ManuscriptReader.decode([0x41, 0x0A, 0x00, 0x42], file: "b.txt")
    }
    #expect(error?.kind == .badInput)
    #expect(error?.line == 2)
  }

  @Test func refusesMostlyControlCharacters() {
    let bytes: [UInt8] = Array(repeating: 0x01, count: 50) + Array("abc".utf8)
    let error = #expect(throws: AudiobookError.self) { try ManuscriptReader.decode(bytes, file: "b.txt") }
    #expect(error?.kind == .badInput)
  }

  @Test func refusesAnEmptyManuscript() {
    let error = #expect(throws: AudiobookError.self) {
      try ManuscriptReader.decode(Array(" \n\t\n".utf8), file: "b.txt")
    }
    #expect(error?.kind == .badInput)
    #expect(error?.message.contains("empty") == true)
  }

  @Test func missingFileIsMissingInput() {
    let error = #expect(throws: AudiobookError.self) { try ManuscriptReader.read("/nonexistent/book.txt") }
    #expect(error?.kind == .missingInput)
    #expect(error?.file == "/nonexistent/book.txt")
  }

  @Test func chooseFormatByExtension() throws {
    try TestSupport.withScratchFolder { folder in
      let markdown = try TestSupport.write("# A\n\nText.", to: "book.md", in: folder)
      let text = try TestSupport.write("Text.", to: "book.txt", in: folder)
      #expect(try ManuscriptReader.read(markdown).format == .markdown)
      #expect(try ManuscriptReader.read(text).format == .plainText)
    }
  }
}
