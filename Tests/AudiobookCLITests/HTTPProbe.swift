import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A plain HTTP/1.1 client over a socket to 127.0.0.1, for the studio's tests: it sends what
/// a test says, `Host` header included (a browser or URLSession would set its own), and reads
/// the answer whole, or an event stream as it comes.
struct HTTPProbe {
  struct Response {
    var status: Int
    var headers: [String: String]
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }
    var json: [String: Any]? { try? JSONSerialization.jsonObject(with: body) as? [String: Any] }
  }

  enum Failure: Error { case connect(Int32), closedEarly, timedOut, malformed }

  let port: UInt16

  /// `Host: 127.0.0.1:PORT`, as a browser on the studio's URL sends it.
  var host: String { "127.0.0.1:\(port)" }

  func get(_ path: String, host: String? = nil, headers: [String: String] = [:]) throws -> Response {
    try request("GET", path, host: host ?? self.host, headers: headers)
  }

  func post(_ path: String, json: String, headers: [String: String] = [:]) throws -> Response {
    try request(
      "POST", path, host: host, headers: headers.merging(["Content-Type": "application/json"]) { $1 },
      body: Data(json.utf8))
  }

  /// Sends a request (`host` nil: none at all) and reads the whole response.
  func request(
    _ method: String, _ path: String, host: String?, headers: [String: String] = [:], body: Data = Data(),
    version: String = "HTTP/1.1", timeout: TimeInterval = 120
  ) throws -> Response {
    let socket = try connect()
    defer { close(socket) }
    var head = "\(method) \(path) \(version)\r\n"
    if let host { head += "Host: \(host)\r\n" }
    for (name, value) in headers { head += "\(name): \(value)\r\n" }
    head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
    try send(Data(head.utf8) + body, on: socket)
    let deadline = Date().addingTimeInterval(timeout)
    var received = Data()
    while let chunk = try receive(on: socket, until: deadline) { received += chunk }
    return try Self.parse(received)
  }

  /// Opens `GET path` as an event stream and reads it until the text received so far satisfies
  /// `condition` or `timeout` passes; the text read. `opened` runs once the stream's first
  /// bytes came (the server has the listener), before waiting for the rest.
  func events(
    _ path: String = "/api/events", timeout: TimeInterval = 60, opened: () throws -> Void,
    until condition: (String) -> Bool
  ) throws -> String {
    let socket = try connect()
    defer { close(socket) }
    try send(Data("GET \(path) HTTP/1.1\r\nHost: \(host)\r\nAccept: text/event-stream\r\n\r\n".utf8), on: socket)
    let deadline = Date().addingTimeInterval(timeout)
    var received = Data()
    var started = false
    while !condition(String(decoding: received, as: UTF8.self)) {
      guard let chunk = try receive(on: socket, until: deadline) else { throw Failure.closedEarly }
      received += chunk
      if !started && String(decoding: received, as: UTF8.self).contains("retry:") {
        started = true
        try opened()
      }
    }
    return String(decoding: received, as: UTF8.self)
  }

  /// Whether `text` (a stream as read, chunk sizes and all) holds a whole `name` event.
  static func hasEvent(_ name: String, in text: String) -> Bool {
    guard let start = text.range(of: "event: \(name)\ndata: ") else { return false }
    return text[start.upperBound...].contains("\n\n")
  }

  /// The data of the first `name` event in `text`, as JSON.
  static func event(_ name: String, in text: String) -> [String: Any]? {
    guard let start = text.range(of: "event: \(name)\ndata: ") else { return nil }
    let line = text[start.upperBound...].prefix { $0 != "\n" }
    return try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
  }

  private func connect() throws -> Int32 {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw Failure.connect(errno) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      let error = errno
      close(socket)
      throw Failure.connect(error)
    }
    return socket
  }

  private func send(_ data: Data, on socket: Int32) throws {
    var sent = 0
    while sent < data.count {
      let count = data.withUnsafeBytes { bytes in
        bytes.baseAddress.map { Glibc.send(socket, $0 + sent, data.count - sent, 0) } ?? -1
      }
      guard count > 0 else { throw Failure.closedEarly }
      sent += count
    }
  }

  /// The next bytes, or nil at the end of the stream.
  private func receive(on socket: Int32, until deadline: Date) throws -> Data? {
    guard !readableDescriptors([socket], until: deadline).isEmpty else { throw Failure.timedOut }
    var buffer = [UInt8](repeating: 0, count: 65_536)
    let count = recv(socket, &buffer, buffer.count, 0)
    return count > 0 ? Data(buffer[0..<count]) : nil
  }

  /// Status, headers and body (chunked transfer decoded).
  static func parse(_ data: Data) throws -> Response {
    let bytes = [UInt8](data)
    guard let end = bytes.indices.first(where: { bytes[$0...].starts(with: Array("\r\n\r\n".utf8)) }) else {
      throw Failure.malformed
    }
    let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
    guard let statusLine = lines.first, let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "")
    else { throw Failure.malformed }
    var headers: [String: String] = [:]
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    var body = Array(bytes[(end + 4)...])
    if headers["transfer-encoding"] == "chunked" { body = try dechunked(body) }
    return Response(status: status, headers: headers, body: Data(body))
  }

  private static func dechunked(_ bytes: [UInt8]) throws -> [UInt8] {
    var out: [UInt8] = []
    var index = 0
    while index < bytes.count {
      guard let lineEnd = bytes[index...].firstIndex(of: 0x0D),
        let size = Int(String(decoding: bytes[index..<lineEnd], as: UTF8.self), radix: 16)
      else { throw Failure.malformed }
      if size == 0 { break }
      let start = lineEnd + 2
      guard start + size <= bytes.count else { throw Failure.malformed }
      out += bytes[start..<(start + size)]
      index = start + size + 2
    }
    return out
  }
}
