import Foundation

/// An EPUB that tests write to disk: real zip files (`ZipWriter`), `mimetype` stored first
/// and uncompressed, the rest deflated; a container, a package document, a table of contents (an
/// EPUB 3 navigation document or an EPUB 2 NCX) and the XHTML documents given.
///
/// Everything lives under `OEBPS/`. To make a broken EPUB, replace or leave out any file
/// (`replacing`, `omitting`) after the fact.
public struct EpubFile {
  public enum Version: Sendable {
    /// Navigation document (`nav.xhtml`), `epub:type` semantics.
    case epub3
    /// NCX table of contents (`toc.ncx`), a `<guide>`.
    case epub2
  }

  /// One XHTML document of the spine.
  public struct Document: Sendable {
    public var name: String
    public var xhtml: String
    public var isLinear: Bool

    /// - Parameters:
    ///   - name: the file name under `OEBPS/`, e.g. `ch1.xhtml`; its id is the name without extension.
    ///   - xhtml: the whole document.
    public init(_ name: String, _ xhtml: String, isLinear: Bool = true) {
      self.name = name
      self.xhtml = xhtml
      self.isLinear = isLinear
    }

    public var id: String { String(name.split(separator: ".")[0]) }
  }

  /// One entry of the table of contents, possibly with entries nested under it.
  public struct TOCEntry: Sendable {
    public var title: String
    /// Relative to `OEBPS/`: `ch1.xhtml` or `ch1.xhtml#part-two`.
    public var href: String
    public var children: [TOCEntry]

    public init(_ title: String, _ href: String, children: [TOCEntry] = []) {
      self.title = title
      self.href = href
      self.children = children
    }
  }

  public var version: Version
  public var title: String
  public var creator: String
  public var language: String
  public var publisher: String?
  public var date: String?
  public var documents: [Document]
  public var toc: [TOCEntry]
  /// EPUB 2 guide references or EPUB 3 landmarks: type (`cover`, `toc`, `copyright-page`) and href.
  public var landmarks: [(type: String, href: String)] = []
  /// Whether the EPUB 3 navigation document is in the spine too (after the first document).
  public var navigationInSpine = false
  /// Files written instead of the generated ones, or in addition to them, by path in the zip.
  public var replacing: [String: Data] = [:]
  /// Paths in the zip that are not written.
  public var omitting: Set<String> = []
  /// More elements inside `<metadata>` and `<manifest>` of the package document, as written.
  public var moreMetadata: [String] = []
  public var moreItems: [String] = []

  public init(
    version: Version = .epub3, title: String = "The Salt Road", creator: String = "Ada Quill",
    language: String = "en", publisher: String? = nil, date: String? = nil, documents: [Document],
    toc: [TOCEntry]
  ) {
    self.version = version
    self.title = title
    self.creator = creator
    self.language = language
    self.publisher = publisher
    self.date = date
    self.documents = documents
    self.toc = toc
  }

  /// A whole XHTML document around `body` (the content of `<body>`), with the EPUB namespace.
  public static func xhtml(_ body: String, title: String = "Chapter", bodyAttributes: String = "") -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE html>
    <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="en">
    <head>
    <title>\(title)</title>
    <link rel="stylesheet" type="text/css" href="style.css"/>
    </head>
    <body\(bodyAttributes.isEmpty ? "" : " " + bodyAttributes)>
    \(body)
    </body>
    </html>

