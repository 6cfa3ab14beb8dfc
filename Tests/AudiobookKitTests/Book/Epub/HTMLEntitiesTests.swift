import Foundation
import Testing

@testable import AudiobookKit

@Suite struct HTMLEntitiesTests {
  /// XHTML 1.1 declares the 253 entities of HTML 4; the five XML ones need no help.
  @Test func theWholeHTML4Set() {
    #expect(HTMLEntities.codePoints.count == 248)
    #expect(HTMLEntities.codePoints["nbsp"] == 0xA0)
    #expect(HTMLEntities.codePoints["yuml"] == 0xFF)
    #expect(HTMLEntities.codePoints["mdash"] == 0x2014)
    #expect(HTMLEntities.codePoints["amp"] == nil)
  }

  @Test func namedEntitiesBecomeCharacterReferences() {
    let replaced = HTMLEntities.replacingNamedEntities(in: Data("a&nbsp;b &amp; &unknown; &copy &hellip;\n".utf8))
    #expect(String(decoding: replaced, as: UTF8.self) == "a&#160;b &amp; &unknown; &copy &#8230;\n")
  }
}
