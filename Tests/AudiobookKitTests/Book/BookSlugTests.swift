import Testing

@testable import AudiobookBook

@Suite struct BookSlugTests {
  @Test func slugs() {
    #expect(BookSlug.slug("The Lighthouse Keeper's Ledger") == "the-lighthouse-keepers-ledger")
    #expect(BookSlug.slug("Valérie Loren") == "valerie-loren")
    #expect(BookSlug.slug("???") == "book")
    // Other scripts through Latin letters: two such books never share the folder `book`.
    #expect(BookSlug.slug("Война и мир") == "vojna-i-mir")
    #expect(BookSlug.slug("红楼梦") == "hong-lou-meng")
  }

  @Test func chapterFileNamesArePaddedToTheChapterCount() {
    #expect(
      BookSlug.chapterFileName(number: 3, of: 9, title: "Chapter 3: The Gala", extension: "wav")
        == "03 Chapter 3 The Gala.wav")
    #expect(
      BookSlug.chapterFileName(number: 7, of: 61, title: "CHAPTER VII.", extension: "wav") == "07 CHAPTER VII.wav")
    #expect(BookSlug.chapterFileName(number: 7, of: 135, title: "A/B \"C\" <D>?", extension: "wav") == "007 AB C D.wav")
    #expect(BookSlug.chapterFileName(number: 1, of: 1, title: "...", extension: "wav") == "01.wav")
  }

  @Test func titleFromFileName() {
    #expect(BookSlug.title(fromFileName: "/x/valerie-loren.txt") == "Valerie Loren")
    #expect(BookSlug.title(fromFileName: "my_story.md") == "My Story")
  }
}
