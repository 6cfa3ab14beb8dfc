import AudiobookKit
import FlyingFox
import FlyingSocks
import Foundation

/// `audiobook studio`'s web server (FlyingFox): the page, the API over a `StudioSession`, and
/// the watch that reads the book again when its files change and tells the pages.
public final class StudioServer: @unchecked Sendable {
  let session: StudioSession
  let events = StudioEvents()
  /// The session's token, which only the studio's own page carries.
  private let token = StudioGuard.newToken()
  private let host: String
  private let port: UInt16
  /// Told one line for each change to the book, for stderr.
  private let log: @Sendable (String) -> Void

  /// - Parameters:
  ///   - host: an IP address to listen on (127.0.0.1 unless the user asked for another).
  ///   - port: the port; 0 for any free one.
  public init(session: StudioSession, host: String, port: UInt16, log: @escaping @Sendable (String) -> Void) {
    self.session = session
    self.host = host
    self.port = port
    self.log = log
  }

  /// Serves until the process ends; `listening` hears the page's URL once connections are
  /// accepted.
  ///
  /// - Throws: `.usage` for a host that is not an IP address; `.unavailable` when the address
  ///   cannot be listened on (a port in use).
  public func serve(listening: @escaping @Sendable (String) -> Void) throws(AudiobookError) {
    let address: any SocketAddress
    do {
      address =
        host.contains(":") ? try sockaddr_in6.inet6(ip6: host, port: port) : try sockaddr_in.inet(ip4: host, port: port)
    } catch {
      throw AudiobookError(.usage, "--host takes an IP address such as 127.0.0.1 or ::1, not '\(host)'")
    }
    let outcome = Outcome()
    let done = DispatchSemaphore(value: 0)
    let server = HTTPServer(
      config: HTTPServer.Configuration(address: address, timeout: 60, logger: .disabled), handler: nil)
    Task { [self] in
      do {
        try await run(server, listening: listening)
      } catch {
        outcome.set(
          AudiobookError(.unavailable, "cannot serve on \(host) port \(port): \(error)"))
      }
      done.signal()
    }
    done.wait()
    if let error = outcome.error { throw error }
  }

  private func run(_ server: HTTPServer, listening: @escaping @Sendable (String) -> Void) async throws {
    let started = Task { try await server.run() }
    try await server.waitUntilListening()
    guard let bound = await server.listeningAddress else { throw SocketError.unsupportedAddress }
    let actualPort: UInt16
    switch bound {
    case .ip4(_, let port), .ip6(_, let port): actualPort = port
    default: throw SocketError.unsupportedAddress
    }
    let handler = StudioHandler(
      session: session, events: events, access: StudioGuard(host: host, port: actualPort, token: token))
    await server.appendRoute("*", to: handler)
    startWatching()
    startHeartbeat()
    session.startBackgroundSynthesis()
    let shown = host.contains(":") ? "[\(host)]" : host
    listening("http://\(shown):\(actualPort)/")
    try await started.value
  }

  /// Reads the book again after each change to its files, tells the pages which paragraphs
  /// changed, and has those synthesized in the background.
  private func startWatching() {
    // The first watch is made before the URL is printed, so that no save after it is missed.
    let first = session.watchedFiles
    let firstWatch = try? FileWatch(files: first)
    let thread = Thread { [self] in
      var (files, watch) = (first, firstWatch)
      while let current = watch {
        while files == session.watchedFiles, let changed = current.waitForChange() {
          bookChanged(files: changed)
        }
        files = session.watchedFiles
        watch = try? FileWatch(files: files)
      }
      log("studio: cannot watch the book's files for changes; reload the page after editing")
    }
    thread.name = "studio-watch"
    thread.start()
  }

  private func bookChanged(files: [String]) {
    let (before, hadProblem) = (session.book.version, session.book.problem != nil)
    guard let changed = session.reload() else {
      let problem = session.book.problem ?? "the book cannot be read"
      log("studio: \(problem)")
      events.send("problem", data: Self.json(["problem": problem]))
      return
    }
    // A book that reads again after a problem is news too, if nothing else changed.
    guard !changed.isEmpty || session.book.version != before || hadProblem else { return }
    let names = files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
    log("studio: \(names) changed: \(changed.count) paragraph\(changed.count == 1 ? "" : "s") to hear again")
    events.send("changed", data: Self.json(ChangedEvent(paragraphs: changed, version: session.book.version)))
    session.synthesizeInBackground(changed)
  }

  private struct ChangedEvent: Encodable {
    var paragraphs: [String]
    var version: Int
  }

  /// Every 15 seconds, so that the streams of pages that went away end.
  private func startHeartbeat() {
    let timer = DispatchSource.makeTimerSource(queue: .global())
    timer.schedule(deadline: .now() + 15, repeating: 15)
    timer.setEventHandler { [events] in events.heartbeat() }
    timer.resume()
    heartbeat = timer
  }

  private var heartbeat: (any DispatchSourceTimer)?

  /// One line of JSON.
  static func json(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }

  /// The failure `serve` ends with, set from its task.
  private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: AudiobookError?
    var error: AudiobookError? { lock.withLock { stored } }
    func set(_ error: AudiobookError) { lock.withLock { stored = error } }
  }
}
