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
  package let input: Int32
  /// Read end of the child's stdout.
  package let output: Int32
  private var exited = false

  /// Starts `executable` with `arguments` (without argv[0]); stderr is shared with this process.
  ///
  /// - Throws: the `errno` description when the pipes or the spawn fail.
  init(executable: String, arguments: [String]) throws(SpeechError) {
    var toChild: [Int32] = [-1, -1]
    var fromChild: [Int32] = [-1, -1]
    guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else {
      throw .workerFailed("cannot create pipes: \(String(cString: strerror(errno)))")
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
    posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
    for fd in toChild + fromChild { posix_spawn_file_actions_addclose(&actions, fd) }

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
    var pid: pid_t = 0
    let status = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
    close(toChild[0])
    close(fromChild[1])
    guard status == 0 else {
      close(toChild[1])
      close(fromChild[0])
      throw .workerFailed("cannot start \(executable): \(String(cString: strerror(status)))")
    }
    // The parent's ends must not leak into later children, or their EOF never comes.
    _ = fcntl(toChild[1], F_SETFD, FD_CLOEXEC)
    _ = fcntl(fromChild[0], F_SETFD, FD_CLOEXEC)
    // Room for a whole clip (best effort: the system may cap it), so a synthesis child can
    // write its reply and exit without waiting for this process to read it 64 KiB at a time.
    _ = fcntl(fromChild[0], Self.setPipeSize, Self.replyPipeSize)
    self.pid = pid
    input = toChild[1]
    output = fromChild[0]
  }

  static let replyPipeSize: Int32 = 1 << 20
  /// Linux's `F_SETPIPE_SZ`, which Glibc's Swift module leaves out (it is a `_GNU_SOURCE` name).
  static let setPipeSize: Int32 = 1031

  /// Closes the pipes and reaps the child.
  func wait() {
    guard !exited else { return }
    exited = true
    close(input)
    close(output)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  }

  deinit { wait() }
}
