/// The repository's `Voices/` folder, compiled into the executable (SwiftPM `embedInCode`),
/// so that copying the one binary installs the presets too.
enum BuiltInVoices {
  /// Preset name → the YAML file's bytes. A test checks this lists every file in `Voices/`.
  package static let files: [String: [UInt8]] = [
    "narrator": PackageResources.narrator_yaml,
    "narrator-us": PackageResources.narrator_us_yaml,
    "draft": PackageResources.draft_yaml,
  ]
}
