import AudiobookCore

/// Finds text that espeak-ng will not read as it stands, so that the author knows: text that
/// looks like espeak-ng markup (`[[phonemes]]`, `<ssml>`), which is always read as the characters
/// it is (the flags that would interpret it are never set) and was probably not meant to be
/// heard; and runs that are read in pieces (`RunBreaker`), such as a long web address.
public enum MarkupNotice {
  /// A warning for `text` (one line), or nil when it holds nothing of the kind.
  public static func check(_ text: String) -> String? {
    let notices = [markup(in: text), RunBreaker.notice(text)].compactMap { $0 }
    return notices.isEmpty ? nil : notices.joined(separator: "; ")
  }

  private static func markup(in text: String) -> String? {
    if let start = text.range(of: "[["), let end = text.range(of: "]]", range: start.upperBound..<text.endIndex) {
      return "'\(text[start.lowerBound..<end.upperBound].prefix(40))' is read aloud as text, not as phonemes"
    }
    // Most paragraphs have no '<' at all; the regular expression is only worth running on those that do.
    if text.utf8.contains(UInt8(ascii: "<")), let tag = text.firstMatch(of: /<\/?[A-Za-z][A-Za-z0-9:-]*(\s[^<>]*)?\/?>/)
    {
      return "'\(tag.output.0.prefix(40))' looks like markup and is read aloud as text"
    }
    return nil
  }
}
