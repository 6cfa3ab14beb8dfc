import Foundation

extension ReadAlongBook {
  /// The package document: metadata (with each overlay's duration and the whole book's),
  /// every file, and the chapters in reading order.
  var packageDocument: String {
    let e = XMLText.escaped
    var metadata = [
      "<dc:identifier id=\"book-id\">\(e(identifier))</dc:identifier>",
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
    metadata.append("<meta property=\"dcterms:modified\">\(Self.modified(manifest.date))</meta>")
    for chapter in chapters {
      metadata.append(
        "<meta property=\"media:duration\" refines=\"#\(overlayID(chapter))\">"
          + "\(ReadAlongChapter.fullClock(chapter.duration))</meta>")
    }
    metadata.append("<meta property=\"media:duration\">\(ReadAlongChapter.fullClock(duration))</meta>")
    metadata.append("<meta property=\"media:active-class\">\(Self.activeClass)</meta>")

    var items = [
      "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>",
      "<item id=\"style\" href=\"style.css\" media-type=\"text/css\"/>",
    ]
    if let cover = manifest.cover {
      let type = cover.hasSuffix(".png") ? "image/png" : "image/jpeg"
      items.append("<item id=\"cover\" href=\"\(e(cover))\" media-type=\"\(type)\" properties=\"cover-image\"/>")
    }
    for chapter in chapters {
      let id = "chapter-\(ReadAlongChapter.padded(chapter.number))"
      items += [
        "<item id=\"\(id)\" href=\"\(ReadAlongChapter.textName(chapter.number))\" "
          + "media-type=\"application/xhtml+xml\" media-overlay=\"\(overlayID(chapter))\"/>",
        "<item id=\"\(overlayID(chapter))\" href=\"\(ReadAlongChapter.overlayName(chapter.number))\" "
          + "media-type=\"application/smil+xml\"/>",
      ]
    }
    var added: Set<String> = []
    for audio in audio where added.insert(audio.name).inserted {
      let id = (audio.name as NSString).deletingPathExtension.replacingOccurrences(of: "/", with: "-")
      items.append("<item id=\"\(id)\" href=\"\(audio.name)\" media-type=\"audio/mpeg\"/>")
    }
    let spine = chapters.map { "<itemref idref=\"chapter-\(ReadAlongChapter.padded($0.number))\"/>" }
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

  func overlayID(_ chapter: ReadAlongChapter) -> String { "overlay-\(ReadAlongChapter.padded(chapter.number))" }

  /// The navigation document: the chapters, by title.
  var navigation: String {
    let entries = zip(manifest.chapters, chapters).map { entry, chapter in
      "<li><a href=\"\(ReadAlongChapter.textName(chapter.number))\">\(XMLText.escaped(entry.title))</a></li>"
    }
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE html>
      <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" \
      lang="\(language)" xml:lang="\(language)">
      <head>
      <meta charset="UTF-8"/>
      <title>\(XMLText.escaped(manifest.title))</title>
      </head>
      <body>
      <nav epub:type="toc" id="toc">
      <h1>\(XMLText.escaped(manifest.title))</h1>
      <ol>
      \(entries.joined(separator: "\n"))
      </ol>
      </nav>
      </body>
      </html>

      """
  }
}
