import Testing

@testable import AudiobookAudio
@testable import AudiobookPublish

@Suite struct EmbeddedChaptersTests {
  let marks = [
    EmbeddedChapters.Mark(milliseconds: 0, title: "Fog"),
    EmbeddedChapters.Mark(milliseconds: 3_723_004, title: "Clear Skies"),
  ]

  @Test func vorbisChapterCommentsAreNumberedFromOneWithTheirTimes() {
    #expect(
      EmbeddedChapters.chapterComments(marks) == [
        "CHAPTER001=00:00:00.000", "CHAPTER001NAME=Fog", "CHAPTER002=01:02:03.004", "CHAPTER002NAME=Clear Skies",
      ])
    let many = (0..<1_200).map { EmbeddedChapters.Mark(milliseconds: $0, title: "C\($0)") }
    let comments = EmbeddedChapters.chapterComments(many)
    #expect(comments.count == 2 * 999)
    #expect(comments.last == "CHAPTER999NAME=C998")
  }

  /// An ID3v2.4 tag whose size is synchsafe, with a table of contents and a CHAP frame per
  /// chapter ending where the next starts.
  @Test func theID3TagHoldsATableOfContentsAndAFramePerChapter() {
    let tag = EmbeddedChapters.id3Tag(marks, total: 4_000_000, tags: AudioTags(title: "Harbour Lights", artist: "Ida"))
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
    let many = (0..<300).map { EmbeddedChapters.Mark(milliseconds: $0 * 1000, title: "C") }
    #expect(
      !String(decoding: EmbeddedChapters.id3Tag(many, total: 300_000, tags: AudioTags()), as: UTF8.self).contains(
        "CTOC"))
  }
}
