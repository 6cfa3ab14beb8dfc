import Foundation
import AudiobookCore

/// Finds voice presets: `--voices DIR`, then `./Voices`, then the user's config folder,
/// then the presets compiled into the executable, so an installed binary works anywhere.
public struct VoiceLibrary: Sendable {
  /// The folders searched, in order; the first preset of a name wins.
  public var directories: [String]

  /// The longest voice name (in bytes) for which "did you mean" suggestions are looked for.
  static let longestSuggestedName = 100

  /// The preset used when none is named.
  public static let defaultPresetName = "narrator"

  /// - Parameters:
  ///   - explicitDirectory: the `--voices DIR` flag, searched first.
  ///   - currentDirectory: where `./Voices` is looked for.
  ///   - environment: for `XDG_CONFIG_HOME` and `HOME`.
  public init(
    explicitDirectory: String? = nil,
    currentDirectory: String = FileManager.default.currentDirectoryPath,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) {
    var directories: [String] = []
    if let explicitDirectory { directories.append(explicitDirectory) }
    directories.append((currentDirectory as NSString).appendingPathComponent("Voices"))
    if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
      directories.append("\(config)/audiobook/voices")
    } else if let home = environment["HOME"], !home.isEmpty {
      directories.append("\(home)/.config/audiobook/voices")
    }
    self.directories = directories
  }

  /// The preset called `name`, or an espeak-ng voice of that name with the default settings.
  ///
  /// - Throws: `AudiobookError` `.usage` for an unknown name, suggesting the closest ones;
  ///   `.badInput` for a malformed preset file.
  public func preset(named name: String) throws(AudiobookError) -> VoicePreset {
    if let preset = try presetIfPresent(named: name) { return preset }
    let installed = EspeakVoices.installed()
    if let voice = installed.first(matching: name) {
      var preset = try presetIfPresent(named: Self.defaultPresetName) ?? VoicePreset(name: Self.defaultPresetName)
      preset.name = name
      preset.description = "espeak-ng voice \(voice.name) with the \(Self.defaultPresetName) settings"
      preset.engine.voice = voice.identifier
      preset.engine.variant = ""
      preset.source = .espeakVoice
      return preset
    }
    let candidates = Set(try presetNames() + installed.flatMap { [$0.primaryLanguage, $0.identifier] })
    // Edit distance costs the product of the lengths; a name this long is close to nothing.
    let suggestions =
      name.utf8.count > Self.longestSuggestedName ? [] : EditDistance.closest(to: name, among: candidates, limit: 3)
    let hint =
      suggestions.isEmpty
      ? "; the presets are \(try Self.someOf(presetNames())), and `audiobook voices` lists the espeak-ng voices"
      : "; did you mean \(suggestions.map { "'\($0.quotedForMessage)'" }.joined(separator: ", "))?"
    throw AudiobookError(
      .usage, "voice '\(name.quotedForMessage)' is neither a preset nor an installed espeak-ng voice\(hint)")
  }

  /// Up to five names, quoted as a message may quote them, then "…" when there are more.
  static func someOf(_ names: [String]) -> String {
    names.prefix(5).map(\.quotedForMessage).joined(separator: ", ") + (names.count > 5 ? ", …" : "")
  }

  /// Every preset visible from here, one per name (the one that wins), sorted by name.
  public func allPresets() throws(AudiobookError) -> [VoicePreset] {
    var presets: [VoicePreset] = []
    for name in try presetNames() {
      if let preset = try presetIfPresent(named: name) { presets.append(preset) }
    }
    return presets
  }

  private func presetNames() throws(AudiobookError) -> [String] {
    var names = Set(BuiltInVoices.files.keys)
    for directory in directories {
      let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
      for file in files where file.hasSuffix(".yaml") {
        names.insert(String(file.dropLast(".yaml".count)))
      }
    }
    return names.sorted()
  }

  func presetIfPresent(named name: String) throws(AudiobookError) -> VoicePreset? {
    guard !name.contains("/"), !name.isEmpty else { return nil }
    for directory in directories {
      let path = (directory as NSString).appendingPathComponent("\(name).yaml")
      guard FileManager.default.fileExists(atPath: path) else { continue }
      guard let data = FileManager.default.contents(atPath: path) else {
        throw AudiobookError(.missingInput, "cannot read the voice preset", file: path)
      }
      guard let text = String(data: data, encoding: .utf8) else {
        throw AudiobookError(.badInput, "a voice preset must be UTF-8 text", file: path)
      }
      return try VoicePreset(yaml: text, name: name, file: path, source: .file(path))
    }
    if let bytes = BuiltInVoices.files[name] {
      return try VoicePreset(
        yaml: String(decoding: bytes, as: UTF8.self), name: name, file: "built-in \(name).yaml", source: .builtIn)
    }
    return nil
  }
}
