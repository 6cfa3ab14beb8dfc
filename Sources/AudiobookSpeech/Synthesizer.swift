import Foundation
import AudiobookCore

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
  private let worker: WorkerProcess
  private var closed = false

  /// Starts a worker with `settings` applied.
  ///
  /// - Parameters:
  ///   - workerExecutable: the `audiobook` executable (see `SynthesisWorker.defaultExecutable`).
  ///   - arenaSamples: the worker's `SampleArena` size, when not the default (for tests).
  /// - Throws: `SpeechError.unknownVoice` when espeak-ng lacks the voice; `.workerFailed` when the
  ///   worker cannot start.
  public init(settings: EngineSettings, workerExecutable: String, arenaSamples: Int? = nil) throws(SpeechError) {
    // A worker that dies must not take this process down with SIGPIPE on the next write.
    signal(SIGPIPE, SIG_IGN)
    let arena = arenaSamples.map { ["--arena-samples", String($0)] } ?? []
    worker = try WorkerProcess(executable: workerExecutable, arguments: ["synthesis-worker"] + arena)
    let settingsJSON = (try? JSONEncoder().encode(settings)).map { [UInt8]($0) } ?? []
    FileDescriptorIO.writeMessage(worker.input, settingsJSON)
    guard let hello = FileDescriptorIO.readMessage(worker.output), let status = hello.first else {
      throw .workerFailed("the synthesis worker \(workerExecutable) did not answer")
    }
    guard status == SynthesisWorker.Status.ok.rawValue,
      let info = try? JSONDecoder().decode(EngineInfo.self, from: Data(hello.dropFirst()))
    else {
      let message = String(decoding: hello.dropFirst(), as: UTF8.self)
      if message.hasPrefix("espeak-ng has no voice") { throw .unknownVoice(settings.espeakVoiceName) }
      throw .workerFailed(message)
    }
    self.info = info
  }

  /// Synthesizes each text as one piece of a clip, in a fresh fork of the worker.
  ///
  /// - Throws: `SpeechError.workerCrashed` when espeak-ng crashed on this text (the worker
  ///   lives on); `.synthesisFailed` or `.workerFailed` otherwise.
  public func synthesize(_ texts: [String]) throws(SpeechError) -> Clip {
    try synthesizeEncoded(texts).clip
  }

  /// `synthesize`, also giving the clip's bytes as the worker sent them (`Clip.encoded`), so
  /// the cache can store them without encoding the clip again.
  package func synthesizeEncoded(_ texts: [String]) throws(SpeechError) -> (clip: Clip, encoded: ArraySlice<UInt8>) {
    var request = ByteWriter()
    request.append(UInt32(texts.count))
    for text in texts { request.append(text) }
    guard FileDescriptorIO.writeMessage(worker.input, request.bytes),
      let reply = FileDescriptorIO.readMessage(worker.output), let status = reply.first
    else { throw .workerFailed("the synthesis worker stopped unexpectedly") }
    let body = reply.dropFirst()
    switch SynthesisWorker.Status(rawValue: status) {
    case .ok:
      guard let clip = Clip(encoded: body) else { throw .workerFailed("the synthesis worker sent a malformed clip") }
      return (clip, body)
    case .crashed: throw .workerCrashed(String(decoding: body, as: UTF8.self))
    case .failed, nil: throw .synthesisFailed(String(decoding: body, as: UTF8.self))
    }
  }

  /// Ends the worker: an empty message, then wait for it to exit.
  public func close() {
    guard !closed else { return }
    closed = true
    FileDescriptorIO.writeMessage(worker.input, [])
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
