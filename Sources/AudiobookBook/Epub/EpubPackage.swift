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

  /// The Dublin Core metadata that matters to a listener.
  struct Metadata: Equatable {
    package var title: String?
    /// The creators who are authors, in order (EPUB 2 `opf:role`, EPUB 3 `role` refinements);
    /// all creators when none says it is the author.
    var authors: [String] = []
    package var language: String?
    package var publisher: String?
    package var date: String?
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

  /// Title, authors, language, publisher and date from `<metadata>`.
  private static func metadata(_ element: XMLTree.Element?) -> Metadata {
    guard let element else { return Metadata() }
    let children = element.elements
    // EPUB 3 refines an element by id: <meta refines="#c1" property="role">aut</meta>.
    var refinements: [String: [String: String]] = [:]
    for meta in children where meta.name == "meta" {
      guard let target = meta.attributes["refines"], target.hasPrefix("#"), let property = meta.attributes["property"]
      else { continue }
      refinements[String(target.dropFirst()), default: [:]][property] = meta.text
    }
    func refinement(_ element: XMLTree.Element, _ property: String) -> String? {
      element.attributes["id"].flatMap { refinements[$0]?[property] }
    }
    func values(_ name: String) -> [XMLTree.Element] {
      children.filter { $0.name == name && !$0.text.isEmpty }
    }

    var metadata = Metadata()
    let titles = values("title")
    metadata.title = (titles.first { refinement($0, "title-type") == "main" } ?? titles.first)?.text
    let creators = values("creator")
    let authors = creators.filter { creator in
      let role = creator.prefixedAttribute("role") ?? refinement(creator, "role")
      return role == nil || role == "aut"
    }
    metadata.authors = (authors.isEmpty ? creators : authors).map(\.text)
    metadata.language = values("language").first?.text
    metadata.publisher = values("publisher").first?.text
    let dates = values("date")
    metadata.date = (dates.first { $0.prefixedAttribute("event") == "publication" } ?? dates.first)?.text
    return metadata
  }
}
