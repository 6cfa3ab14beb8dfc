import Testing

@testable import AudiobookAudio
@testable import AudiobookBook
@testable import AudiobookCore
@testable import AudiobookPublish

@Suite struct VorbisCommentsTests {
  @Test func chapterCommentsAreNumberedFromOneWithTheirTimes() {
    let marks = [
      EmbeddedTags.Mark(milliseconds: 0, title: "Fog"),
      EmbeddedTags.Mark(milliseconds: 3_723_004, title: "Clear Skies"),
    ]
    #expect(
      VorbisComments.chapterComments(marks) == [
        "CHAPTER001=00:00:00.000", "CHAPTER001NAME=Fog", "CHAPTER002=01:02:03.004", "CHAPTER002NAME=Clear Skies",
      ])
    let many = (0..<1_200).map { EmbeddedTags.Mark(milliseconds: $0, title: "C\($0)") }
    let comments = VorbisComments.chapterComments(many)
    #expect(comments.count == 2 * 999)
    #expect(comments.last == "CHAPTER999NAME=C998")
  }

  /// What libsndfile does not write, under the names Audiobookshelf reads; an identifier that
  /// is not an ISBN keeps a name of its own.
  @Test func extraCommentsCarryTheNarratorAsComposerAndTheSeries() {
    var tags = AudioTags(title: "T", artist: "Ida Marsh")
    tags.composer = "Ruth Vale"
    tags.series = "Harbour Tales"
    tags.seriesPosition = "2"
    tags.identifier = "0-306-40615-2"
    #expect(
      VorbisComments.extraComments(tags) == [
        "ALBUMARTIST=Ida Marsh", "COMPOSER=Ruth Vale", "SERIES=Harbour Tales", "SERIES-PART=2", "ISBN=0-306-40615-2",
      ])
    tags.identifier = "urn:uuid:1234"
    #expect(VorbisComments.extraComments(tags).last == "IDENTIFIER=urn:uuid:1234")
  }

  @Test func isbnsAreTenOrThirteenDigits() {
    #expect(VorbisComments.isISBN("978-0-306-40615-7"))
    #expect(VorbisComments.isISBN("080442957X"))
    #expect(!VorbisComments.isISBN("97803064061"))
    #expect(!VorbisComments.isISBN("97803064061X7"))
  }

  /// A FLAC picture: type 3, media type, size, depth, then the image, all lengths big-endian.
  @Test func thePictureBlockLaysTheCoverOut() throws {
    let png =
      [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
      + [0, 0, 1, 0x2C, 0, 0, 0, 0xC8, 8, 2, 0, 0, 0]
    let cover = try CoverImage(bytes: png, file: "c.png")
    let block = VorbisComments.picture(cover)
    #expect(Array(block.prefix(8)) == [0, 0, 0, 3, 0, 0, 0, 9])
    #expect(String(decoding: block[8..<17], as: UTF8.self) == "image/png")
    // No description; 300 × 200, 24 bits, no palette, then the image's length and bytes.
    #expect(Array(block[17..<37]) == [0, 0, 0, 0, 0, 0, 1, 0x2C, 0, 0, 0, 0xC8, 0, 0, 0, 24, 0, 0, 0, 0])
    #expect(Array(block[37..<41]) == [0, 0, 0, UInt8(png.count)])
    #expect(Array(block[41...]) == png)
  }

  /// Comments go after the list's own; what comes before (a packet's magic) and after (a
  /// framing bit) stays; a list that claims more than there is fails.
  @Test func appendingKeepsWhatSurroundsTheList() throws {
    let list = VorbisComments.list(vendor: "v", ["A=1"])
    let packet = Array("OpusTags".utf8) + list + [1]
    let grown = try VorbisComments.appending(["B=2"], to: packet, listAt: 8, reportedPath: "x")
    #expect(grown == Array("OpusTags".utf8) + VorbisComments.list(vendor: "v", ["A=1", "B=2"]) + [1])
    var broken = list
    broken[broken.count - 8] = 200
    #expect(throws: AudiobookError.self) {
      try VorbisComments.appending(["B=2"], to: broken, listAt: 0, reportedPath: "x")
    }
  }
}
