import AudiobookAudio

extension TimedSpan {
  /// Whether the span says who speaks it: a render with a cast.
  var hasVoices: Bool { voice != nil || parts?.isEmpty == false }

  /// The voice speaking at `frame` of the chapter: the sentence's, or that of the part holding
  /// the frame (the first part before it starts); nil without a cast.
  func voice(at frame: Int) -> String? {
    if let voice { return voice }
    guard let parts, let first = parts.first else { return nil }
    return parts.last { $0.startFrame <= frame }?.voice ?? first.voice
  }
}

/// The class a read-along book gives a voice's text, so that a reading system's style can
/// show who speaks: `voice-` and the name in lower-case letters and digits, other characters
/// as `-` (`Mr. Darcy` → `voice-mr-darcy`).
enum VoiceClass {
  static func name(_ voice: String) -> String {
    var name = ""
    for scalar in voice.lowercased().unicodeScalars {
      let character = Character(scalar)
      if scalar.isASCII && (character.isLetter || character.isNumber) {
        name.append(character)
      } else if !name.isEmpty && !name.hasSuffix("-") {
        name.append("-")
      }
    }
    while name.hasSuffix("-") { name.removeLast() }
    return "voice-" + (name.isEmpty ? "x" : name)
  }
}
