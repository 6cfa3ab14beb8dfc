import Foundation
import AudiobookCore

#if canImport(Glibc)
  import Glibc
#endif

/// The worker process: initializes espeak-ng once, then forks a child per paragraph.
///
/// espeak-ng carries hidden state from one synthesis to the next (DESIGN.md fact 3), but a
/// fork of an initialized process starts from identical state (fact 4): so the worker itself
/// never synthesizes; each child speaks one paragraph from the same pristine state, writes
/// the clip to a pipe and exits. The same paragraph therefore always yields the same samples,
/// and a crash inside espeak-ng kills only that child.
///
/// Protocol on stdin/stdout, length-prefixed messages (`FileDescriptorIO.writeMessage`):
/// 1. parent sends `EngineSettings` as JSON; worker answers `0` + `EngineInfo` JSON, or `1` + error.
/// 2. parent sends a request (texts); worker answers `0` + `Clip.encoded`, `1` + error, or `2` + crash.
/// 3. an empty message or end of file ends the worker.
public enum SynthesisWorker {
  enum Status: UInt8 {
    case ok = 0
    case failed = 1
    case crashed = 2
  }

  /// Room in the children's `SampleArena`: 25 minutes of audio at 22,050 Hz, far more than
  /// the pieces of one request make.
  public static let defaultArenaSamples = 32 << 20

  /// Serves requests on `input`/`output` until end of file; returns the exit status.
  ///
  /// - Parameter arenaSamples: the size of the children's `SampleArena`; a synthesis that
  ///   outgrows it continues in memory of the child's own, with the same result.
  public static func run(input: Int32 = 0, output: Int32 = 1, arenaSamples: Int = defaultArenaSamples) -> Int32 {
    guard let hello = FileDescriptorIO.readMessage(input),
      let settings = try? JSONDecoder().decode(EngineSettings.self, from: Data(hello))
    else { return 64 }
    let info: EngineInfo
    do {
      info = try EspeakEngine.initialize()
      try EspeakEngine.select(voice: settings.voice, variant: settings.variant)
      try EspeakEngine.apply(settings)
    } catch {
      FileDescriptorIO.writeMessage(output, reply(.failed, message: describe(error)))
      return 1
    }
    EspeakEngine.arena = SampleArena(capacity: arenaSamples)
    let infoJSON = (try? JSONEncoder().encode(info)).map { [UInt8]($0) } ?? []
    guard FileDescriptorIO.writeMessage(output, [Status.ok.rawValue] + infoJSON) else { return 1 }
    while let request = FileDescriptorIO.readMessage(input), !request.isEmpty {
      if let failure = synthesizeInChild(request, output: output) {
        guard FileDescriptorIO.writeMessage(output, failure) else { return 1 }
      }
    }
    return 0
  }

  /// Forks and lets the child synthesize `request` and write its reply to `output` itself (one
  /// copy of the audio fewer than relaying it). Returns the reply the worker must send instead:
  /// a crash report when the child died, or a failure to fork; nil when the child replied.
  ///
  /// The child writes only once the whole clip is ready, in one message, and exits at once:
  /// a crash inside espeak-ng happens before anything reaches `output`. What the child writes
  /// on stderr (glibc's `*** buffer overflow detected ***: terminated`) goes to a pipe, and its
  /// first line into the crash report: a crash is one line of the render's, not dozens.
  static func synthesizeInChild(_ request: [UInt8], output: Int32) -> [UInt8]? {
    let errors = ChildErrors()
    let pid = fork()
    if pid == 0 {
      errors.becomeStandardError()
      // The Swift runtime's crash handlers would print a backtrace of dozens of lines; the
      // signal alone is the report.
      for signal in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP] { Glibc.signal(signal, SIG_DFL) }
      _exit(respond(to: request, output: output) ? 0 : 3)
    }
    errors.closeWriteEnd()
    guard pid > 0 else { return reply(.failed, message: "fork failed: \(String(cString: strerror(errno)))") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let signal = status & 0x7f
    if signal != 0 {
      let detail = errors.firstLine().map { "; \($0)" } ?? ""
      return reply(
        .crashed, message: "espeak-ng crashed (signal \(signal): \(String(cString: strsignal(signal)))\(detail))")
    }
    let code = (status >> 8) & 0xff
    if code == 3 { exit(1) }  // The parent is gone or the pipe broke mid-message: nothing more can be said.
    return code == 0 ? nil : reply(.crashed, message: "the synthesis process exited with status \(code)")
  }

  /// Runs in the child: synthesizes each text as its own piece and writes the reply, a clip
  /// laid out as `Clip.encoded` lays it out, straight from espeak-ng's sample buffers: the
  /// audio is not copied (nor fresh pages faulted in for a copy) on its way to the pipe.
  private static func respond(to request: [UInt8], output: Int32) -> Bool {
    var reader = ByteReader(request)
    guard let count = reader.uint32() else {
      return FileDescriptorIO.writeMessage(output, reply(.failed, message: "malformed request"))
    }
    var pieces: [(samples: EspeakEngine.SampleSpan, kept: Range<Int>, header: [UInt8])] = []
    var length = 1 + 4
    for _ in 0..<count {
      guard let text = reader.string() else {
        return FileDescriptorIO.writeMessage(output, reply(.failed, message: "malformed request"))
      }
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
        return FileDescriptorIO.writeMessage(output, reply(.failed, message: describe(error)))
      }
    }
    var start = ByteWriter()
    start.append(UInt32(length))
    var head = start.bytes + [Status.ok.rawValue]
    withUnsafeBytes(of: count.littleEndian) { head.append(contentsOf: $0) }
    guard FileDescriptorIO.writeAll(output, head) else { return false }
    for piece in pieces {
      guard FileDescriptorIO.writeAll(output, piece.header),
        piece.samples.withUnsafeBufferPointer({
          FileDescriptorIO.writeAll(output, UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: $0[piece.kept])))
        })
      else { return false }
    }
    return true
  }

  static func reply(_ status: Status, message: String) -> [UInt8] {
    [status.rawValue] + Array(message.utf8)
  }

  private static func describe(_ error: any Error) -> String {
    (error as? SpeechError)?.description ?? "\(error)"
  }

}
