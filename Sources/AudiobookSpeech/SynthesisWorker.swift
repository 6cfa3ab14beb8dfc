import Foundation
import AudiobookCore
import SystemPackage

#if canImport(Glibc)
  import Glibc
#endif

/// The worker process: initializes espeak-ng once, then forks a child per request.
///
/// espeak-ng carries hidden state from one synthesis to the next (DESIGN.md fact 3), but a
/// fork of an initialized process starts from identical state (fact 4): so the worker itself
/// never synthesizes; each child serves one request from the same pristine state, writes its
/// reply to a pipe and exits. The same paragraph therefore always yields the same samples,
/// and a crash inside espeak-ng kills only that child. This is the only process of the tool's
/// that initializes espeak-ng.
///
/// Protocol on stdin/stdout, length-prefixed messages (`FileDescriptor.writeMessage`); every
/// reply starts with a `Status` byte, and a failure's body is a `SpeechError` as
/// `SpeechError.encoded` lays it out:
/// 1. parent sends `EngineSettings` as JSON; worker answers `ok` + `EngineInfo` JSON, or `failed`.
/// 2. parent sends a `Request` byte, a count and that many strings; worker answers `ok` +
///    `Clip.encoded` for `synthesize` and `synthesizeAs`, `ok` + a count and the words for
///    `spelledWords`, or `failed`.
/// 3. an empty message or end of file ends the worker.
public enum SynthesisWorker {
  enum Status: UInt8 {
    case ok = 0
    case failed = 1
  }

  /// What a request asks of the worker.
  enum Request: UInt8 {
    /// Synthesize each text as a piece of one clip.
    case synthesize = 0
    /// Which of the words espeak-ng spells out (`SpelledWords`).
    case spelledWords = 1
    /// Synthesize in another voice: the first string is that voice's `EngineSettings` as
    /// JSON, chosen in the child (a cast's character), the rest are the pieces.
    case synthesizeAs = 2
  }

  /// Room in the children's `SampleArena`: 25 minutes of audio at 22,050 Hz, far more than
  /// the pieces of one request make.
  public static let defaultArenaSamples = 32 << 20

  /// Serves requests on `input`/`output` until end of file; returns the exit status.
  ///
  /// - Parameter arenaSamples: the size of the children's `SampleArena`; a synthesis that
  ///   outgrows it continues in memory of the child's own, with the same result.
  public static func run(input: Int32 = 0, output: Int32 = 1, arenaSamples: Int = defaultArenaSamples) -> Int32 {
    let (input, output) = (FileDescriptor(rawValue: input), FileDescriptor(rawValue: output))
    guard let hello = try? input.readMessage(),
      let settings = try? JSONDecoder().decode(EngineSettings.self, from: Data(hello))
    else { return 64 }
    let info: EngineInfo
    do {
      info = try EspeakEngine.initialize()
      try EspeakEngine.select(voice: settings.voice, variant: settings.variant)
      try EspeakEngine.apply(settings)
    } catch {
      try? output.writeMessage(reply(error))
      return 1
    }
    EspeakEngine.arena = SampleArena(capacity: arenaSamples)
    let infoJSON = (try? JSONEncoder().encode(info)).map { [UInt8]($0) } ?? []
    guard (try? output.writeMessage([Status.ok.rawValue] + infoJSON)) != nil else { return 1 }
    while let request = try? input.readMessage(), !request.isEmpty {
      if let failure = serveInChild(request, output: output) {
        guard (try? output.writeMessage(failure)) != nil else { return 1 }
      }
    }
    return 0
  }

  /// Forks and lets the child serve `request` and write its reply to `output` itself (one
  /// copy of the audio fewer than relaying it). Returns the reply the worker must send instead:
  /// a crash report when the child died, or a failure to fork; nil when the child replied.
  ///
  /// The child writes only once the whole reply is ready, in one message, and exits at once:
  /// a crash inside espeak-ng happens before anything reaches `output`. What the child writes
  /// on stderr (glibc's `*** buffer overflow detected ***: terminated`) goes to a pipe, and its
  /// first line into the crash report: a crash is one line of the render's, not dozens.
  static func serveInChild(_ request: [UInt8], output: FileDescriptor) -> [UInt8]? {
    let errors = ChildErrors()
    let pid = fork()
    if pid == 0 {
      errors.becomeStandardError()
      // espeak-ng's voice variants with breath (f1…f5, …) and its Klatt voices draw noise from
      // rand(); libpulse, loaded with libespeak-ng, seeds rand() afresh when it sets up a new
      // config folder. Every child starts from glibc's own first seed, as an unseeded process does.
      srand(1)
      // The Swift runtime's crash handlers would print a backtrace of dozens of lines; the
      // signal alone is the report.
      for signal in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP] { Glibc.signal(signal, SIG_DFL) }
      _exit(respond(to: request, output: output) ? 0 : 3)
    }
    errors.closeWriteEnd()
    guard pid > 0 else { return reply(.synthesisFailed("fork failed: \(Errno(rawValue: errno))")) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let signal = status & 0x7f
    if signal != 0 {
      let detail = errors.firstLine().map { "; \($0)" } ?? ""
      return reply(
        .workerCrashed("espeak-ng crashed (signal \(signal): \(String(cString: strsignal(signal)))\(detail))"))
    }
    let code = (status >> 8) & 0xff
    if code == 3 { exit(1) }  // The parent is gone or the pipe broke mid-message: nothing more can be said.
    return code == 0 ? nil : reply(.workerCrashed("the synthesis process exited with status \(code)"))
  }

