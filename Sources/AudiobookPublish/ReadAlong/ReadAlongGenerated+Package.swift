import Foundation

extension ReadAlongGenerated {
  /// The package document: the book's metadata (with each overlay's duration and the whole
  /// book's), every file, and the chapters in reading order.
  static func package(
    _ manifest: Manifest, _ overlays: [ReadAlongOverlay], audio: [String: String], language: String
  ) -> String {
    let e = XMLText.escaped
    var metadata = [
      "<dc:identifier id=\"book-id\">\(e(ReadAlongBook.identifier(manifest)))</dc:identifier>",
      "<dc:title id=\"title\">\(e(manifest.title))</dc:title>",
    ]
    if let subtitle = manifest.subtitle {
      metadata += [
        "<dc:title id=\"subtitle\">\(e(subtitle))</dc:title>",
        "<meta refines=\"#subtitle\" property=\"title-type\">subtitle</meta>",
      ]
    }
    if let author = manifest.author {
      metadata += [
        "<dc:creator id=\"author\">\(e(author))</dc:creator>",
        "<meta refines=\"#author\" property=\"role\" scheme=\"marc:relators\">aut</meta>",
      ]
    }
    if let narrator = manifest.narrator {
      metadata += [
        "<dc:contributor id=\"narrator\">\(e(narrator))</dc:contributor>",
        "<meta refines=\"#narrator\" property=\"role\" scheme=\"marc:relators\">nrt</meta>",
        "<meta property=\"media:narrator\">\(e(narrator))</meta>",
      ]
    }
    metadata.append("<dc:language>\(e(language))</dc:language>")
    if let publisher = manifest.publisher { metadata.append("<dc:publisher>\(e(publisher))</dc:publisher>") }
    if let date = manifest.date, date.wholeMatch(of: /\d{4}(-\d{2}(-\d{2})?)?/) != nil {
      metadata.append("<dc:date>\(date)</dc:date>")
    }
    if let description = manifest.description {
      metadata.append("<dc:description>\(e(description))</dc:description>")
    }
    if let genre = manifest.genre { metadata.append("<dc:subject>\(e(genre))</dc:subject>") }
    if let series = manifest.series {
      metadata += [
        "<meta property=\"belongs-to-collection\" id=\"series\">\(e(series))</meta>",
        "<meta refines=\"#series\" property=\"collection-type\">series</meta>",
      ]
      if let position = manifest.seriesPosition, position.wholeMatch(of: /\d+(\.\d+)*/) != nil {
        metadata.append("<meta refines=\"#series\" property=\"group-position\">\(position)</meta>")
      }
    }
    metadata.append("<meta property=\"dcterms:modified\">\(ReadAlongBook.modified(manifest.date))</meta>")
    metadata += ReadAlongBook.durationMetadata(overlays)

    var items = [
      "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>",
      "<item id=\"style\" href=\"style.css\" media-type=\"text/css\"/>",
    ]
    if let cover = manifest.cover {
      let type = cover.hasSuffix(".png") ? "image/png" : "image/jpeg"
      items.append("<item id=\"cover\" href=\"\(e(cover))\" media-type=\"\(type)\" properties=\"cover-image\"/>")
    }
    var spine: [String] = []
    for overlay in overlays {
      let id = "chapter-" + overlay.itemID.dropFirst("overlay-".count)
      items += [
        "<item id=\"\(id)\" href=\"\(ReadAlongOverlay.relative(overlay.document, from: "EPUB/package.opf"))\" "
          + "media-type=\"application/xhtml+xml\" media-overlay=\"\(overlay.itemID)\"/>",
        "<item id=\"\(overlay.itemID)\" href=\"\(ReadAlongOverlay.relative(overlay.path, from: "EPUB/package.opf"))\" "
          + "media-type=\"application/smil+xml\"/>",
      ]
      spine.append("<itemref idref=\"\(id)\"/>")
    }
    items += ReadAlongBook.audioItems(audio, from: "EPUB/package.opf")
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="\(language)">
      <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
      \(metadata.joined(separator: "\n"))
      </metadata>
      <manifest>
      \(items.joined(separator: "\n"))
      </manifest>
      <spine>
      \(spine.joined(separator: "\n"))
      </spine>
      </package>

      """
  }

  /// The navigation document: the chapters, by title.
  static func navigation(_ manifest: Manifest, _ language: String) -> String {
    let entries = manifest.chapters.map { chapter in
      "<li><a href=\"text/chapter-\(ReadAlongBook.padded(chapter.number)).xhtml\">\(XMLText.escaped(chapter.title))</a></li>"
    }
    let title = XMLText.escaped(manifest.title)
    return xhtml(
      title: title, language: language,
      body:
        "<nav epub:type=\"toc\" id=\"toc\">\n<h1>\(title)</h1>\n<ol>\n\(entries.joined(separator: "\n"))\n</ol>\n</nav>\n"
    )
  }
}
