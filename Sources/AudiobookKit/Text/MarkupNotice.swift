/// Finds text that looks like espeak-ng markup (`[[phonemes]]`, `<ssml>`): it is always read
/// as the characters it is (the flags that would interpret it are never set), and the author
/// should know, because it was probably not meant to be heard.
public enum MarkupNotice {
  /// A warning for `text`, or nil when it holds nothing that looks like markup.
  public static func check(_ text: String) -> String? {
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
