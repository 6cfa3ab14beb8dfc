import AudiobookCore

/// A manuscript read into chapters and paragraphs, before any speech processing.
public struct Book: Sendable, Equatable {
  public var title: String
  public var author: String?
  /// The voice the manuscript asks for (Markdown front matter), if any.
  public var voice: String?
  /// The book's language as a BCP 47 tag (`en`, `fr-CA`), when the manuscript says (EPUB `dc:language`).
  public var language: String?
  /// The publisher, when the manuscript says (EPUB `dc:publisher`).
  public var publisher: String?
  /// The publication date as the manuscript writes it (EPUB `dc:date`, such as `1813` or `2021-03-04`).
  public var date: String?
  public var subtitle: String?
  /// Who reads the book, names joined with ", "; nil for synthesized narration only (the
  /// published files then name the voice).
  public var narrator: String?
  public var series: String?
  /// The book's place in its series, as written (`2`, `2.5`).
  public var seriesPosition: String?
  /// The publisher's description of the book (front matter `description`, EPUB `dc:description`).
  public var summary: String?
  public var genre: String?
  /// An ISBN or other identifier (EPUB `dc:identifier`).
  public var identifier: String?
  public var cover: CoverImage?
  /// Where each metadata field came from, by its front-matter name (`BookMetadata.origins`);
  /// a field with none comes from the manuscript itself.
  public var origins: [String: String] = [:]
  /// Render settings kept with the book (front matter, `BOOK.audiobook.yaml`), as written.
  public var settings = BookSettings()
  public var chapters: [Chapter]
  /// The manuscript's path as the user gave it, for messages.
  public var sourceFile: String
  /// `file:line: warning: ...` lines about how the manuscript was read.
  public var warnings: [String] = []
  /// The book's own pronunciations (`BOOK.lexicon.yaml`, front matter `lexicon:`, `--lexicon`).
  public var lexicon: Lexicon = .empty
  /// Who reads the quotations (front matter and settings file `cast:`); empty: the narrator alone.
  public var cast = Cast()
  /// Words marked in the manuscript as another language's (`<span lang="fr">`, `xml:lang`).
  public var foreignPhrases: [ForeignPhrase] = []

  public init(title: String, author: String?, voice: String? = nil, chapters: [Chapter], sourceFile: String) {
    self.title = title
    self.author = author
    self.voice = voice
    self.chapters = chapters
    self.sourceFile = sourceFile
  }
}

/// One chapter: its title as written, where it starts, and its paragraphs.
public struct Chapter: Sendable, Equatable {
  /// 1-based, in reading order; `say --paragraph C:P` uses this number.
  public var number: Int
  /// The title as the book writes it, e.g. "Chapter 3: The Gala".
  public var title: String
  /// The 1-based line of the heading (or of the first paragraph when there is none).
  public var sourceLine: Int
  public var paragraphs: [Paragraph]
  /// The part (`Part One`, `BOOK II`, `VOLUME I`) the chapter belongs to, if the book has parts.
  public var part: String?
  /// Whether the chapter is the first of its part, so its spoken title begins with the part's.
  public var opensPart = false

  public init(number: Int, title: String, sourceLine: Int, paragraphs: [Paragraph], part: String? = nil) {
    self.number = number
    self.title = title
    self.sourceLine = sourceLine
    self.paragraphs = paragraphs
    self.part = part
  }

  public var wordCount: Int { paragraphs.reduce(0) { $0 + $1.wordCount } }
}

/// One paragraph: hard-wrapped lines joined with single spaces.
public struct Paragraph: Sendable, Equatable {
  /// 1-based within its chapter.
  public var number: Int
  /// Stable across edits elsewhere in the book: derived from the text (see `ParagraphID`).
  public var id: String
  /// The 1-based line where the paragraph starts in the manuscript.
  public var sourceLine: Int
  /// The paragraph as written, its lines joined.
  public var text: String
  /// The 1-based line where the paragraph ends in the manuscript.
  public var lastLine: Int

  public init(number: Int, id: String, sourceLine: Int, text: String, lastLine: Int? = nil) {
    self.number = number
    self.id = id
    self.sourceLine = sourceLine
    self.text = text
    self.lastLine = lastLine ?? sourceLine
  }

  public var wordCount: Int { text.wordCount }
}
