import Foundation
import Testing

@testable import AudiobookBook
@testable import AudiobookPublish

struct ReadAlongOverlayTests {
  @Test func linksArePathsFromTheLinkingFile() {
    #expect(ReadAlongOverlay.relative("EPUB/text/a.xhtml", from: "EPUB/smil/a.smil") == "../text/a.xhtml")
    #expect(ReadAlongOverlay.relative("OEBPS/ch 1.xhtml", from: "OEBPS/read-along/o.smil") == "../ch%201.xhtml")
    #expect(ReadAlongOverlay.relative("EPUB/audio/b.mp3", from: "EPUB/package.opf") == "audio/b.mp3")
    #expect(ReadAlongOverlay.relative("c.xhtml", from: "package.opf") == "c.xhtml")
  }

  @Test func clocksAreExactToTheMillisecond() {
    #expect(ReadAlongOverlay.clock(0) == "0.000s")
    #expect(ReadAlongOverlay.clock(62_045) == "62.045s")
    #expect(ReadAlongOverlay.fullClock(3_723_456) == "1:02:03.456")
    #expect(ReadAlongOverlays.milliseconds("62.045s") == 62_045)
    #expect(ReadAlongOverlays.milliseconds("1:02:03.456") == 3_723_456)
    #expect(ReadAlongOverlays.milliseconds("soon") == nil)
  }

  @Test func theSmilPairsEachElementWithItsClip() {
    let overlay = ReadAlongOverlay(
      document: "EPUB/text/c.xhtml", path: "EPUB/smil/c.smil", itemID: "o1", container: nil,
      pars: [.init(id: "s1", begin: 750, end: 2_250, audio: "EPUB/audio/c.mp3")])
    #expect(
      overlay.smil.contains(
        #"<par id="par1"><text src="../text/c.xhtml#s1"/><audio src="../audio/c.mp3" clipBegin="0.750s" clipEnd="2.250s"/></par>"#
      ))
    #expect(overlay.duration == 1_500)
  }

  @Test func theSameBookGetsTheSameIdentifierAndDate() {
    #expect(ReadAlongBook.modified("1813") == "1813-01-01T00:00:00Z")
    #expect(ReadAlongBook.modified("2024-05-01") == "2024-05-01T00:00:00Z")
    #expect(ReadAlongBook.modified("spring") == "2000-01-01T00:00:00Z")
    #expect(ReadAlongBook.languageTag("en-GB") == "en-GB" && ReadAlongBook.languageTag("no language") == "en")
  }

  /// What the zip writer writes, our zip reader reads back, entry for entry.
  @Test func theZipReadsBack() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("zip-\(UUID().uuidString).epub").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    var zip = try ZipFileWriter(path: path, reportedPath: path)
    try zip.add("mimetype", Array("application/epub+zip".utf8))
    try zip.add("EPUB/a.txt", Array(repeating: 7, count: 100_000))
    try zip.finish()
    let archive = try EpubArchive(path: path)
    #expect(archive.paths == ["EPUB/a.txt", "mimetype"])
    #expect(try archive.data(at: "EPUB/a.txt") == Data(repeating: 7, count: 100_000))
    #expect(try archive.data(at: "mimetype") == Data("application/epub+zip".utf8))
  }
}
