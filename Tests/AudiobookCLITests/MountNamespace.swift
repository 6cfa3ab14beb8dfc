import Foundation

/// Runs shell scripts in a user and mount namespace of their own (`unshare -rm`), where they
/// may mount a small tmpfs to fill, or remount a folder read-only, without root and without
/// touching the machine's mounts. Tests that need one skip where the kernel or a container
/// forbids such namespaces.
enum MountNamespace {
  /// Whether `unshare -rm` can mount a tmpfs here.
  static let isAvailable: Bool = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("audiobook-mount-probe-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    guard let result = try? run("mount -t tmpfs -o size=64k tmpfs \"$1\"", arguments: [folder.path]) else {
      return false
    }
    return result.exited && result.status == 0
  }()

  /// Runs `sh -c SCRIPT ARGUMENTS…` in a new namespace, in `directory`; `$1`… are `arguments`.
  static func run(
    _ script: String, arguments: [String] = [], in directory: URL = FileManager.default.temporaryDirectory,
    timeout: TimeInterval = 300
  ) throws -> RunResult {
    try Audiobook.start(
      ["-rm", "sh", "-c", script, "sh"] + arguments, in: directory, executable: "/usr/bin/unshare"
    ).wait(timeout: timeout)
  }
}
