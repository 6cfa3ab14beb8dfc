import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookBook
@testable import AudiobookPublish
@testable import AudiobookKit

@Suite struct XHTMLTextTests {
  func blocks(_ body: String, anchors: Set<String> = [], includeFrontMatter: Bool = false) throws -> [XHTMLText.Block] {
    let document = """
      <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
      <head><title>Not read</title><style>p { color: red; }</style></head>
      <body>
      \(body)
      </body>
      </html>
      """
    let tree = try XMLTree(data: Data(document.utf8), file: "book.epub!ch.xhtml")
    return XHTMLText.blocks(of: tree, anchors: anchors, includeFrontMatter: includeFrontMatter)
  }

  /// The text of every paragraph and heading, headings marked with `#`.
  func texts(_ body: String, includeFrontMatter: Bool = false) throws -> [String] {
    try blocks(body, includeFrontMatter: includeFrontMatter).compactMap { block in
      switch block {
      case .heading(let text, _, _): "# " + text
      case .paragraph(let text, _, _): text
      case .anchor, .foreign: nil
      }
    }
  }

  @Test func blockElementsAreParagraphsAndInlineMarkupIsFlattened() throws {
    let read = try texts(
      """
      <h1>Chapter <em>One</em></h1>
      <p>The <em>tide</em> was <strong>out</strong>, and <a href="x.xhtml">the boats</a>
         lay on their sides.</p>
      <div>A line<br/>broken in two, with a<span class="x">n inline</span> span.</div>
      <blockquote><p>Quoted.</p></blockquote>
      <div>Loose text <p>then a paragraph</p> and loose text again.</div>
      """)
    #expect(
      read == [
        "# Chapter One", "The tide was out, and the boats lay on their sides.",
        "A line broken in two, with an inline span.", "Quoted.", "Loose text", "then a paragraph",
        "and loose text again.",
      ])
  }

  @Test func namedEntitiesAndTypography() throws {
    let read = try texts(
      "<p>Caf&eacute;&nbsp;au&nbsp;lait &mdash; &ldquo;hot&rdquo;&hellip; co\u{AD}op &amp; &#x263A;</p>")
    #expect(read == ["Café au lait — “hot”… coop & ☺"])
  }

  @Test func listsAreReadWithTheirNumbers() throws {
    let read = try texts(
      """
      <ol><li>Pack the lamp.</li><li><p>Light it.</p></li></ol>
      <ol start="7"><li>Seven.</li><li value="10">Ten.</li><li>Eleven.</li></ol>
      <ol reversed="reversed"><li>Three.</li><li>Two.</li><li>One.</li></ol>
      <ul><li>Gulls.</li><li>Terns.<ol><li>Arctic.</li></ol></li></ul>
      """)
    #expect(
      read == [
        "1. Pack the lamp.", "2. Light it.", "7. Seven.", "10. Ten.", "11. Eleven.", "3. Three.", "2. Two.",
        "1. One.", "Gulls.", "Terns.", "1. Arctic.",
      ])
  }

  @Test func tablesAreReadRowByRow() throws {
    let read = try texts(
      """
      <table><caption>Tides at Saltby</caption>
      <thead><tr><th>Day</th><th>High water</th></tr></thead>
      <tbody><tr><td>Monday</td><td>6 a.m.</td></tr><tr><td>Tuesday</td><td>7 a.m.</td></tr></tbody>
      </table>
      """)
    #expect(read == ["Tides at Saltby", "Day, High water", "Monday, 6 a.m.", "Tuesday, 7 a.m."])
  }

  @Test func rubyTextIsReadOnce() throws {
    let read = try texts("<p><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp>字<rt>じ</rt></ruby>です。</p>")
    #expect(read == ["漢字です。"])
  }

  @Test func notesPageBreaksImagesAndScriptsAreNotRead() throws {
    let read = try texts(
      """
      <p>The keeper wrote it down.<a epub:type="noteref" href="#n1"><sup>1</sup></a> Then he slept.<sup><a role="doc-noteref" href="#n2">2</a></sup></p>
      <span epub:type="pagebreak" id="page12" title="12">12</span>
      <div role="doc-pagebreak" aria-label="13"/>
      <p>A picture: <img src="gull.png" alt="a gull on a post"/> of nothing.</p>
      <figure><img src="map.png" alt="map"/><figcaption>The map of Saltby.</figcaption></figure>
      <figure><blockquote>A figure without an image is read.</blockquote></figure>
      <svg xmlns="http://www.w3.org/2000/svg"><text>svg text</text></svg>
      <script>var notRead = 1;</script>
      <p hidden="hidden">Hidden.</p>
      <p style="display: none">Not displayed.</p>
      <aside epub:type="footnote" id="n1"><p>1. A footnote.</p></aside>
      <aside role="doc-footnote" id="n2"><p>2. Another.</p></aside>
      <section epub:type="endnotes"><h2>Notes</h2><ol><li>An endnote.</li></ol></section>
      <div epub:type="rearnote"><p>A rearnote.</p></div>
      <section role="doc-endnotes"><p>More notes.</p></section>
      <p>The end.</p>
      """)
    #expect(
      read == [
        "The keeper wrote it down. Then he slept.", "A picture: of nothing.", "A figure without an image is read.",
        "The end.",
      ])
  }

  @Test func frontMatterSectionsOnlyWhenAsked() throws {
    let body = """
      <section epub:type="cover"><p>Cover text.</p></section>
      <nav epub:type="toc"><h1>Contents</h1><ol><li><a href="ch1.xhtml">One</a></li></ol></nav>
      <section epub:type="frontmatter copyright-page"><p>Copyright 2024.</p></section>
      <nav epub:type="landmarks"><ol><li><a epub:type="bodymatter" href="ch1.xhtml">Start</a></li></ol></nav>
      <p>Text.</p>
      """
    #expect(try texts(body) == ["Text."])
    #expect(
      try texts(body, includeFrontMatter: true) == ["Cover text.", "# Contents", "1. One", "Copyright 2024.", "Text."])
  }

  @Test func linesAreWhereTheTextIs() throws {
    // The document starts with two lines before the body's content (see `blocks`): line 4 is the first here.
    let found = try blocks(
      """
      <h1>
        The Gala</h1>
      <p>First line,
      second line,
      third.</p>
      """)
    #expect(
      found == [
        .heading("The Gala", line: 5, lastLine: 5), .paragraph("First line, second line, third.", line: 6, lastLine: 8),
      ])
  }

  @Test func anchorsSplitParagraphs() throws {
    let found = try blocks(
      """
      <p>Before <a id="here"/>after.</p>
      <h2 id="next">Next</h2>
      <p id="ignored">Text.</p>
      """, anchors: ["here", "next"])
    #expect(
      found == [
        .paragraph("Before", line: 4, lastLine: 4), .anchor("here"), .paragraph("after.", line: 4, lastLine: 4),
        .anchor("next"), .heading("Next", line: 5, lastLine: 5), .paragraph("Text.", line: 6, lastLine: 6),
      ])
  }

  /// An element with a language of its own marks its words, a paragraph's too; one whose
  /// language is not a tag marks nothing.
  @Test func inlineElementsWithALanguageMarkForeignWords() throws {
    let found = try blocks(
      """
      <p>She met <span xml:lang="fr">Valérie</span> and <i lang="de-AT">Herr   Gruber</i> today.</p>
      <p xml:lang="fr">Un paragraphe entier.</p>
      <p>A <span lang="not a tag">word</span>.</p>
      """)
    #expect(found.contains(.foreign("Valérie", language: "fr", line: 4)))
    #expect(found.contains(.foreign("Herr Gruber", language: "de-AT", line: 4)))
    #expect(found.contains(.foreign("Un paragraphe entier.", language: "fr", line: 5)))
    #expect(found.filter { if case .foreign = $0 { true } else { false } }.count == 3)
    #expect(found.contains(.paragraph("She met Valérie and Herr Gruber today.", line: 4, lastLine: 4)))
  }
}
