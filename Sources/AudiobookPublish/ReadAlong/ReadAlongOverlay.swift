import Foundation

/// One Media Overlay of a read-along book (SMIL 3.0 as EPUB 3 profiles it): the `<par>`s of one
/// content document, in reading order, each pairing an element of the document with a stretch
/// of audio.
struct ReadAlongOverlay: Equatable {
  struct Par: Equatable {
    /// The id of the element in `document`.
    var id: String
    /// Milliseconds into `audio`.
    var begin: Int
    var end: Int
    /// The audio file's path inside the EPUB.
    var audio: String
  }

  /// The content document's path inside the EPUB.
  var document: String
  /// The overlay's own path and its package item id.
  var path: String
  var itemID: String
  /// The id of an element holding all of `pars`' elements (`epub:textref` of a `<seq>`
  /// around them); nil for the pars alone.
  var container: String?
  var pars: [Par]

  /// How long the clips last together, milliseconds (its `media:duration`).
  var duration: Int { pars.reduce(0) { $0 + max(0, $1.end - $1.begin) } }

  /// The SMIL document.
  var smil: String {
    let text = Self.relative(document, from: path)
    var lines = ""
    for (index, par) in pars.enumerated() {
      lines +=
        "<par id=\"par\(index + 1)\"><text src=\"\(XMLText.escaped(text))#\(par.id)\"/>"
        + "<audio src=\"\(XMLText.escaped(Self.relative(par.audio, from: path)))\" "
        + "clipBegin=\"\(Self.clock(par.begin))\" clipEnd=\"\(Self.clock(par.end))\"/></par>\n"
    }
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <smil xmlns="http://www.w3.org/ns/SMIL" xmlns:epub="http://www.idpf.org/2007/ops" version="3.0">
      <body>
      \(container.map { "<seq id=\"seq1\" epub:textref=\"\(XMLText.escaped(text))#\($0)\">\n" } ?? "")\
      \(lines)\(container == nil ? "" : "</seq>\n")\
      </body>
      </smil>

      """
  }

  /// The path of `target` as a link from the file at `source` writes it (both paths inside
  /// the EPUB), each segment percent-encoded where a URL needs it.
  static func relative(_ target: String, from source: String) -> String {
    var from = source.split(separator: "/").dropLast().map(String.init)
    var to = target.split(separator: "/").map(String.init)
    while let first = from.first, first == to.first, to.count > 1 {
      from.removeFirst()
      to.removeFirst()
    }
    let segments = Array(repeating: "..", count: from.count) + to
    return segments.map { $0.addingPercentEncoding(withAllowedCharacters: Self.pathCharacters) ?? $0 }
      .joined(separator: "/")
  }

  private static let pathCharacters = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/;?#"))

  /// A SMIL timecount in seconds with milliseconds: `12.345s`.
  static func clock(_ milliseconds: Int) -> String {
    let fraction = String(milliseconds % 1000)
    return "\(milliseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)s"
  }

  /// A full clock value, as the package's `media:duration` takes it: `1:02:03.456`.
  static func fullClock(_ milliseconds: Int) -> String {
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    let seconds = milliseconds / 1000
    return "\(seconds / 3600):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2)).\(pad(milliseconds % 1000, 3))"
  }
}

/// Text and attribute values for the XML a read-along book is made of.
enum XMLText {
  /// `text` with `& < > "` escaped, and the characters XML 1.0 cannot hold (control
  /// characters but tab and line ends, U+FFFE, U+FFFF) left out.
  static func escaped(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
      default:
        guard scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF else { continue }
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
