import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `say` on a terminal plays through the first player on the PATH, mpv and ffplay among them.
@Suite struct SayPlayerTests {
  /// A pseudo-terminal: `say` sees a terminal on stdout, as on a desktop.
  struct PseudoTerminal {
    let controller: FileHandle
    let terminal: FileHandle

    /// glibc's calls, which Swift's Glibc module leaves out (declared only under _XOPEN_SOURCE).
    private static func call<T>(_ name: String, as type: T.Type) throws -> T {
      guard let symbol = dlsym(dlopen(nil, RTLD_NOW), name) else { throw POSIXError(.ENOSYS) }
      return unsafeBitCast(symbol, to: type)
    }

    init() throws {
      typealias Open = @convention(c) (Int32) -> Int32
      typealias Name = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
      let descriptor = try Self.call("posix_openpt", as: Open.self)(O_RDWR | O_NOCTTY)
      guard descriptor >= 0, try Self.call("grantpt", as: Open.self)(descriptor) == 0,
        try Self.call("unlockpt", as: Open.self)(descriptor) == 0,
        let name = try Self.call("ptsname", as: Name.self)(descriptor)
      else { throw POSIXError(.ENODEV) }
      let follower = open(name, O_RDWR | O_NOCTTY)
      guard follower >= 0 else { throw POSIXError(.ENODEV) }
      controller = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
      terminal = FileHandle(fileDescriptor: follower, closeOnDealloc: true)
    }
  }

  /// Runs `say` with a PATH holding only `player` (a link to the installed one).
  func say(through player: String) throws -> RunResult? {
    guard
      let installed = ["/usr/bin/\(player)", "/usr/local/bin/\(player)"].first(where: {
        FileManager.default.isExecutableFile(atPath: $0)
      })
    else { return nil }
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let bin = scratch.appending("bin")
    try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: "\(bin)/\(player)", withDestinationPath: installed)
    let terminal = try PseudoTerminal()
    let running = try Audiobook.start(
      ["say", "Hello."], in: scratch.url, environment: ["PATH": bin], standardOutput: terminal.terminal)
    return running.wait(timeout: 120)
  }

  @Test(arguments: ["mpv", "ffplay"])
  func aMediaPlayerIsAPlayerToo(_ player: String) throws {
    guard let result = try say(through: player) else { return }  // not installed here
    // Where there is no audio device the player fails, and says so through `say`, by name;
    // either way it is not "no audio player was found".
    #expect(!result.stderrText.contains("no audio player"), "\(result.stderrText)")
    if result.status != 0 {
      #expect(result.status == 69)
      #expect(result.stderrText.contains("\(player) could not play the audio"), "\(result.stderrText)")
    }
  }

  @Test func withoutAnyPlayerItSaysWhichItLookedFor() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let terminal = try PseudoTerminal()
    let running = try Audiobook.start(
      ["say", "Hello."], in: scratch.url, environment: ["PATH": scratch.path], standardOutput: terminal.terminal)
    let result = running.wait(timeout: 120)
    #expect(result.status == 69)
    #expect(result.stderrText.contains("pw-play, paplay, aplay, mpv, ffplay"), "\(result.stderrText)")
  }
}
