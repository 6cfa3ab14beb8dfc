import AudiobookCore

/// An EPUB's table of contents, from the EPUB 3 navigation document or the EPUB 2 NCX: the
/// chapter titles and where each chapter starts.
struct EpubNavigation: Equatable {
  /// One entry of the table of contents.
  package struct Entry: Equatable {
    package var title: String
    /// The document the entry points to, as a path inside the EPUB.
    package var path: String
    /// The id of the element where the entry starts inside the document, if not at its top.
    var fragment: String?
  }

  /// Every entry, nested ones included, in the order the table of contents lists them.
  package var entries: [Entry]
  /// EPUB 3 landmarks: the `epub:type` (`cover`, `toc`, `copyright-page`, ...) and the path.
  var landmarks: [Landmark]

  struct Landmark: Equatable {
    package var type: String
    package var path: String
  }

  /// No table of contents: every document of the spine is a chapter.
  package static let none = EpubNavigation(entries: [], landmarks: [])

  init(entries: [Entry], landmarks: [Landmark]) {
    self.entries = entries
    self.landmarks = landmarks
  }

  /// Reads an EPUB 3 navigation document: `<nav epub:type="toc">` and `<nav epub:type="landmarks">`.
  ///
  /// - Parameter path: where the document is inside the EPUB; its links are relative to it.
  init(navigationDocument tree: XMLTree, path: String) {
    let navs = tree.root.descendants.filter { $0.name == "nav" }
    func types(_ element: XMLTree.Element) -> [Substring] {
      (element.prefixedAttribute("type") ?? "").split(separator: " ")
    }
    let toc = navs.first { types($0).contains("toc") || $0.attributes["role"] == "doc-toc" }
    entries = (toc?.descendants ?? []).compactMap { item -> Entry? in
      guard item.name == "li", let link = item.first("a"), let href = link.attributes["href"] else { return nil }
      let target = EpubArchive.resolve(href, from: path)
      return Entry(title: link.text, path: target.path, fragment: target.fragment)
    }
    let landmarkNav = navs.first { types($0).contains("landmarks") }
    landmarks = (landmarkNav?.descendants ?? []).compactMap { link -> Landmark? in
      guard link.name == "a", let href = link.attributes["href"] else { return nil }
      let type = types(link).first.map(String.init) ?? ""
      return Landmark(type: type, path: EpubArchive.resolve(href, from: path).path)
    }
  }

  /// Reads an EPUB 2 NCX: the `<navPoint>`s of its `<navMap>`, nested ones included.
  ///
  /// - Parameter path: where the NCX is inside the EPUB; its links are relative to it.
  init(ncx tree: XMLTree, path: String) {
    let map = tree.root.descendants.first { $0.name == "navMap" }
    entries = (map?.descendants ?? []).compactMap { point -> Entry? in
      guard point.name == "navPoint", let source = point.first("content")?.attributes["src"] else { return nil }
      let title = point.first("navLabel")?.first("text")?.text ?? ""
      let target = EpubArchive.resolve(source, from: path)
      return Entry(title: title, path: target.path, fragment: target.fragment)
    }
    landmarks = []
  }
}
