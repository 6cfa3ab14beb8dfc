/// Small EPUBs for tests, each showing one way books are made. The text is written for
/// these tests.
public enum EpubSamples {
  /// EPUB 3 with a navigation document (in the spine too) and landmarks: a cover, a
  /// copyright page, a title page that no entry points to, and three chapters, one in two files.
  public static var epub3: EpubFile {
    var file = EpubFile(
      version: .epub3, title: "The Salt Road", creator: "Ada Quill", language: "en", publisher: "Harbour & Lamp",
      date: "2021-03-04",
      documents: [
        .init("cover.xhtml", EpubFile.xhtml(#"<img src="cover.jpg" alt="The Salt Road, a novel"/>"#, title: "Cover")),
        .init(
          "titlepage.xhtml",
          EpubFile.xhtml(#"<h1 class="title">The Salt Road</h1><p class="author">Ada Quill</p>"#, title: "Title")),
        .init(
          "copyright.xhtml",
          EpubFile.xhtml(
            #"<section epub:type="copyright-page"><p>Copyright 2021 Ada Quill. All rights reserved.</p></section>"#,
            title: "Copyright")),
        .init(
          "ch1.xhtml",
          EpubFile.xhtml(
            """
            <section epub:type="chapter">
            <h1>Chapter 1</h1>
            <h2>The Letter</h2>
            <p>The letter came on a Tuesday, folded twice and smelling of the sea.</p>
            <p>Mara read it at the window while the kettle sang.</p>
            </section>
            """, title: "Chapter 1")),
        .init(
          "ch2.xhtml",
          EpubFile.xhtml(
            """
            <h1>Chapter 2: The Crossing</h1>
            <p>The ferry left at dawn&#160;&#8212; grey water, grey sky.</p>
            """, title: "Chapter 2")),
        .init(
          "ch3.xhtml",
          EpubFile.xhtml(
            """
            <h1>Chapter 3</h1>
            <p>The keeper was waiting on the jetty.</p>
            """, title: "Chapter 3")),
        .init(
          "ch3-part2.xhtml",
          EpubFile.xhtml("<p>He took her bag without a word.</p>", title: "Chapter 3, continued")),
      ],
      toc: [
        .init("Cover", "cover.xhtml"),
        .init("Chapter 1: The Letter", "ch1.xhtml"),
        .init("Chapter 2: The Crossing", "ch2.xhtml"),
        .init("Chapter 3: The Keeper", "ch3.xhtml"),
      ])
    file.landmarks = [("cover", "cover.xhtml"), ("toc", "nav.xhtml#toc"), ("bodymatter", "ch1.xhtml")]
    file.navigationInSpine = true
    return file
  }

  /// EPUB 2 with an NCX (nested entries: a part holding chapters) and a guide naming the cover.
  public static var epub2: EpubFile {
    var file = EpubFile(
      version: .epub2, title: "Lanterns", creator: "Tom Reed", language: "en-GB", publisher: "Quay Books",
      date: "1998",
      documents: [
        .init(
          "cover.html",
          """
          <?xml version="1.0" encoding="UTF-8"?>
          <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">
          <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Cover</title></head>
          <body><div><h1>Lanterns</h1><p>A novel by Tom Reed</p></div></body></html>
          """),
        .init(
          "part1.html",
          EpubFile.xhtml(#"<h1 class="part">Part One</h1>"#, title: "Part One")),
        .init(
          "chapter01.html",
          EpubFile.xhtml(
            """
            <h2>One</h2>
            <p>The lanterns were lit at six&nbsp;o&rsquo;clock, one by one, down the length of the quay.</p>
            <p>Nobody remembered who had started the custom.</p>
            """, title: "One")),
        .init(
          "chapter02.html",
          EpubFile.xhtml(
            """
            <h2>Two</h2>
            <p>By morning the lanterns were cold and the gulls were back.</p>
            """, title: "Two")),
      ],
      toc: [
        .init("Cover", "cover.html"),
        .init("Part One", "part1.html", children: [.init("One", "chapter01.html"), .init("Two", "chapter02.html")]),
      ])
    file.landmarks = [("cover", "cover.html")]
    return file
  }

  /// Footnote references and bodies, endnotes in a document of their own and a pop-up note
  /// outside the reading order (`linear="no"`).
  public static var footnotes: EpubFile {
    EpubFile(
      version: .epub3, title: "Notes on Tides", creator: "Ada Quill",
      documents: [
        .init(
          "ch1.xhtml",
          EpubFile.xhtml(
            """
            <h1>Spring Tides</h1>
            <p>Spring tides have nothing to do with spring.<a epub:type="noteref" href="#fn1" id="r1">1</a> \
            They come with the full moon.<sup><a role="doc-noteref" href="notes.xhtml#en1">2</a></sup></p>
            <aside epub:type="footnote" id="fn1"><p><a href="#r1" role="doc-backlink">1.</a> \
            The word means a leap.</p></aside>
            <p>Neap tides come between them.</p>
            """, title: "Spring Tides")),
        .init("popup.xhtml", EpubFile.xhtml("<p>A pop-up note, outside the reading order.</p>"), isLinear: false),
        .init(
          "notes.xhtml",
          EpubFile.xhtml(
            """
            <section epub:type="endnotes" role="doc-endnotes">
            <h1>Notes</h1>
            <ol><li id="en1"><p>The moon and sun pull together.</p></li></ol>
            </section>
            """, title: "Notes")),
      ],
      toc: [.init("Spring Tides", "ch1.xhtml"), .init("Notes", "notes.xhtml")])
  }

  /// One document holding three chapters that the table of contents splits by fragment ids
  /// (two sections, then a bare anchor inside a paragraph), and a document after it that no
  /// entry points to. In French.
  public static var fragments: EpubFile {
    EpubFile(
      version: .epub3, title: "Three Harbours", creator: "Tom Reed", language: "fr",
      documents: [
        .init(
          "text.xhtml",
          EpubFile.xhtml(
            """
            <section id="saltby">
            <h1>Saltby</h1>
            <p>Saltby has a harbour wall and a bakery.</p>
            </section>
            <section id="quayford">
            <h1>Quayford</h1>
            <p>Quayford has a lifeboat and a chapel.</p>
            <p>Its chapel bell is cracked.</p>
            <p><a id="lowmoor"></a>Lowmoor has neither, but it has the best light.</p>
            </section>
            """, title: "Three Harbours")),
        .init("after.xhtml", EpubFile.xhtml("<p>That is all of them.</p>")),
      ],
      toc: [
        .init("Saltby", "text.xhtml#saltby"), .init("Quayford", "text.xhtml#quayford"),
        .init("Lowmoor", "text.xhtml#lowmoor"),
      ])
  }
}
