import ArgumentParser
import AudiobookKit
import Foundation

/// `--subtitles vtt,srt,words`: subtitle formats, comma-separated.
struct SubtitleFormats: ExpressibleByArgument {
  var formats: Set<Subtitles.Format>

  init?(argument: String) {
    var formats: Set<Subtitles.Format> = []
    for name in argument.split(separator: ",") {
      guard let format = Subtitles.Format(rawValue: name.trimmingCharacters(in: .whitespaces)) else { return nil }
      formats.insert(format)
    }
    self.formats = formats
  }

  static var defaultCompletionKind: CompletionKind { .list(Subtitles.Format.allCases.map(\.rawValue)) }
}
