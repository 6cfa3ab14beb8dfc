import Testing

@testable import AudiobookCore
@testable import AudiobookBook

/// File names from titles stay within what file systems take: 255 bytes, with room for the
/// names made from them, cut between whole characters.
@Suite struct BookSlugLimitsTests {
  @Test(arguments: [
    String(repeating: "灯", count: 100), String(repeating: "👩‍🚀", count: 70),
    String(repeating: "é", count: 300),
    String(repeating: "e\u{301}\u{302}\u{303}", count: 90), String(repeating: "a", count: 400),
  ])
  func namesAreCutToWholeCharactersWithinTheLimit(title: String) {
    for ext in ["wav", "flac", "opus"] {
      let name = BookSlug.chapterFileName(number: 12, of: 1_234, title: title, extension: ext)
      #expect(name.utf8.count <= BookSlug.maximumFileNameBytes - BookSlug.derivedNameRoom, "\(name.utf8.count)")
      #expect(name.hasPrefix("0012 ") && name.hasSuffix(".\(ext)"))
      let kept = name.dropFirst(5).dropLast(ext.count + 1)
      #expect(!kept.isEmpty)
      // Whole characters of the title only: what is kept is the title's start.
      #expect(title.hasPrefix(kept), "\(name)")
      // The longest derived name (`NAME.flac.srt`, `.NAME.4194304.partial`) still fits.
      #expect(".\(name).4194304.partial".utf8.count <= BookSlug.maximumFileNameBytes)
    }
  }

  @Test func bidiOverridesGoAndJoinersStay() {
    #expect(
      BookSlug.chapterFileName(number: 1, of: 2, title: "evil\u{202E}vaw.exe", extension: "wav") == "01 evilvaw.exe.wav"
    )
    #expect(BookSlug.chapterFileName(number: 1, of: 2, title: "👩‍🚀", extension: "wav") == "01 👩‍🚀.wav")
  }

  @Test func prefixCountsBytes() {
    #expect(BookSlug.prefix(of: "aé灯👩‍🚀", bytes: 0) == "")
    #expect(BookSlug.prefix(of: "aé灯👩‍🚀", bytes: 3) == "aé")
    #expect(BookSlug.prefix(of: "aé灯👩‍🚀", bytes: 16) == "aé灯")
    #expect(BookSlug.prefix(of: "aé灯👩‍🚀", bytes: 17) == "aé灯👩‍🚀")
  }
}
