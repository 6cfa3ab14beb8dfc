import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookBook

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
    let (replaced, unknown) = HTMLEntities.preparing(Data("a&nbsp;b &amp; &copy &hellip;&#233;\n".utf8))
    #expect(String(decoding: replaced, as: UTF8.self) == "a&#160;b &amp; &copy &#8230;&#233;\n")
    #expect(unknown.isEmpty)
  }

  /// Any other reference, declared in the DOCTYPE or not, is text as written: nothing is
  /// expanded or fetched, and its line is kept for a warning.
  @Test func otherReferencesBecomeText() {
    let (replaced, unknown) = HTMLEntities.preparing(Data("<p>a &xxe; b</p>\n<p>&my-name.x;&lt;</p>\n".utf8))
    #expect(String(decoding: replaced, as: UTF8.self) == "<p>a &amp;xxe; b</p>\n<p>&amp;my-name.x;&lt;</p>\n")
    #expect(unknown == [.init(name: "xxe", line: 1), .init(name: "my-name.x", line: 2)])
  }
}
