internal import CEspeakNG
import AudiobookCore
import SystemPackage

/// espeak-ng as this process knows it without initializing it: its identity and its voices.
///
/// Only the synthesis worker initializes espeak-ng (`EspeakEngine.initialize`). This process
/// reads what it needs from espeak-ng's data folder, as espeak-ng would: the folder from
/// `espeak_ng_InitializePath` (which only looks for it), the sample rate from the header of
/// its `phondata` (bytes 4–7, as `espeak_ng_Initialize` reads it), the voices from its voice
/// files (`espeak_ListVoices`, which needs only the folder). Nothing is loaded and no text of
/// a book reaches espeak-ng here.
public enum EspeakVoices {
  /// Version, data path and sample rate of the installed espeak-ng, as a worker reports them.
  public static func info() throws(SpeechError) -> EngineInfo { try engine.get() }

  public static func installed() -> [InstalledVoice] { voices }

  /// `info()` for a render: a failure becomes an `AudiobookError` the CLI can print.
  package static func usableEngine() throws(AudiobookError) -> EngineInfo {
    do {
      return try info()
    } catch {
      throw AudiobookError(.failure, "espeak-ng is not usable: \(error)")
    }
  }

  /// The files `espeak_ng_Initialize` loads first, in its order (`LoadPhData`): a folder
  /// without one of them is no espeak-ng data.
  static let phonemeFiles = ["phontab", "phonindex", "phondata", "intonations"]

  private static let engine: Result<EngineInfo, SpeechError> = Result { () throws(SpeechError) in
    espeak_ng_InitializePath(nil)
    var path: UnsafePointer<CChar>? = nil
    let version = espeak_Info(&path).map { String(cString: $0) } ?? "unknown"
    let dataPath = path.map { String(cString: $0) } ?? ""
    return EngineInfo(version: version, dataPath: dataPath, sampleRate: try sampleRate(dataPath: dataPath))
  }

  /// The sample rate recorded in the header of `phondata` (a little-endian 32-bit number at
  /// byte 4), once every file `phonemeFiles` names has been found readable.
  ///
  /// - Throws: `SpeechError.engineUnavailable` naming the first file that cannot be read.
  static func sampleRate(dataPath: String) throws(SpeechError) -> Int {
    var header: [UInt8]?
    for name in phonemeFiles {
      let path = "\(dataPath)/\(name)"
      do throws(Errno) {
        let file = try FileDescriptor.opening(path, .readOnly, options: .closeOnExec)
        defer { try? file.close() }
        // espeak-ng refuses a folder in a file's place (`GetFileLength`), and so does this.
        guard FileKind(descriptor: file.rawValue) == .regular else { throw .isDirectory }
        if name == "phondata" { header = try file.read(exactly: 8) }
      } catch {
        throw .engineUnavailable(
          "cannot read espeak-ng's data '\(path)' (\(error)); is espeak-ng-data installed?")
      }
    }
    guard let header, header.count == 8 else {
      throw .engineUnavailable("espeak-ng's data '\(dataPath)/phondata' is too short; is espeak-ng-data installed?")
    }
    return header[4..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
  }

  private static let voices: [InstalledVoice] = {
    guard (try? engine.get()) != nil else { return [] }
    return EspeakEngine.installedVoices()
  }()
}
