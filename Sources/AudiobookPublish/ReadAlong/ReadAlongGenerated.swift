import Foundation

/// A read-along book written from the manifest alone (plain text, Markdown, an EPUB 2): a
/// document per chapter with the title and every paragraph, each spoken sentence (or word) as
/// written in a span with an id, its overlay, a navigation document, a stylesheet, the cover
/// and the book's metadata.
struct ReadAlongGenerated {
  let entries: [ReadAlongBook.Entry]
  let overlays: [ReadAlongOverlay]

  init(_ manifest: Manifest, granularity: ReadAlongBook.Granularity, audio: [ReadAlongBook.Audio]) {
    let names = ReadAlongBook.audioNames(audio, in: "EPUB/audio/")
    let timeline = ReadAlongTimeline(manifest, granularity: granularity, audio: audio, names: names)
    let language = ReadAlongBook.languageTag(manifest.language)
    var documents: [ReadAlongBook.Entry] = []
    var overlays: [ReadAlongOverlay] = []
    for (chapter, pieces) in zip(manifest.chapters, timeline.chapters) {
      let number = ReadAlongBook.padded(chapter.number)
      let path = "EPUB/text/chapter-\(number).xhtml"
      let (xhtml, pars) = Self.document(chapter, pieces, words: granularity == .words, language: language)
      documents.append(.init(path: path, content: .bytes(Array(xhtml.utf8))))
      overlays.append(
        ReadAlongOverlay(
          document: path, path: "EPUB/smil/chapter-\(number).smil", itemID: "overlay-\(number)",
          container: "c\(chapter.number)", pars: pars))
    }
    self.overlays = overlays
    var entries: [ReadAlongBook.Entry] = [
      .init(path: "META-INF/container.xml", content: .bytes(Array(Self.container.utf8)))
    ]
    entries.append(
      .init(
        path: "EPUB/package.opf",
        content: .bytes(Array(Self.package(manifest, overlays, audio: names, language: language).utf8))))
    entries.append(.init(path: "EPUB/nav.xhtml", content: .bytes(Array(Self.navigation(manifest, language).utf8))))
    entries.append(.init(path: "EPUB/style.css", content: .bytes(Array(Self.styleSheet.utf8))))
    if let cover = manifest.cover { entries.append(.init(path: "EPUB/\(cover)", content: .bookFile(cover))) }
    for (document, overlay) in zip(documents, overlays) {
      entries += [document, .init(path: overlay.path, content: .bytes(Array(overlay.smil.utf8)))]
    }
    self.entries = entries + ReadAlongBook.audioEntries(names)
  }

  /// A chapter's XHTML and its overlay's pars.
  static func document(_ chapter: Manifest.Chapter, _ pieces: [ReadAlongTimeline.Piece], words: Bool, language: String)
    -> (String, [ReadAlongOverlay.Par])
  {
    let prefix = "c\(chapter.number)"
    var pars: [ReadAlongOverlay.Par] = []
    var byPlace: [ReadAlongTimeline.Piece.Kind: ReadAlongTimeline.Piece] = [:]
    for piece in pieces { byPlace[piece.kind] = piece }
    func par(_ id: String, _ kind: ReadAlongTimeline.Piece.Kind) {
      guard let piece = byPlace[kind] else { return }
      pars.append(.init(id: id, begin: piece.begin, end: piece.end, audio: piece.audio))
    }
    let heading = XMLText.escaped(chapter.title)
    var body = ""
    if byPlace[.title] != nil {
      body += "<h1 id=\"\(prefix)-h\">\(heading)</h1>\n"
      par("\(prefix)-h", .title)
    } else {
      body += "<h1>\(heading)</h1>\n"
    }
    for (index, paragraph) in chapter.paragraphs.enumerated() where !paragraph.sentences.isEmpty {
      let p = index + 1
      let sentences = paragraph.sentences.enumerated().map { sentenceIndex, sentence in
        let s = sentenceIndex + 1
        let id = "\(prefix)-p\(p)-s\(s)"
        // With a cast, who speaks: a class on the sentence, or on each part (or word) of it.
        let voiceClass = sentence.voice.map { " class=\"\(VoiceClass.name($0))\"" } ?? ""
        guard words, let timed = sentence.words, !timed.isEmpty else {
          par(id, .sentence(paragraph: p, sentence: s))
          guard let parts = sentence.parts, !parts.isEmpty else {
            return "<span id=\"\(id)\"\(voiceClass)>\(XMLText.escaped(sentence.text))</span>"
          }
          let voiced = parts.map { "<span class=\"\(VoiceClass.name($0.voice))\">\(XMLText.escaped($0.text))</span>" }
          return "<span id=\"\(id)\">\(voiced.joined(separator: " "))</span>"
        }
        let voices = SubtitleCue.voices(of: sentence, words: timed)
        let spans = timed.enumerated().map { wordIndex, word in
          let wordID = "\(id)-w\(wordIndex + 1)"
          par(wordID, .word(paragraph: p, sentence: s, word: wordIndex + 1))
          let wordClass =
            sentence.voice == nil && wordIndex < voices.count ? " class=\"\(VoiceClass.name(voices[wordIndex]))\"" : ""
          return "<span id=\"\(wordID)\"\(wordClass)>\(XMLText.escaped(word.text))</span>"
        }
        return "<span id=\"\(id)\"\(voiceClass)>\(spans.joined(separator: " "))</span>"
      }
      body += "<p id=\"\(prefix)-p\(p)\">\(sentences.joined(separator: " "))</p>\n"
    }
    let xhtml = Self.xhtml(
      title: heading, language: language,
      head: "<link rel=\"stylesheet\" type=\"text/css\" href=\"../style.css\"/>\n",
      body: "<section id=\"\(prefix)\" epub:type=\"chapter\">\n\(body)</section>\n")
    return (xhtml, pars)
  }

  /// An XHTML content document: `title` and `body` are markup already.
  static func xhtml(title: String, language: String, head: String = "", body: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE html>
    <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" \
    lang="\(language)" xml:lang="\(language)">
    <head>
    <meta charset="UTF-8"/>
    <title>\(title)</title>
    \(head)</head>
    <body>
    \(body)</body>
    </html>

    """
  }

  static let container = """
    <?xml version="1.0" encoding="UTF-8"?>
    <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
    <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
    </rootfiles>
    </container>

    """

  static let styleSheet = """
    body { font-family: serif; line-height: 1.5; margin: 0 5%; }
    h1 { text-align: center; margin: 2em 0 1em; }
    p { margin: 0; text-indent: 1.5em; }

    """ + ReadAlongBook.highlightRule
}
