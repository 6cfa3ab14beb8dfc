import AudiobookKit
import Foundation

/// Plays a WAV file through the first audio player found on the `PATH`.
enum AudioPlayer {
  /// In order of preference: PipeWire, PulseAudio, ALSA, then the media players mpv and
  /// ffplay, each with the arguments that play a file once, without a window, and end.
  static let players: [(name: String, arguments: [String])] = [
    ("pw-play", []), ("paplay", []), ("aplay", []),
    ("mpv", ["--no-video", "--no-config", "--really-quiet", "--"]),
    ("ffplay", ["-nodisp", "-autoexit", "-loglevel", "error"]),
  ]

  static var candidates: [String] { players.map(\.name) }

  /// Plays `path` to the end; Ctrl-C reaches the player too (same process group) and stops it at once.
  ///
  /// - Throws: `.unavailable` (exit 69) when there is no player or it cannot reach a device.
  static func play(_ path: String) throws(AudiobookError) {
    let hint = "write a file with -o FILE.wav, or pipe into a player: audiobook say ... | aplay"
    guard let player = find() else {
      throw AudiobookError(.unavailable, "no audio player (\(candidates.joined(separator: ", "))) was found; \(hint)")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: player.path)
    process.arguments = player.arguments + [path]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw AudiobookError(.unavailable, "cannot start \(player.path): \(error.localizedDescription); \(hint)")
    }
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw AudiobookError(
        .unavailable,
        "\((player.path as NSString).lastPathComponent) could not play the audio (no audio device?); \(hint)")
    }
  }

  /// The first player on `PATH`, with its arguments.
  static func find() -> (path: String, arguments: [String])? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for player in players {
      for folder in path.split(separator: ":")
      where FileManager.default.isExecutableFile(atPath: "\(folder)/\(player.name)") {
        return ("\(folder)/\(player.name)", player.arguments)
      }
    }
    return nil
  }
}
