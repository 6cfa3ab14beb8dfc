import Foundation
import AudiobookCore
import SystemPackage

#if canImport(Glibc)
  import Glibc
#endif

/// Speaks paragraphs through a synthesis worker process (see `SynthesisWorker`).
///
/// Used by one thread at a time (the pool gives each worker its own thread).
///
/// The worker is this tool's own executable started as `audiobook synthesis-worker`, so the
/// process that renders never runs espeak-ng itself and may use threads freely.
public final class Synthesizer: @unchecked Sendable {
  /// What espeak-ng in the worker reported: version, data path, sample rate.
  public let info: EngineInfo
  /// The voice the worker was started with; another is chosen per request (`synthesize(_:as:)`).
  public let settings: EngineSettings
  private let worker: WorkerProcess
  private var closed = false

  /// Starts a worker with `settings` applied.
  ///
  /// - Parameters:
  ///   - workerExecutable: the `audiobook` executable (see `SynthesisWorker.defaultExecutable`).
  ///   - arenaSamples: the worker's `SampleArena` size, when not the default (for tests).
  ///   - environment: the worker's environment, when not this process's (for tests:
  ///     `ESPEAK_DATA_PATH`).
  /// - Throws: `SpeechError.unknownVoice` when espeak-ng lacks the voice; `.espeak` when
  ///   espeak-ng cannot start; `.workerFailed` when the worker cannot start.
  public init(
    settings: EngineSettings, workerExecutable: String, arenaSamples: Int? = nil, environment: [String: String]? = nil
  ) throws(SpeechError) {
    // A worker that dies must not take this process down with SIGPIPE on the next write.
    signal(SIGPIPE, SIG_IGN)
    self.settings = settings
    let arena = arenaSamples.map { ["--arena-samples", String($0)] } ?? []
    worker = try WorkerProcess(
      executable: workerExecutable, arguments: ["synthesis-worker"] + arena, environment: environment)
    let settingsJSON = (try? JSONEncoder().encode(settings)).map { [UInt8]($0) } ?? []
    try? worker.input.writeMessage(settingsJSON)
    guard let hello = try? worker.output.readMessage(), let status = hello.first else {
      throw .workerFailed("the synthesis worker \(workerExecutable) did not answer")
    }
    guard status == SynthesisWorker.Status.ok.rawValue else {
      switch Self.failure(hello.dropFirst()) {
      // The voice as the preset names it, variant and all.
      case .unknownVoice: throw .unknownVoice(settings.espeakVoiceName)
      case let failure: throw failure
      }
    }
    guard let info = try? JSONDecoder().decode(EngineInfo.self, from: Data(hello.dropFirst())) else {
      throw .workerFailed("the synthesis worker sent malformed engine information")
    }
    self.info = info
  }

  /// Synthesizes each text as one piece of a clip, in a fresh fork of the worker, in the
  /// worker's voice or in `voice` (a cast's character), which the fork chooses for itself.
  ///
  /// - Throws: `SpeechError.workerCrashed` when espeak-ng crashed on this text (the worker
  ///   lives on); `.unknownVoice` when espeak-ng lacks `voice`; `.espeak`, `.synthesisFailed`
  ///   or `.workerFailed` otherwise.
  public func synthesize(_ texts: [String], as voice: EngineSettings? = nil) throws(SpeechError) -> Clip {
    try synthesizeEncoded(texts, as: voice).clip
  }

  /// `synthesize`, also giving the clip's bytes as the worker sent them (`Clip.encoded`), so
  /// the cache can store them without encoding the clip again.
  package func synthesizeEncoded(_ texts: [String], as voice: EngineSettings? = nil) throws(SpeechError) -> (
    clip: Clip, encoded: ArraySlice<UInt8>
  ) {
    let body: ArraySlice<UInt8>
    if let voice, voice != settings {
      let json = (try? JSONEncoder().encode(voice)).flatMap { String(data: $0, encoding: .utf8) } ?? ""
      body = try ask(.synthesizeAs, [json] + texts)
    } else {
      body = try ask(.synthesize, texts)
    }
    guard let clip = Clip(encoded: body) else { throw .workerFailed("the synthesis worker sent a malformed clip") }
    return (clip, body)
  }

  /// The words of `words` that espeak-ng, with this worker's voice, spells out (see
  /// `SpelledWords`), found in a fresh fork of the worker.
  ///
  /// - Throws: `SpeechError.workerCrashed` when espeak-ng crashed on a word; `.workerFailed`
  ///   when the worker stopped.
  package func spelledWords(_ words: [String]) throws(SpeechError) -> Set<String> {
    var reader = ByteReader(try ask(.spelledWords, words))
    guard let count = reader.uint32() else { throw .workerFailed("the synthesis worker sent a malformed answer") }
    var spelled: Set<String> = []
    for _ in 0..<count {
      guard let word = reader.string() else { throw .workerFailed("the synthesis worker sent a malformed answer") }
      spelled.insert(word)
    }
    return spelled
  }

  /// Sends a request of `kind` with `strings` and returns the body of an `ok` reply.
  private func ask(_ kind: SynthesisWorker.Request, _ strings: [String]) throws(SpeechError) -> ArraySlice<UInt8> {
    var request = ByteWriter()
    request.append(kind.rawValue)
    request.append(UInt32(strings.count))
    for string in strings { request.append(string) }
    guard (try? worker.input.writeMessage(request.bytes)) != nil,
      let reply = try? worker.output.readMessage(), let status = reply.first
    else { throw .workerFailed("the synthesis worker stopped unexpectedly") }
    guard status == SynthesisWorker.Status.ok.rawValue else { throw Self.failure(reply.dropFirst()) }
    return reply.dropFirst()
  }

  /// The error a `failed` reply carries.
  private static func failure(_ body: ArraySlice<UInt8>) -> SpeechError {
    SpeechError(encoded: body) ?? .workerFailed("the synthesis worker sent a malformed error")
  }

  /// Ends the worker: an empty message, then wait for it to exit.
  public func close() {
    guard !closed else { return }
    closed = true
    try? worker.input.writeMessage([])
    worker.wait()
  }

  deinit { close() }
}

extension SynthesisWorker {
  /// This process's own executable (`/proc/self/exe`), which serves as the worker when it is `audiobook`.
  public static func defaultExecutable() -> String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
  }
}
