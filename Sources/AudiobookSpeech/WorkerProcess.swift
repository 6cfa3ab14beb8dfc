import AudiobookCore
import SystemPackage

#if canImport(Glibc)
  import Glibc
#endif

/// A child process started with `posix_spawn`, its stdin and stdout connected to pipes.
///
/// Foundation's `Process` polls a run loop in `waitUntilExit`, which costs tens of
/// milliseconds per start; `say` has to answer in well under a second, so this is plain POSIX.
final class WorkerProcess {
  let pid: pid_t
  /// Write end of the child's stdin.
  package let input: FileDescriptor
  /// Read end of the child's stdout.
  package let output: FileDescriptor
  private var exited = false

  /// Starts `executable` with `arguments` (without argv[0]); stderr is shared with this process.
  ///
  /// - Parameter environment: the child's environment; nil for this process's own.
  /// - Throws: `SpeechError.workerFailed` with the system's reason when the pipes or the spawn fail.
  init(executable: String, arguments: [String], environment: [String: String]? = nil) throws(SpeechError) {
    let toChild: (readEnd: FileDescriptor, writeEnd: FileDescriptor)
    let fromChild: (readEnd: FileDescriptor, writeEnd: FileDescriptor)
    do {
      toChild = try Errno.typed { try FileDescriptor.pipe() }
      do {
        fromChild = try Errno.typed { try FileDescriptor.pipe() }
      } catch {
        Self.close(toChild.readEnd, toChild.writeEnd)
        throw error
      }
    } catch {
      throw .workerFailed("cannot create pipes: \(error)")
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, toChild.readEnd.rawValue, 0)
    posix_spawn_file_actions_adddup2(&actions, fromChild.writeEnd.rawValue, 1)
    for end in [toChild.readEnd, toChild.writeEnd, fromChild.readEnd, fromChild.writeEnd] {
      posix_spawn_file_actions_addclose(&actions, end.rawValue)
    }
    // Nothing else of this process's reaches the worker: a server's connections (the studio's)
    // would otherwise stay open in it after the server closed them.
    LinuxCalls.spawnClosesDescriptors(&actions, from: 3)

    // The render may ignore SIGINT and SIGTERM while it cleans up; the worker must not inherit that.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
    defer { envp?.forEach { free($0) } }
    var pid: pid_t = 0
    let status =
      if let envp {
        posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
      } else {
        posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
      }
    Self.close(toChild.readEnd, fromChild.writeEnd)
    guard status == 0 else {
      Self.close(toChild.writeEnd, fromChild.readEnd)
      throw .workerFailed("cannot start \(executable): \(Errno(rawValue: status))")
    }
    // The parent's ends must not leak into later children, or their EOF never comes.
    _ = fcntl(toChild.writeEnd.rawValue, F_SETFD, FD_CLOEXEC)
    _ = fcntl(fromChild.readEnd.rawValue, F_SETFD, FD_CLOEXEC)
    // Room for a whole clip (best effort: the system may cap it), so a synthesis child can
    // write its reply and exit without waiting for this process to read it 64 KiB at a time.
    LinuxCalls.setPipeSize(fromChild.readEnd.rawValue, Self.replyPipeSize)
    self.pid = pid
    input = toChild.writeEnd
    output = fromChild.readEnd
  }

  static let replyPipeSize: Int32 = 1 << 20

  private static func close(_ ends: FileDescriptor...) {
    for end in ends { try? end.close() }
  }

  /// Closes the pipes and reaps the child.
  func wait() {
    guard !exited else { return }
    exited = true
    Self.close(input, output)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  }

  deinit { wait() }
}