    """
  }

  /// The files of the EPUB in the order they are written, `mimetype` first.
  public var files: [(path: String, data: Data)] {
    var files: [(String, Data)] = [
      ("mimetype", Data("application/epub+zip".utf8)),
      ("META-INF/container.xml", Data(container.utf8)),
      ("OEBPS/content.opf", Data(package.utf8)),
    ]
    switch version {
    case .epub3: files.append(("OEBPS/nav.xhtml", Data(navigationDocument.utf8)))
    case .epub2: files.append(("OEBPS/toc.ncx", Data(ncx.utf8)))
    }
    files += documents.map { ("OEBPS/\($0.name)", Data($0.xhtml.utf8)) }
    files = files.map { path, data in (path, replacing[path] ?? data) }
    files += replacing.filter { path, _ in !files.contains { $0.0 == path } }.sorted { $0.key < $1.key }
      .map { ($0.key, $0.value) }
    return files.filter { !omitting.contains($0.0) }
  }

  /// Writes the EPUB to `path` as a zip file.
  @discardableResult
  public func write(to path: String) throws -> String {
    var zip = ZipWriter()
    for (name, data) in files { try zip.addFile(name, data, method: name == "mimetype" ? .stored : .deflated) }
    let url = URL(fileURLWithPath: path)
    try? FileManager.default.removeItem(at: url)
    try zip.bytes.write(to: url)
    return path
  }

  // MARK: Generated files

  public var container: String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
      <rootfiles>
        <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
      </rootfiles>
    </container>

    """
  }

  public var package: String {
    var metadata = [
      "<dc:identifier id=\"uid\">urn:uuid:12345678-1234-1234-1234-123456789abc</dc:identifier>",
      "<dc:title>\(escaped(title))</dc:title>",
      version == .epub2
        ? "<dc:creator opf:role=\"aut\">\(escaped(creator))</dc:creator>"
        : "<dc:creator id=\"creator\">\(escaped(creator))</dc:creator>",
      "<dc:language>\(language)</dc:language>",
    ]
    if version == .epub3 {
      metadata.append("<meta refines=\"#creator\" property=\"role\" scheme=\"marc:relators\">aut</meta>")
      metadata.append("<meta property=\"dcterms:modified\">2020-09-13T12:26:40Z</meta>")
    }
    if let publisher { metadata.append("<dc:publisher>\(escaped(publisher))</dc:publisher>") }
    if let date { metadata.append("<dc:date>\(date)</dc:date>") }
    metadata += moreMetadata
    var items = documents.map {
      "<item id=\"\($0.id)\" href=\"\($0.name)\" media-type=\"application/xhtml+xml\"/>"
    }
    items += moreItems
    items.append("<item id=\"css\" href=\"style.css\" media-type=\"text/css\"/>")
    switch version {
    case .epub3:
      items.append("<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>")
    case .epub2:
      items.append("<item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>")
    }
    var spine = documents.map { "<itemref idref=\"\($0.id)\"\($0.isLinear ? "" : " linear=\"no\"")/>" }
    if navigationInSpine && version == .epub3 { spine.insert("<itemref idref=\"nav\"/>", at: min(1, spine.count)) }
    let guide =
      version == .epub2 && !landmarks.isEmpty
      ? "<guide>\n"
        + landmarks.map { "    <reference type=\"\($0.type)\" title=\"\($0.type)\" href=\"\($0.href)\"/>" }
        .joined(separator: "\n") + "\n  </guide>\n"
      : ""
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <package xmlns="http://www.idpf.org/2007/opf" version="\(version == .epub3 ? "3.0" : "2.0")" unique-identifier="uid">
        <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
          \(metadata.joined(separator: "\n    "))
        </metadata>
        <manifest>
          \(items.joined(separator: "\n    "))
        </manifest>
        <spine\(version == .epub2 ? " toc=\"ncx\"" : "")>
          \(spine.joined(separator: "\n    "))
        </spine>
      \(guide)</package>

      """
  }

  public var navigationDocument: String {
    func list(_ entries: [TOCEntry]) -> String {
      "<ol>"
        + entries.map { entry in
          "<li><a href=\"\(entry.href)\">\(escaped(entry.title))</a>"
            + (entry.children.isEmpty ? "" : list(entry.children)) + "</li>"
        }.joined(separator: "\n") + "</ol>"
    }
    let landmarkList = landmarks.map { "<li><a epub:type=\"\($0.type)\" href=\"\($0.href)\">\($0.type)</a></li>" }
    return Self.xhtml(
      """
      <nav epub:type="toc" id="toc"><h1>Contents</h1>
      \(list(toc))
      </nav>
      <nav epub:type="landmarks" hidden=""><ol>\(landmarkList.joined())</ol></nav>
      """, title: "Contents")
  }

  public var ncx: String {
    var order = 0
    func points(_ entries: [TOCEntry]) -> String {
      entries.map { entry in
        order += 1
        return """
          <navPoint id="np\(order)" playOrder="\(order)"><navLabel><text>\(escaped(entry.title))</text></navLabel>\
          <content src="\(entry.href)"/>\(points(entry.children))</navPoint>
          """
      }.joined(separator: "\n")
    }
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
        <head><meta name="dtb:uid" content="urn:uuid:12345678-1234-1234-1234-123456789abc"/></head>
        <docTitle><text>\(escaped(title))</text></docTitle>
        <navMap>
      \(points(toc))
        </navMap>
      </ncx>

      """
  }

  private func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
  }
}
