import FlyingFox
import Foundation

/// Who may ask what: a request must name, in its `Host` header, the address the studio serves
/// (a page on another site that points a name of its own at 127.0.0.1, DNS rebinding, is
/// refused), and a write must carry the session's token, which only the studio's own page
/// holds, and come from that page's origin when the browser says where it comes from.
struct StudioGuard: Sendable {
  /// `Host` values accepted: `127.0.0.1:PORT`, `localhost:PORT`, `[::1]:PORT`, and the host
  /// `--host` gave.
  let hosts: Set<String>
  /// 128 random bits, in hex, made anew for each run.
  let token: String

  init(host: String, port: UInt16, token: String) {
    var names = ["127.0.0.1", "localhost", "[::1]"]
    names.append(host.contains(":") ? "[\(host)]" : host)
    hosts = Set(names.map { "\($0.lowercased()):\(port)" })
    self.token = token
  }

  static func newToken() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<4).map { _ in String(format: "%08x", generator.next() as UInt32) }.joined()
  }

  /// Whether the request names this studio in its `Host` header.
  func allowsHost(of request: HTTPRequest) -> Bool {
    guard let host = request.headers[.host]?.lowercased() else { return false }
    return hosts.contains(host)
  }

  /// Whether a request that changes something carries the token and, when it says where it
  /// comes from, comes from the studio's page.
  func allowsWrite(_ request: HTTPRequest) -> Bool {
    guard request.headers[HTTPHeader("X-Audiobook-Token")] == token else { return false }
    guard let origin = request.headers[HTTPHeader("Origin")] else { return true }
    return origin.hasPrefix("http://") && hosts.contains(String(origin.dropFirst("http://".count)).lowercased())
  }
}
