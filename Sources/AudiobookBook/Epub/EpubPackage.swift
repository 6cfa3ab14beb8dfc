import AudiobookCore

/// An EPUB's package document (the OPF): the book's metadata, its files (the manifest), the
/// reading order (the spine), and where its table of contents is.
struct EpubPackage {
  /// A file the manifest lists.
  struct Item: Equatable {
    package var id: String
    /// The path inside the EPUB, resolved against the package document's folder.
    package var path: String
    var mediaType: String
    /// EPUB 3 `properties`, such as `nav` or `cover-image`.
    package var properties: Set<String>
  }

  /// One entry of the spine: a document in reading order.
  struct SpineEntry: Equatable {
    var item: Item
    /// `linear="no"` marks a document outside the main reading order (a pop-up note, say).
    var isLinear: Bool
    /// The line of the `<itemref>` in the package document.
    package var line: Int
  }

  /// The package document's path inside the EPUB.
  package var path: String
  package var metadata: Metadata
  package var manifest: [Item]
  var spine: [SpineEntry]
  /// The EPUB 3 navigation document (manifest item with `properties="nav"`).
  var navigationPath: String?
  /// The EPUB 2 NCX table of contents (the spine's `toc` item, else the NCX media type).
  var ncxPath: String?
  /// The cover image's path, when the package names one.
  var coverPath: String?
  /// EPUB 2 `<guide>` references: type (`cover`, `toc`, `copyright-page`, ...) and path.
  var guide: [(type: String, path: String)]

  /// Reads the package document `tree`, found at `path` in the EPUB.
  ///
  /// - Parameter file: names the document in messages (`book.epub!OEBPS/content.opf`).
  /// - Throws: `.badInput` when it is not a package document, has no spine, or its spine
  ///   names an item the manifest does not list.
  init(_ tree: XMLTree, path: String, file: String) throws(AudiobookError) {
    let root = tree.root
    guard root.name == "package" else {
      throw AudiobookError(
        .badInput, "is not an EPUB package document: its root element is <\(root.name)>, not <package>",
        file: file, line: root.line)
    }
    self.path = path
    metadata = Self.metadata(root.first("metadata"))

    manifest = []
    var byID: [String: Item] = [:]
    for element in root.first("manifest")?.elements ?? [] where element.name == "item" {
      guard let id = element.attributes["id"], let href = element.attributes["href"] else { continue }
      let item = Item(
        id: id, path: EpubArchive.resolve(href, from: path).path,
        mediaType: element.attributes["media-type"] ?? "",
        properties: Set((element.attributes["properties"] ?? "").split(separator: " ").map(String.init)))
      manifest.append(item)
      byID[id] = byID[id] ?? item
    }

    guard let spineElement = root.first("spine") else {
      throw AudiobookError(.badInput, "has no <spine>, so the reading order is unknown", file: file, line: root.line)
    }
    spine = []
    for reference in spineElement.elements where reference.name == "itemref" {
      let idref = reference.attributes["idref"] ?? ""
      guard let item = byID[idref] else {
        throw AudiobookError(
          .badInput, "the spine names item '\(idref.quotedForMessage)', which the manifest does not list", file: file,
          line: reference.line)
      }
      spine.append(
        SpineEntry(item: item, isLinear: reference.attributes["linear"] != "no", line: reference.line))
    }

    navigationPath = manifest.first { $0.properties.contains("nav") }?.path
    // EPUB 3 marks the cover image's item; EPUB 2 names it in <meta name="cover" content="id">.
    coverPath =
      manifest.first { $0.properties.contains("cover-image") }?.path
      ?? metadata.coverID.flatMap { byID[$0]?.path }
    ncxPath =
      spineElement.attributes["toc"].flatMap { byID[$0]?.path }
      ?? manifest.first { $0.mediaType == "application/x-dtbncx+xml" }?.path
    guide = (root.first("guide")?.elements ?? []).compactMap { reference in
      guard reference.name == "reference", let type = reference.attributes["type"],
        let href = reference.attributes["href"]
      else { return nil }
      return (type.lowercased(), EpubArchive.resolve(href, from: path).path)
    }
  }
}
