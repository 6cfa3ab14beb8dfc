import Foundation

/// Names derived from titles: the book's folder (`the-lighthouse-keepers-ledger`), chapter
/// file names (`03 Chapter 3 The Gala.wav`) and a title from a file name.
public enum BookSlug {
  /// Lowercase ASCII words joined by `-`; accents folded (Valérie → valerie).
  public static func slug(_ title: String) -> String {
    let folded = title.folding(
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

  /// `NN Title.wav`, NN zero-padded to the width of the chapter count (at least two digits), characters unsafe in
  /// file names (on Linux, Windows or macOS) removed.
  public static func chapterFileName(number: Int, of count: Int, title: String, extension ext: String) -> String {
    let width = max(2, String(count).count)
    let padded = String(repeating: "0", count: max(0, width - String(number).count)) + String(number)
    let unsafe = CharacterSet(charactersIn: "/\\:*?\"<>|").union(.controlCharacters)
    let cleaned = String(String.UnicodeScalarView(title.unicodeScalars.filter { !unsafe.contains($0) }))
      .split(whereSeparator: \.isWhitespace).joined(separator: " ")
      .trimmingCharacters(in: CharacterSet(charactersIn: ". "))
    let name = cleaned.isEmpty ? padded : "\(padded) \(String(cleaned.prefix(100)))"
    return "\(name).\(ext)"
  }

  /// `valerie-loren.txt` → `Valerie Loren`.
  public static func title(fromFileName path: String) -> String {
    let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    let words = base.split { $0 == "-" || $0 == "_" || $0 == " " }
    let title = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    return title.isEmpty ? "Untitled" : title
  }
}
