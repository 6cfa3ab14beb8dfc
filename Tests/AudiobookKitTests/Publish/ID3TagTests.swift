import Testing

@testable import AudiobookAudio
@testable import AudiobookBook
@testable import AudiobookPublish

@Suite struct ID3TagTests {
  let marks = [
    EmbeddedTags.Mark(milliseconds: 0, title: "Fog"), EmbeddedTags.Mark(milliseconds: 3_723_004, title: "Clear Skies"),
  ]

  /// An ID3v2.4 tag whose size is synchsafe, with a table of contents and a CHAP frame per
  /// chapter ending where the next starts.
  @Test func theTagHoldsATableOfContentsAndAFramePerChapter() {
    let tag = ID3Tag.bytes(marks, total: 4_000_000, tags: AudioTags(title: "Harbour Lights", artist: "Ida"))
    #expect(Array(tag.prefix(5)) == Array("ID3".utf8) + [4, 0])
    let size = tag[6..<10].reduce(0) { $0 << 7 | Int($1) }
    #expect(size == tag.count - 10)
    #expect(tag[6..<10].allSatisfy { $0 < 0x80 })
    let text = String(decoding: tag, as: UTF8.self)
    for id in ["TIT2", "TPE1", "CTOC", "CHAP"] { #expect(text.contains(id), "\(id)") }
    #expect(text.components(separatedBy: "CHAP").count - 1 == 2)
    // The second chapter runs from 3,723,004 ms to the end, 4,000,000 ms.
    let second = Array("chp2".utf8) + [0, 0x00, 0x38, 0xCE, 0xFC, 0x00, 0x3D, 0x09, 0x00]
    #expect(tag.indices.contains { tag[$0...].starts(with: second) })
    let many = (0..<300).map { EmbeddedTags.Mark(milliseconds: $0 * 1000, title: "C") }
    #expect(!String(decoding: ID3Tag.bytes(many, total: 300_000, tags: AudioTags()), as: UTF8.self).contains("CTOC"))
  }

  /// A chapter file's tag: no table of contents, the narrator as TCOM, user frames for the
  /// series, the cover as a front-cover APIC frame.
  @Test func aChapterFilesTagCarriesTheBooksFieldsAndCover() throws {
    var tags = AudioTags(title: "Fog", artist: "Ida", album: "Harbour Lights", trackNumber: "1")
    tags.composer = "Ruth Vale"
    tags.series = "Harbour Tales"
    let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xC0, 0, 11, 8, 0, 2, 0, 3, 1, 1, 0x11, 0, 0xFF, 0xD9]
    tags.cover = try CoverImage(bytes: jpeg, file: "c.jpg")
    let tag = ID3Tag.bytes([], total: 0, tags: tags)
    func frame(_ id: String, _ body: [UInt8]) -> Bool {
      let wanted = Array(id.utf8) + [0, 0, 0, UInt8(body.count), 0, 0] + body
      return tag.indices.contains { tag[$0...].starts(with: wanted) }
    }
    #expect(frame("TCOM", [3] + Array("Ruth Vale".utf8)))
    #expect(frame("TXXX", [3] + Array("SERIES".utf8) + [0] + Array("Harbour Tales".utf8)))
    #expect(frame("APIC", [3] + Array("image/jpeg".utf8) + [0, 3, 0] + jpeg))
    #expect(!String(decoding: tag, as: UTF8.self).contains("CTOC"))
  }
}
