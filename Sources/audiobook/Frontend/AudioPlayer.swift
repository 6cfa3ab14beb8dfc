import AudiobookKit
import Foundation

/// Plays a WAV file through the first audio player found on the `PATH`.
enum AudioPlayer {
  /// In order of preference: PipeWire, PulseAudio, ALSA.
  static let candidates = ["pw-play", "paplay", "aplay"]

  /// Plays `path` to the end; Ctrl-C reaches the player too (same process group) and stops it at once.
  ///
  /// - Throws: `.unavailable` (exit 69) when there is no player or it cannot reach a device.
  static func play(_ path: String) throws(AudiobookError) {
    let hint = "write a file with -o FILE.wav, or pipe into a player: audiobook say ... | aplay"
    guard let player = find() else {
      throw AudiobookError(.unavailable, "no audio player (\(candidates.joined(separator: ", "))) was found; \(hint)")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: player)
    process.arguments = [path]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw AudiobookError(.unavailable, "cannot start \(player): \(error.localizedDescription); \(hint)")
    }
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw AudiobookError(
        .unavailable,
        "\((player as NSString).lastPathComponent) could not play the audio (no audio device?); \(hint)")
    }
  }

  static func find() -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for name in candidates {
      for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
        return "\(folder)/\(name)"
      }
    }
    return nil
  }
}
