import AudiobookKit
import FlyingFox
import Foundation

/// Answers the studio's requests: its own page and the API (README, "Studio"). Nothing else
/// is served: no file from disk but the book's audio, made for the asking.
struct StudioHandler: HTTPHandler {
  let session: StudioSession
  let events: StudioEvents
  let access: StudioGuard

  /// The most a request body may hold (a lexicon entry or a chapter number).
  static let bodyLimit = 16_384

  func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
    guard access.allowsHost(of: request) else {
      return Self.problem(.forbidden, "this studio answers only to its own address (Host header)")
    }
    switch (request.method, request.path) {
    case (.GET, "/"), (.GET, "/index.html"):
      let page = String(decoding: PackageResources.studio_html, as: UTF8.self)
        .replacingOccurrences(of: "__TOKEN__", with: access.token)
        .replacingOccurrences(of: "__BOOK__", with: Self.scriptSafe(StudioServer.json(session.book)))
      return Self.ok(Data(page.utf8), type: "text/html; charset=utf-8")
    case (.GET, "/studio.css"): return Self.ok(Data(PackageResources.studio_css), type: "text/css; charset=utf-8")
    case (.GET, "/studio.js"):
      return Self.ok(Data(PackageResources.studio_js), type: "text/javascript; charset=utf-8")
    case (.GET, "/api/book"):
      return Self.ok(Data(StudioServer.json(session.book).utf8), type: "application/json")
    case (.GET, "/api/events"):
      return HTTPResponse(
        statusCode: .ok,
        headers: [.contentType: "text/event-stream", .cacheControl: "no-store", HTTPHeader("X-Accel-Buffering"): "no"],
        body: HTTPBodySequence(from: events.listen()))
    case (.GET, "/api/try"):
      return await trySaying(request)
    case (.POST, "/api/lexicon"), (.POST, "/api/focus"):
      return await write(request)
    case (.GET, let path) where path.hasPrefix("/api/paragraph/"):
      return await paragraph(path)
    case (_, "/"), (_, "/api/book"), (_, "/api/events"), (_, "/api/lexicon"), (_, "/api/focus"):
      return Self.problem(.methodNotAllowed, "\(request.method.rawValue) is not allowed here")
    default:
      return Self.problem(.notFound, "there is nothing at \(request.path)")
    }
  }

  /// `GET /api/paragraph/C/P.wav` or `.json`.
  private func paragraph(_ path: String) async -> HTTPResponse {
    let parts = path.dropFirst("/api/paragraph/".count).split(separator: "/")
    guard parts.count == 2, let chapter = Int(parts[0]), let dot = parts[1].lastIndex(of: "."),
      let number = Int(parts[1][..<dot])
    else { return Self.problem(.notFound, "a paragraph is /api/paragraph/CHAPTER/PARAGRAPH.wav or .json") }
    let wanted = parts[1][parts[1].index(after: dot)...]
    guard wanted == "wav" || wanted == "json" else {
      return Self.problem(.notFound, "a paragraph's audio is .wav, its timings .json")
    }
    session.focus(chapter: chapter)
    let made = await Self.offloaded { [session] () throws(AudiobookError) in
      try session.audio(chapter: chapter, paragraph: number)
    }
    switch made {
    case .success(let audio) where wanted == "wav":
      return Self.ok(Data(audio.wav), type: "audio/wav")
    case .success(let audio):
      return Self.ok(Data(StudioServer.json(audio.timings).utf8), type: "application/json")
    case .failure(let error):
      return Self.problem(error)
    }
  }

  /// `GET /api/try?text=...[&word=...&said=...]`: a WAV of the text, the word respelled.
  private func trySaying(_ request: HTTPRequest) async -> HTTPResponse {
    guard let text = request.query["text"], !text.isEmpty, text.utf8.count <= 1_000 else {
      return Self.problem(.badRequest, "give the text to say as ?text= (at most 1,000 bytes)")
    }
    let word = request.query["word"]
    let said = request.query["said"]
    let made = await Self.offloaded { [session] () throws(AudiobookError) in
      try session.trySaying(text, word: word, said: said)
    }
    switch made {
    case .success(let wav): return Self.ok(Data(wav), type: "audio/wav")
    case .failure(let error): return Self.problem(error)
    }
  }

  /// `POST /api/lexicon` (`{"word": ..., "said": ...}`) and `POST /api/focus` (`{"chapter": N}`),
  /// with the session's token.
  private func write(_ request: HTTPRequest) async -> HTTPResponse {
    guard access.allowsWrite(request) else {
      return Self.problem(.forbidden, "a change needs the token of the studio's page (X-Audiobook-Token)")
    }
    let declared = request.headers[.contentLength].flatMap { Int($0) } ?? 0
    guard declared <= Self.bodyLimit, let body = try? await request.bodyData, body.count <= Self.bodyLimit,
      let fields = try? JSONSerialization.jsonObject(with: body) as? [String: Any]
    else { return Self.problem(.badRequest, "the body must be a JSON object of at most 16 KiB") }
    if request.path == "/api/focus" {
      guard let chapter = fields["chapter"] as? Int else { return Self.problem(.badRequest, "give {\"chapter\": N}") }
      session.focus(chapter: chapter)
      return HTTPResponse(statusCode: .noContent)
    }
    guard let word = fields["word"] as? String, let said = fields["said"] as? String else {
      return Self.problem(.badRequest, "give {\"word\": ..., \"said\": ...}")
    }
    let saved = await Self.offloaded { [session] () throws(AudiobookError) in
      try session.save(word: word, said: said)
    }
    switch saved {
    case .success(let entry):
      return Self.ok(
        Data(StudioServer.json(["word": entry.word, "said": entry.spokenText, "file": entry.file]).utf8),
        type: "application/json")
    case .failure(let error): return Self.problem(error)
    }
  }

  /// Runs blocking work (synthesis, files) on a thread of its own, not on the server's.
  static func offloaded<T: Sendable>(
    _ body: @escaping @Sendable () throws(AudiobookError) -> T
  ) async -> Result<T, AudiobookError> {
    await withCheckedContinuation { continuation in
      DispatchQueue.global().async {
        continuation.resume(returning: Result { () throws(AudiobookError) -> T in try body() })
      }
    }
  }

  /// JSON that can stand inside a `<script>` element: no `<` to end it or open a comment.
  static func scriptSafe(_ json: String) -> String {
    json.replacingOccurrences(of: "<", with: "\\u003c")
  }

  static func ok(_ body: Data, type: String) -> HTTPResponse {
    HTTPResponse(statusCode: .ok, headers: headers(type: type), body: body)
  }

  /// The status a failure deserves: no such paragraph 404, text that cannot be said 422, a
  /// lexicon file that is not to be written (a link, read-only) 409.
  static func problem(_ error: AudiobookError) -> HTTPResponse {
    switch error.kind {
    case .usage: problem(.notFound, error.description)
    case .badInput: problem(.unprocessableContent, error.description)
    case .cannotCreate: problem(.conflict, error.description)
    default: problem(.internalServerError, error.description)
    }
  }

  static func problem(_ status: HTTPStatusCode, _ message: String) -> HTTPResponse {
    HTTPResponse(
      statusCode: status, headers: headers(type: "application/json"),
      body: Data(StudioServer.json(["error": message]).utf8))
  }

  /// No caching, no sniffing, no script or style from anywhere but the studio itself.
  private static func headers(type: String) -> HTTPHeaders {
    [
      .contentType: type, .cacheControl: "no-store", HTTPHeader("X-Content-Type-Options"): "nosniff",
      HTTPHeader("Content-Security-Policy"):
        "default-src 'self'; media-src 'self' blob:; img-src 'self' data:; frame-ancestors 'none'",
      HTTPHeader("Referrer-Policy"): "no-referrer",
    ]
  }
}
