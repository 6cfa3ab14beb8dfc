import Foundation
import Testing

@testable import AudiobookAudio
@testable import AudiobookPublish

@Suite struct M4BWriterTests {
  @Test func metadataEscapesAndTimesChapters() {
    let text = M4BWriter.metadata(
      tags: AudioTags(title: "A=B", artist: "X;Y"),
      chapters: [.init(startFrame: 0, title: "One #1"), .init(startFrame: 44_100, title: "Two\\")], frames: 88_200,
      sampleRate: 44_100)
    #expect(
      text == """
        ;FFMETADATA1
        title=A\\=B
        artist=X\\;Y
        album_artist=X\\;Y
        genre=Audiobook
        media_type=2

        [CHAPTER]
        TIMEBASE=1/1000
        START=0
        END=1000
        title=One \\#1

        [CHAPTER]
        TIMEBASE=1/1000
        START=1000
        END=2000
        title=Two\\\\

        """)
  }
}
