import ArgumentParser
import Foundation
import AudiobookKit

/// `--voices`, shared by the commands that speak and by `voices`, which lists the presets.
struct VoiceFolderOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "A folder of voice presets, searched before ./Voices, ~/.config/audiobook/voices and the built-in ones.",
      valueName: "dir"),
    completion: .directory)
  var voices: String?

  var library: VoiceLibrary { VoiceLibrary(explicitDirectory: voices) }
}

/// `--voice` and `--voices`, shared by the commands that speak.
struct VoiceOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Voice preset or espeak-ng voice (see `audiobook voices`). Default: the book's, else narrator.",
      valueName: "name"))
  var voice: String?

  @OptionGroup var folder: VoiceFolderOptions

  var library: VoiceLibrary { folder.library }

  // Checked here rather than in `VoiceFolderOptions`: `voices` lists the search order even
  // when the folder is missing.
  func validate() throws {
    var isDirectory: ObjCBool = false
    if let voices = folder.voices,
      !FileManager.default.fileExists(atPath: voices, isDirectory: &isDirectory) || !isDirectory.boolValue
    {
      throw ValidationError("--voices names '\(voices)', which is not a folder of voice presets.")
    }
  }

  /// The flag's preset, else the one the book asks for, else the default speaking the
  /// book's language (see `VoiceLibrary.defaultPreset(forLanguage:)`).
  func preset(
    bookVoice: String? = nil, book: String? = nil, language: String? = nil, quiet: Bool = false,
    voiceSetting: BookSettings.Setting? = nil
  ) throws(AudiobookError) -> VoicePreset {
    if let voice { return try library.preset(named: voice) }
    if let bookVoice {
      do {
        return try library.preset(named: bookVoice)
      } catch  where error.kind == .usage {
        // Named inside the manuscript or its settings, so it is that file that is wrong.
        guard let setting = voiceSetting else {
          throw AudiobookError(.badInput, error.message + " (named in the front matter)", file: book)
        }
        throw AudiobookError(.badInput, error.message, file: setting.file, line: setting.line)
      }
    }
    let (preset, warning) = try library.defaultPreset(forLanguage: language)
    if let warning, !quiet { FileHandle.standardError.write(Data("\(book.map { "\($0): " } ?? "")\(warning)\n".utf8)) }
    return preset
  }
}
