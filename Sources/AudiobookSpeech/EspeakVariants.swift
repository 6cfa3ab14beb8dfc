import Foundation
import AudiobookCore

/// The voice variants espeak-ng has installed (`m3`, `f2`, `klatt`, `whisper`, ...): the files
/// of `espeak-ng-data/voices/!v`, which `espeak_SetVoiceByName("en+m3")` loads by name.
///
/// espeak-ng quietly ignores a variant it cannot find, and would follow a path given as one,
/// so a preset's `variant` is checked against this list.
package enum EspeakVariants {
  /// The installed variants, sorted; nil when espeak-ng is not usable (then the render
  /// reports that instead).
  package static let installed: [String]? = {
    guard let dataPath = try? EspeakVoices.info().dataPath, !dataPath.isEmpty else { return nil }
    let folder = (dataPath as NSString).appendingPathComponent("voices/!v")
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
    return names.filter { !$0.hasPrefix(".") }.sorted()
  }()

  /// Variants worth naming in a message, when installed: the plainest male and female ones.
  static let wellKnown = ["m1", "m3", "f1", "f2", "klatt", "whisper"]

  /// A few variant names for a message: the nearest to `name`, else well-known ones.
  static func suggestions(for name: String, among installed: [String]) -> [String] {
    let nearest =
      name.utf8.count > VoiceLibrary.longestSuggestedName
      ? [] : EditDistance.closest(to: name, among: installed, limit: 3)
    guard nearest.isEmpty else { return nearest }
    let known = wellKnown.filter(installed.contains)
    return known.isEmpty ? Array(installed.prefix(5)) : known
  }
}
