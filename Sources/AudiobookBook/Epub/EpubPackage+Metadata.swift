import AudiobookCore
import Foundation

extension EpubPackage {
  /// The package document's Dublin Core metadata that a listener or a library sees.
  struct Metadata: Equatable {
    package var title: String?
    /// EPUB 3 `title-type` `subtitle`.
    var subtitle: String?
    /// The creators who are authors, in order (EPUB 2 `opf:role`, EPUB 3 `role` refinements);
    /// all creators but narrators when none says it is the author.
    var authors: [String] = []
    /// Creators and contributors with the role `nrt`.
    var narrators: [String] = []
    /// EPUB 3 `belongs-to-collection` (with its `group-position`), or Calibre's `calibre:series`.
    var series: String?
    var seriesPosition: String?
    package var language: String?
    package var publisher: String?
    package var date: String?
    /// `dc:description`, its markup removed.
    var description: String?
    /// `dc:subject`s, joined with ", ".
    var subjects: String?
    /// An ISBN when an identifier is one, else the first identifier.
    var identifier: String?
    /// The cover item's id from EPUB 2's `<meta name="cover" content="...">`.
    var coverID: String?
  }

  /// The book's metadata from `<metadata>`.
  static func metadata(_ element: XMLTree.Element?) -> Metadata {
    guard let element else { return Metadata() }
    let children = element.elements
    // EPUB 3 refines an element by id: <meta refines="#c1" property="role">aut</meta>.
    var refinements: [String: [String: String]] = [:]
    // EPUB 2 and Calibre: <meta name="cover" content="cover-image"/>.
    var named: [String: String] = [:]
    for meta in children where meta.name == "meta" {
      if let name = meta.attributes["name"], let content = meta.attributes["content"] {
        named[name] = named[name] ?? content
      }
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
    func role(_ creator: XMLTree.Element) -> String? {
      creator.prefixedAttribute("role") ?? refinement(creator, "role")
    }

    var metadata = Metadata()
    let titles = values("title")
    metadata.title = (titles.first { refinement($0, "title-type") == "main" } ?? titles.first)?.text
    metadata.subtitle = titles.first { refinement($0, "title-type") == "subtitle" }?.text
    let creators = values("creator")
    let authors = creators.filter { role($0) == nil || role($0) == "aut" }
    metadata.authors = (authors.isEmpty ? creators.filter { role($0) != "nrt" } : authors).map(\.text)
    metadata.narrators = (creators + values("contributor")).filter { role($0) == "nrt" }.map(\.text)
    if let collection = children.first(where: {
      $0.name == "meta" && $0.attributes["property"] == "belongs-to-collection"
    }
    ) {
      metadata.series = collection.text
      metadata.seriesPosition = refinement(collection, "group-position")
    } else if let series = named["calibre:series"] {
      metadata.series = series
      metadata.seriesPosition = named["calibre:series_index"]
    }
    metadata.language = values("language").first?.text
    metadata.publisher = values("publisher").first?.text
    let dates = values("date")
    metadata.date = (dates.first { $0.prefixedAttribute("event") == "publication" } ?? dates.first)?.text
    metadata.description = values("description").first.map { plainText(rawText($0)) }
    let subjects = values("subject").map(\.text)
    metadata.subjects = subjects.isEmpty ? nil : subjects.joined(separator: ", ")
    let identifiers = values("identifier")
    let isbn = identifiers.first {
      $0.prefixedAttribute("scheme")?.uppercased() == "ISBN" || $0.text.lowercased().hasPrefix("urn:isbn:")
    }
    metadata.identifier = (isbn ?? identifiers.first).map { identifier in
      identifier.text.lowercased().hasPrefix("urn:isbn:") ? String(identifier.text.dropFirst(9)) : identifier.text
    }
    metadata.coverID = named["cover"]
    return metadata
  }

  /// The element's text with its line breaks, which `text` collapses.
  private static func rawText(_ element: XMLTree.Element) -> String {
    element.children.map { child in
      switch child {
      case .text(let text, _): text
      case .element(let inner): "\n" + rawText(inner) + "\n"
      }
    }.joined()
  }

  /// A description as stores write it, often HTML inside the text (`&lt;p&gt;`): entities
  /// escaped once more decoded first, then tags removed, paragraphs (`</p>`, `<br>`) kept as
  /// line breaks. A `<` not followed by a letter, `/` or `!` is text (`Five < six`).
  static func plainText(_ text: String) -> String {
    var decoded = text
    for (entity, character) in [
      ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&"),
    ] {
      decoded = decoded.replacingOccurrences(of: entity, with: character)
    }
    var result = ""
    var tag: String?
    var rest = decoded[...]
    while let character = rest.first {
      rest = rest.dropFirst()
      if var open = tag {
        if character == ">" {
          let name = open.lowercased().split(whereSeparator: { $0 == " " || $0 == "/" }).first ?? ""
          if ["p", "br", "div", "li"].contains(name) || open.lowercased().hasPrefix("/p") { result += "\n\n" }
          tag = nil
        } else {
          open.append(character)
          tag = open
        }
      } else if character == "<", let next = rest.first, next.isLetter || next == "/" || next == "!" {
        tag = ""
      } else {
        result.append(character)
      }
    }
    // A `<` that opens no tag after all is text.
    return result + (tag.map { "<" + $0 } ?? "")
  }
}
