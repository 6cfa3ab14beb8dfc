import Testing

@testable import AudiobookPublish

@Suite struct CueSheetTests {
  @Test func oneFileAndTrackPerChapter() {
    let text = CueSheet.text(
      title: "The \"Best\" Book", performer: "Ada Finch",
      tracks: [.init(file: "01 One.wav", title: "One"), .init(file: "02 Two.wav", title: "Say \"hi\"\nnow")])
    #expect(
      text == """
        TITLE "The 'Best' Book"
        PERFORMER "Ada Finch"
        FILE "01 One.wav" WAVE
          TRACK 01 AUDIO
            TITLE "One"
            PERFORMER "Ada Finch"
            INDEX 01 00:00:00
        FILE "02 Two.wav" WAVE
          TRACK 02 AUDIO
            TITLE "Say 'hi' now"
            PERFORMER "Ada Finch"
            INDEX 01 00:00:00

        """)
  }

  /// Publication year, language and publisher become `REM` lines, which strict readers skip.
  @Test func remarksFromTheBooksMetadata() {
    let text = CueSheet.text(
      title: "Lanterns", performer: "Tom Reed", tracks: [.init(file: "01 One.wav", title: "One")],
      remarks: ["DATE 1998", "LANGUAGE en-GB", "PUBLISHER \"Quay Books\""])
    #expect(text.hasPrefix("REM DATE 1998\nREM LANGUAGE en-GB\nREM PUBLISHER \"Quay Books\"\nTITLE \"Lanterns\"\n"))
  }

  @Test func timesAreMinutesSecondsAndCueFrames() {
    #expect(CueSheet.time(frames: 0, sampleRate: 22_050) == "00:00:00")
    #expect(CueSheet.time(frames: 294, sampleRate: 22_050) == "00:00:01")
    #expect(CueSheet.time(frames: 22_050 * 61 + 294 * 74, sampleRate: 22_050) == "01:01:74")
    #expect(CueSheet.time(frames: 22_050 * 60 * 125, sampleRate: 22_050) == "125:00:00")
  }
}
