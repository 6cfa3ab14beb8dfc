import Foundation
import Testing

@testable import AudiobookCore
@testable import AudiobookAudio

/// libsndfile's real failures, each carrying libsndfile's own code and message, and the one
/// mapping from them to `AudiobookError` (and so to exit statuses).
@Suite struct SoundFileErrorTests {
  /// libsndfile's words for a failed system call (`psf_log_syserr`).
  static func systemMessage(_ code: Int32) -> String { "System error : \(String(cString: strerror(code)))." }

  @Test func aMissingFileIsLibsndfilesSystemErrorAndExit66() throws {
    try TestSupport.withScratchFolder { folder in
      let path = folder.appendingPathComponent("missing.wav").path
      let failure = #expect(throws: SoundFileError.self) { try SoundFileReader(opening: path) }
      #expect(failure?.operation == .open)
      #expect(failure?.code == .system)
      #expect(failure?.systemError == ENOENT)
      #expect(failure?.message == Self.systemMessage(ENOENT))
      #expect(failure?.path == path)
      #expect(
        throws: AudiobookError(.missingInput, "cannot open the audio file: \(Self.systemMessage(ENOENT))", file: path)
      ) { try SoundFileReader(path: path) }
    }
  }

  @Test func aFileThatIsNotAudioIsAnUnrecognisedFormat() throws {
    try TestSupport.withScratchFolder { folder in
      let path = try TestSupport.write("not audio at all, though long enough to be looked at", to: "x.wav", in: folder)
      let failure = #expect(throws: SoundFileError.self) { try SoundFileReader(opening: path) }
      #expect(failure?.code == .unrecognisedFormat)
      // libsndfile's message for the code: the one `sf_strerror` gave is `sf_error_number`'s.
      #expect(failure?.message == SoundFileError.Code.unrecognisedFormat.description)
      #expect(failure?.message.isEmpty == false)
      let error = #expect(throws: AudiobookError.self) { try SoundFileReader(path: path) }
      #expect(error?.kind == .missingInput)
      #expect(error?.message == "cannot open the audio file: \(SoundFileError.Code.unrecognisedFormat)")
    }
  }

  /// A file inside a folder that is a file: `open(2)` refuses it, so libsndfile does, and the
  /// file cannot be created (exit 73).
  @Test func aFolderThatIsAFileCannotHoldTheAudio() throws {
    try TestSupport.withScratchFolder { folder in
      let file = try TestSupport.write("", to: "plain", in: folder)
      let path = file + "/t.wav"
      #expect(
        throws: AudiobookError(
          .cannotCreate, "cannot create the audio file: \(Self.systemMessage(ENOTDIR))", file: path)
      ) { try SoundFileWriter(path: path, sampleRate: 22_050) }
    }
  }

  /// A read-only folder (root writes into any folder, so only others can see this).
  @Test(.enabled(if: geteuid() != 0)) func aReadOnlyFolderCannotHoldTheAudio() throws {
    try TestSupport.withScratchFolder { folder in
      let locked = folder.appendingPathComponent("locked")
      try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false)
      try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
      defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
      let path = locked.appendingPathComponent("t.wav").path
      #expect(
        throws: AudiobookError(.cannotCreate, "cannot create the audio file: \(Self.systemMessage(EACCES))", file: path)
      ) { try SoundFileWriter(path: path, sampleRate: 22_050, reportedPath: "book/t.wav") }
    }
  }

  /// libsndfile writes a WAV's header when it creates the file: on a full disk (`/dev/full`)
  /// that fails, and the message says the disk is full (exit 74) in the reported name.
  @Test func aFullDiskSaysSo() {
    #expect(
      throws: AudiobookError.output(errno: ENOSPC, "cannot create the audio file", file: "book/t.wav")
    ) { try SoundFileWriter(path: "/dev/full", sampleRate: 22_050, reportedPath: "book/t.wav") }
  }

  /// The mapping, for failures not easily made for real: a full disk is exit 74 whatever was
  /// being done, only when libsndfile says it was a system error.
  @Test func oneMappingToExitStatuses() {
    func error(_ operation: SoundFileError.Operation, _ code: SoundFileError.Code, errno: Int32 = 0) -> AudiobookError {
      SoundFileError(operation, code: code, message: "libsndfile says", systemError: errno, path: "t.wav")
        .audiobookError
    }
    #expect(
      error(.create, .system, errno: EACCES)
        == AudiobookError(.cannotCreate, "cannot create the audio file: libsndfile says", file: "t.wav"))
    #expect(
      error(.open, .malformedFile)
        == AudiobookError(.missingInput, "cannot open the audio file: libsndfile says", file: "t.wav"))
    #expect(
      error(.write, .system, errno: EIO) == AudiobookError(.io, "writing audio failed: libsndfile says", file: "t.wav"))
    #expect(error(.write, .system, errno: ENOSPC) == .output(errno: ENOSPC, "writing audio failed", file: "t.wav"))
    #expect(
      error(.close, .system, errno: EDQUOT) == .output(errno: EDQUOT, "closing the audio file failed", file: "t.wav"))
    #expect(
      error(.setTag, .unsupportedEncoding, errno: ENOSPC)
        == AudiobookError(.io, "setting a tag failed: libsndfile says", file: "t.wav"))
    #expect(error(.read, .malformedFile).exitStatus == 74)
    #expect(error(.setCueMarkers, .malformedFile).message == "setting the cue markers failed: libsndfile says")
    #expect(error(.setMarkerLabels, .malformedFile).message == "writing the marker labels failed: libsndfile says")
    #expect(
      error(.setMP3BitRate(kilobitsPerSecond: 320, sampleRate: 8_000), .noError)
        == AudiobookError(.cannotCreate, "LAME refused 320 kbps CBR at 8000 Hz", file: "t.wav"))
  }

  /// The codes are libsndfile's: each has its own text there (`sf_error_number`).
  @Test func theCodesAreLibsndfiles() {
    let codes: [SoundFileError.Code] = [.noError, .unrecognisedFormat, .system, .malformedFile, .unsupportedEncoding]
    #expect(codes.map(\.rawValue) == [0, 1, 2, 3, 4])
    #expect(Set(codes.map(\.description)).count == codes.count)
    #expect(!codes.map(\.description).contains { $0.isEmpty })
  }
}