  /// Runs in the child: reads the request's kind and strings, and writes the reply.
  private static func respond(to message: [UInt8], output: FileDescriptor) -> Bool {
    var reader = ByteReader(message)
    guard let kind = reader.uint8().flatMap(Request.init(rawValue:)), let count = reader.uint32() else {
      return send(reply(.synthesisFailed("malformed request")), to: output)
    }
    var strings: [String] = []
    for _ in 0..<count {
      guard let string = reader.string() else {
        return send(reply(.synthesisFailed("malformed request")), to: output)
      }
      strings.append(string)
    }
    switch kind {
    case .synthesize: return synthesize(strings, output: output)
    case .synthesizeAs:
      guard let first = strings.first,
        let settings = try? JSONDecoder().decode(EngineSettings.self, from: Data(first.utf8))
      else { return send(reply(.synthesisFailed("malformed request")), to: output) }
      do {
        try EspeakEngine.select(voice: settings.voice, variant: settings.variant)
        try EspeakEngine.apply(settings)
      } catch {
        return send(reply(error), to: output)
      }
      return synthesize(Array(strings.dropFirst()), output: output)
    case .spelledWords:
      var writer = ByteWriter()
      writer.append(Status.ok.rawValue)
      let spelled = SpelledWords.findWithEngine(in: strings)
      writer.append(UInt32(spelled.count))
      for word in spelled { writer.append(word) }
      return send(writer.bytes, to: output)
    }
  }

  /// Runs in the child: synthesizes each text as its own piece and writes the reply, a clip
  /// laid out as `Clip.encoded` lays it out, straight from espeak-ng's sample buffers: the
  /// audio is not copied (nor fresh pages faulted in for a copy) on its way to the pipe.
  private static func synthesize(_ texts: [String], output: FileDescriptor) -> Bool {
    var pieces: [(samples: EspeakEngine.SampleSpan, kept: Range<Int>, header: [UInt8])] = []
    var length = 1 + 4
    for text in texts {
      do {
        let (samples, words) = try EspeakEngine.synthesize(text)
        let kept = samples.withUnsafeBufferPointer { SilenceTrimmer.kept($0) }
        let timings = SilenceTrimmer.timings(words, kept: kept)
        var header = ByteWriter()
        header.append(UInt32(timings.count))
        for word in timings {
          header.append(UInt32(word.textOffset))
          header.append(UInt32(word.length))
          header.append(UInt32(word.startFrame))
        }
        header.append(UInt32(kept.count))
        length += header.bytes.count + kept.count * 2
        pieces.append((samples, kept, header.bytes))
      } catch {
        return send(reply(error), to: output)
      }
    }
    var start = ByteWriter()
    start.append(UInt32(length))
    var head = start.bytes + [Status.ok.rawValue]
    withUnsafeBytes(of: UInt32(texts.count).littleEndian) { head.append(contentsOf: $0) }
    do throws(Errno) {
      try output.writeWhole(head)
      for piece in pieces {
        try output.writeWhole(piece.header)
        try Errno.typed {
          try piece.samples.withUnsafeBufferPointer {
            try output.writeWhole(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: $0[piece.kept])))
          }
        }
      }
      return true
    } catch {
      return false
    }
  }

  /// Writes `message` whole; false when the parent is gone or the pipe broke.
  private static func send(_ message: [UInt8], to output: FileDescriptor) -> Bool {
    (try? output.writeMessage(message)) != nil
  }

  /// A failure's reply: `failed`, then the error.
  static func reply(_ error: SpeechError) -> [UInt8] {
    [Status.failed.rawValue] + error.encoded
  }
}
