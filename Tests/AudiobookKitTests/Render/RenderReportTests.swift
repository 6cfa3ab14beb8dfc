import Foundation
import Testing

@testable import AudiobookAudio
@testable import AudiobookPublish
@testable import AudiobookSpeech
@testable import AudiobookKit

@Suite struct RenderReportTests {
  func chapter(_ number: Int, frames: Int, paragraphs: Int) -> Manifest.Chapter {
    Manifest.Chapter(
      number: number, title: "Chapter \(number)", file: "0\(number) Chapter \(number).wav", frames: frames,
      sha256: "", sourceLine: 1, contentHash: "", heading: TimedSpan(text: "", startFrame: 0, frames: 0),
      paragraphs: (0..<paragraphs).map {
        Manifest.Paragraph(id: "p\($0)", number: $0 + 1, sourceLine: 1, startFrame: 0, frames: 0, sentences: [])
      })
  }

  /// A chapter's line: its duration to the millisecond, its paragraphs, whether it was written.
  @Test func aChapterReportsItsDurationToTheMillisecond() {
    let report = ChapterReport(chapter(2, frames: 33_333, paragraphs: 3), sampleRate: 22_050, written: false)
    #expect(report.number == 2)
    #expect(report.file == "02 Chapter 2.wav")
    #expect(report.durationSeconds == 1.512)
    #expect(report.paragraphs == 3)
    #expect(!report.written)
    #expect(report.cacheHits == 0 && report.cacheMisses == 0 && report.synthesisSeconds == 0)
    #expect(ChapterReport.rounded(1.2345) == 1.235)
    #expect(ChapterReport.rounded(0.0004) == 0)
  }

  /// Totals add the chapters' synthesis time; every time is to the millisecond; speed is
  /// audio seconds per wall second, whole.
  @Test func theReportTotalsTheRender() throws {
    var first = ChapterReport(chapter(1, frames: 22_050 * 10, paragraphs: 2), sampleRate: 22_050, written: true)
    first.synthesisSeconds = 1.2344
    first.cacheMisses = 2
    var second = ChapterReport(chapter(2, frames: 22_050 * 20, paragraphs: 1), sampleRate: 22_050, written: true)
    second.synthesisSeconds = 0.5002
    second.cacheHits = 1
    let summary = RenderSummary(
      chapters: 2, chaptersWritten: 2, paragraphs: 3, paragraphsSynthesized: 2, cacheHits: 1, cacheMisses: 2,
      audioSeconds: 30.00049)
    let result = Renderer.Result(
      folder: "out/harbour-lights", manifest: ManifestTests.manifest(chapters: []), summary: summary,
      chapters: [first, second])
    let report = RenderReport(book: "harbour.txt", result: result, wallSeconds: 2.00049)
    #expect(report.book == "harbour.txt")
    #expect(report.folder == "out/harbour-lights")
    #expect(report.chapters == [first, second])
    #expect(report.totals.audioSeconds == 30)
    #expect(report.totals.cacheMisses == 2)
    #expect(report.synthesisSeconds == 1.735)
    #expect(report.wallSeconds == 2)
    #expect(report.speed == 15)
    // A render over in no time has a speed, not a division by zero.
    #expect(RenderReport(book: "b", result: result, wallSeconds: 0).speed == 30_000)
  }

  @Test func theReportIsKeySortedJSONEndingInANewline() throws {
    let summary = RenderSummary(
      chapters: 0, chaptersWritten: 0, paragraphs: 0, paragraphsSynthesized: 0, cacheHits: 0, cacheMisses: 0,
      audioSeconds: 0)
    let result = Renderer.Result(
      folder: "out/x", manifest: ManifestTests.manifest(chapters: []), summary: summary, chapters: [])
    let bytes = try RenderReport(book: "x.txt", result: result, wallSeconds: 1).encoded()
    #expect(bytes.last == UInt8(ascii: "\n"))
    let keys = try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]).keys.sorted()
    #expect(keys == ["book", "chapters", "folder", "speed", "synthesisSeconds", "totals", "wallSeconds"])
    let text = String(decoding: bytes, as: UTF8.self)
    let positions = keys.compactMap { text.range(of: "\"\($0)\" :")?.lowerBound }
    #expect(positions == positions.sorted() && positions.count == keys.count)
  }
}
