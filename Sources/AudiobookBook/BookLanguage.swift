import AudiobookCore

/// The languages whose books are read with rules of their own (sentences, chapters, speech text),
/// and the tags that name them. Any other language is read with the English rules and spoken by
/// espeak-ng's voice for it.
package enum BookLanguage {
  /// ISO 639-1 codes and English names, English first.
  package static let supported: [(code: String, name: String)] = [
    ("en", "English"), ("fr", "French"), ("de", "German"), ("es", "Spanish"), ("it", "Italian"),
    ("nl", "Dutch"), ("pt", "Portuguese"), ("pl", "Polish"), ("ru", "Russian"),
  ]

  /// `fr-CA` → `fr`, `pt_BR` → `pt`, ` EN ` → `en`; nil for nothing, `und` or a tag whose first
  /// part is not two or three letters.
  package static func primary(of tag: String?) -> String? {
    let text = (tag ?? "").trimmingSpaces.lowercased().replacingOccurrences(of: "_", with: "-")
    guard let first = text.split(separator: "-").first.map(String.init),
      (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }), first != "und"
    else { return nil }
    return first
  }

  /// Whether `tag` is a BCP 47 tag: a language of 2 to 8 letters, then subtags of 1 to 8 letters
  /// and digits (`en`, `fr-CA`, `zh-Hant-TW`), 35 characters at most.
  package static func isTag(_ tag: String) -> Bool {
    // RFC 5646 asks every tag of 35 characters or fewer to be kept; longer ones are not languages.
    guard tag.utf8.count <= 35 else { return false }
    let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
    guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter })
    else { return false }
    return parts.dropFirst().allSatisfy {
      (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
  }

  /// Whether the book is read with the English rules: English, or no language given.
  package static func isEnglish(_ tag: String?) -> Bool {
    let primary = primary(of: tag)
    return primary == nil || primary == "en"
  }

  /// Tags that name no language to speak in: undetermined, several, no linguistic content.
  package static let noLanguage: Set<String> = ["und", "mul", "zxx"]

  /// The English name of a supported language, else the code itself.
  package static func name(of code: String) -> String {
    supported.first { $0.code == code }?.name ?? code
  }
}
