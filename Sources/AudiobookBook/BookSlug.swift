import Foundation
import AudiobookCore

/// Names derived from titles: the book's folder (`the-lighthouse-keepers-ledger`), chapter
/// file names (`03 Chapter 3 The Gala.wav`) and a title from a file name.
public enum BookSlug {
  /// Lowercase ASCII words joined by `-`; accents folded (Valérie → valerie).
  public static func slug(_ title: String) -> String {
    // Other scripts in Latin letters ("Война и мир" → "vojna-i-mir"), so that two books whose
    // titles have no Latin letters do not both become `book` and replace each other's render.
    let latin = title.applyingTransform(.toLatin, reverse: false) ?? title
    let folded = latin.folding(
      options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
    var slug = ""
    for scalar in folded.unicodeScalars {
      if scalar == "'" || scalar == "’" { continue }
      if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
        slug.unicodeScalars.append(scalar)
      } else if !slug.isEmpty, slug.last != "-" {
        slug.append("-")
      }
    }
    while slug.hasSuffix("-") { slug.removeLast() }
    return slug.isEmpty ? "book" : String(slug.prefix(80))
  }

  /// The most bytes a file name may have on Linux, macOS and Windows file systems alike.
  public static let maximumFileNameBytes = 255
  /// Room kept free beside a chapter file's name for the names made from it: a subtitle
  /// file (`NAME.vtt`, `NAME.flac.srt`) and a temporary one (`.NAME.PID.partial`).
  public static let derivedNameRoom = 40

  /// `NN Title.wav`, NN zero-padded to the width of the chapter count (at least two digits), characters unsafe in
  /// file names (on Linux, Windows or macOS) and control characters removed. The title is cut to 100 characters and
  /// the whole name to `maximumFileNameBytes - derivedNameRoom` bytes (215), at a character boundary, so that CJK
  /// titles or emoji never make a name the file system refuses.
  public static func chapterFileName(number: Int, of count: Int, title: String, extension ext: String) -> String {
    let width = max(2, String(count).count)
    let padded = String(repeating: "0", count: max(0, width - String(number).count)) + String(number)
    // Control and format characters go (a right-to-left override can disguise a name), but
    // the joiners that hold emoji sequences and Indic scripts together stay.
    let unsafe = CharacterSet(charactersIn: "/\\:*?\"<>|").union(.controlCharacters)
      .subtracting(CharacterSet(charactersIn: "\u{200C}\u{200D}"))
    let cleaned = String(String.UnicodeScalarView(title.unicodeScalars.filter { !unsafe.contains($0) }))
      .split(whereSeparator: \.isWhitespace).joined(separator: " ")
      .trimmingCharacters(in: CharacterSet(charactersIn: ". "))
    let budget = maximumFileNameBytes - derivedNameRoom - padded.utf8.count - 1 - ext.utf8.count - 1
    let cut = prefix(of: String(cleaned.prefix(100)), bytes: budget)
      .trimmingCharacters(in: CharacterSet(charactersIn: ". "))
    let name = cut.isEmpty ? padded : "\(padded) \(cut)"
    return "\(name).\(ext)"
  }

  /// The longest run of whole characters (grapheme clusters) from the start of `text` that
  /// fits in `bytes` bytes of UTF-8.
  package static func prefix(of text: String, bytes: Int) -> String {
    var used = 0
    var end = text.startIndex
    for index in text.indices {
      let next = text.index(after: index)
      used += text.utf8.distance(from: index, to: next)
      guard used <= bytes else { break }
      end = next
    }
    return String(text[..<end])
  }

  /// `valerie-loren.txt` → `Valerie Loren`.
  public static func title(fromFileName path: String) -> String {
    let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    let words = base.split { $0 == "-" || $0 == "_" || $0 == " " }
    let title = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    return title.isEmpty ? "Untitled" : title
  }
}
