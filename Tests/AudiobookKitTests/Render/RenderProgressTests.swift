import Testing

@testable import AudiobookKit

@Suite struct RenderProgressTests {
  func started(characters: Int, toSynthesize: Int) -> RenderEvent {
    .started(
      chapters: 2, paragraphs: 4, paragraphsToSynthesize: 2, chaptersUnchanged: 0, characters: characters,
      charactersToSynthesize: toSynthesize)
  }

  func paragraph(_ characters: Int, cached: Bool) -> RenderEvent {
    .paragraph(chapter: 1, paragraph: 1, cached: cached, frames: 22_050, characters: characters)
  }

  /// The share done counts text, not paragraphs: one long paragraph of four is most of the book.
  @Test func theShareDoneIsTheShareOfTheText() {
    var progress = RenderProgress()
    progress.add(started(characters: 1_000, toSynthesize: 1_000))
    progress.add(paragraph(700, cached: false))
    #expect(progress.share == 0.7)
    #expect(progress.work == 0.7)
    progress.add(paragraph(100, cached: false))
    #expect(abs(progress.share - 0.8) < 1e-9)
  }

  /// At a steady speed the time left is the same after the first paragraph as later on, what
  /// ever their lengths: 10 s for 100 characters leaves 90 s for the other 900.
  @Test func theTimeLeftHoldsSteadyAtASteadySpeed() throws {
    var progress = RenderProgress()
    progress.add(started(characters: 1_000, toSynthesize: 1_000))
    #expect(progress.secondsLeft(elapsed: 0.1) == nil)
    progress.add(paragraph(100, cached: false))
    let first = try #require(progress.secondsLeft(elapsed: 10))
    progress.add(paragraph(600, cached: false))
    let later = try #require(progress.secondsLeft(elapsed: 70))
    #expect(abs(first - 90) < 1e-6)
    #expect(abs(later - 30) < 1e-6)
  }

  /// Cached text weighs little: half the text cached and done is not half the time.
  @Test func cachedTextCountsForLittleOfTheTime() {
    var progress = RenderProgress()
    progress.add(started(characters: 1_000, toSynthesize: 500))
    progress.add(paragraph(500, cached: true))
    #expect(progress.share == 0.5)
    #expect(progress.work < 0.05)
  }

  @Test func theLineShowsTheBarShareAudioSpeedAndTimeLeft() {
    var progress = RenderProgress()
    progress.add(started(characters: 1_000, toSynthesize: 1_000))
    progress.add(paragraph(400, cached: false))
    let line = progress.line(elapsed: 2, sampleRate: 22_050)
    #expect(line.hasPrefix("[########------------]  40%  0.00 h of audio  0× real time  ETA 0:00:03"))
  }
}
