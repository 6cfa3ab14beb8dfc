internal import CSndFile
import AudiobookCore

#if canImport(Glibc)
  import Glibc
#endif

/// A libsndfile failure: libsndfile's own error number and message (`sf_error`,
/// `sf_strerror`), the `errno` behind a system error, what was being done and the file.
///
/// Every libsndfile call that can fail comes here; `audiobookError` is the one place such a
/// failure becomes an `AudiobookError`, and so an exit status.
package struct SoundFileError: Error, Equatable, Sendable {
  /// What libsndfile was asked to do.
  package enum Operation: Sendable, Equatable {
    /// `sf_open` in `SFM_WRITE`.
    case create
    /// `SFC_SET_COMPRESSION_LEVEL` and `SFC_SET_BITRATE_MODE` for LAME's constant bit rate.
    case setMP3BitRate(kilobitsPerSecond: Int, sampleRate: Int)
    /// `sf_open` in `SFM_READ`.
    case open
    /// `sf_set_string`.
    case setTag
    /// `SFC_SET_CUE`.
    case setCueMarkers
    /// `sf_set_chunk` with the marker labels.
    case setMarkerLabels
    /// `sf_write_short`, `sf_write_float`.
    case write
    /// `sf_read_short`, `sf_read_float`, `sf_seek`.
    case read
    /// `sf_close`.
    case close

    /// The lowercase fragment messages start with.
    var action: String {
      switch self {
      case .create: "cannot create the audio file"
      case .setMP3BitRate(let kbps, let sampleRate): "LAME refused \(kbps) kbps CBR at \(sampleRate) Hz"
      case .open: "cannot open the audio file"
      case .setTag: "setting a tag failed"
      case .setCueMarkers: "setting the cue markers failed"
      case .setMarkerLabels: "writing the marker labels failed"
      case .write: "writing audio failed"
      case .read: "reading audio failed"
      case .close: "closing the audio file failed"
      }
    }
  }

  /// libsndfile's error numbers that its header names (`SF_ERR_*`); `sf_error` also gives
  /// numbers of its own above these, which only `sf_error_number` explains.
  package struct Code: RawRepresentable, Equatable, Sendable, CustomStringConvertible {
    package var rawValue: Int32
    package init(rawValue: Int32) { self.rawValue = rawValue }

    package static let noError = Code(rawValue: Int32(SF_ERR_NO_ERROR))
    package static let unrecognisedFormat = Code(rawValue: Int32(SF_ERR_UNRECOGNISED_FORMAT))
    package static let system = Code(rawValue: Int32(SF_ERR_SYSTEM))
    package static let malformedFile = Code(rawValue: Int32(SF_ERR_MALFORMED_FILE))
    package static let unsupportedEncoding = Code(rawValue: Int32(SF_ERR_UNSUPPORTED_ENCODING))

    /// libsndfile's text for the number (`sf_error_number`).
    package var description: String { String(cString: sf_error_number(rawValue)) }
  }

  package var operation: Operation
  package var code: Code
  /// libsndfile's message: for a system error, the `strerror` text it kept.
  package var message: String
  /// The `errno` the failing call left; it says why only when `code` is `.system`.
  package var systemError: Int32
  /// The file, as errors name it.
  package var path: String

  package init(_ operation: Operation, code: Code, message: String, systemError: Int32 = 0, path: String) {
    self.operation = operation
    self.code = code
    self.message = message
    self.systemError = systemError
    self.path = path
  }

  /// libsndfile's last failure on `handle`, or of the last `sf_open` when `handle` is nil.
  /// Made right after the failing call: `errno` is read first.
  init(_ operation: Operation, handle: OpaquePointer?, path: String) {
    let systemError = errno
    self.init(
      operation, code: Code(rawValue: sf_error(handle)), message: String(cString: sf_strerror(handle)),
      systemError: systemError, path: path)
  }

  /// The failure libsndfile recorded on `handle` by the last call, if it recorded one: its
  /// read calls return 0, not -1, when they fail, and only this tells that from the end.
  static func recorded(_ operation: Operation, on handle: OpaquePointer, path: String) -> SoundFileError? {
    let systemError = errno
    guard sf_error(handle) != Int32(SF_ERR_NO_ERROR) else { return nil }
    var error = SoundFileError(operation, handle: handle, path: path)
    error.systemError = systemError
    return error
  }

  /// A status libsndfile returned (`sf_set_string`, `sf_set_chunk`), which it does not
  /// always record on `handle` too: its message is the handle's when it did, else the
  /// number's (`sf_error_number`).
  init(_ operation: Operation, status: Int32, handle: OpaquePointer, path: String) {
    let systemError = errno
    let message = sf_error(handle) == status ? sf_strerror(handle) : sf_error_number(status)
    self.init(
      operation, code: Code(rawValue: status), message: message.map { String(cString: $0) } ?? "",
      systemError: systemError, path: path)
  }

  /// A failed `sf_close`: libsndfile has freed the handle and its error with it, and fails
  /// only when `close(2)` does, so the failure is a system error worded as libsndfile words
  /// one (`psf_log_syserr`).
  static func closing(path: String) -> SoundFileError {
    let systemError = errno
    return SoundFileError(
      .close, code: .system, message: "System error : \(String(cString: strerror(systemError))).",
      systemError: systemError, path: path)
  }

  /// Whether libsndfile failed because the disk or the quota is full.
  package var isDiskFull: Bool { code == .system && (systemError == ENOSPC || systemError == EDQUOT) }

  /// The failure as the user is told it: a full disk says so (exit 74, as every output
  /// does); a file that cannot be created is exit 73 (an MP3 bit rate LAME refuses too), one
  /// that cannot be opened exit 66, any other failure exit 74; all but a full disk and LAME's
  /// refusal with libsndfile's message.
  package var audiobookError: AudiobookError {
    if isDiskFull { return .output(errno: systemError, operation.action, file: path) }
    switch operation {
    case .create: return AudiobookError(.cannotCreate, "\(operation.action): \(message)", file: path)
    case .setMP3BitRate: return AudiobookError(.cannotCreate, operation.action, file: path)
    case .open: return AudiobookError(.missingInput, "\(operation.action): \(message)", file: path)
    default: return AudiobookError(.io, "\(operation.action): \(message)", file: path)
    }
  }

  /// Throws the failure `status` stands for unless it is `SF_ERR_NO_ERROR`.
  static func check(_ status: Int32, _ operation: Operation, _ handle: OpaquePointer, path: String)
    throws(AudiobookError)
  {
    guard status != Int32(SF_ERR_NO_ERROR) else { return }
    throw SoundFileError(operation, status: status, handle: handle, path: path).audiobookError
  }
}
