import Testing

@testable import AudiobookText

@Suite struct MarkupNoticeTests {
  @Test func phonemesAndTagsAreNoticed() {
    #expect(MarkupNotice.check("Say [[h@'loU]] now.")?.contains("[[h@'loU]]") == true)
    #expect(MarkupNotice.check("A <break time=\"3s\"/> pause.")?.contains("<break") == true)
    #expect(MarkupNotice.check("</speak>") != nil)
  }

  @Test func ordinaryTextIsNot() {
    #expect(MarkupNotice.check("If a < b and c > d, [sic] it holds.") == nil)
    #expect(MarkupNotice.check("“Hello,” she said.") == nil)
  }
}
