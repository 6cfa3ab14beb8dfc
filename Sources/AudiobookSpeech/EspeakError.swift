/// An espeak-ng call that returned a status other than `ENS_OK`: the call, espeak-ng's code and
/// espeak-ng's own words for it.
///
/// Made only by `EspeakEngine.check`, the one place an `espeak_ng_STATUS` becomes an error.
public struct EspeakError: Error, Equatable, Sendable {
  /// The espeak-ng function that failed, e.g. `espeak_ng_Initialize`.
  public var function: String
  /// The `espeak_ng_STATUS` it returned: an `errno` value (0–255) or an `ENS_` code
  /// (`ENS_VOICE_NOT_FOUND` is `0x100006FF`).
  public var status: UInt32
  /// espeak-ng's message for `status` (`espeak_ng_GetStatusCodeMessage`), e.g. `The specified
  /// espeak-ng voice does not exist`, or the `strerror` text of an `errno` value.
  public var message: String
  /// What espeak-ng said about where it failed, when the call gives an error context
  /// (`espeak_ng_PrintStatusCodeMessage`): `Error processing file '/x/phontab': No such file or
  /// directory`.
  public var context: String?

  public init(function: String, status: UInt32, message: String, context: String? = nil) {
    self.function = function
    self.status = status
    self.message = message
    self.context = context
  }

  /// espeak-ng's errors whose code is an `errno` value (`ENS_GROUP_ERRNO`, 0–255).
  public var isErrno: Bool { status & 0x7000_0000 == 0 }
}

extension EspeakError: CustomStringConvertible {
  /// `espeak_ng_Synthesize failed: The event buffer is full (espeak-ng status 0x100009FF)`.
  public var description: String {
    let code = isErrno ? "errno \(status)" : "0x" + String(status, radix: 16, uppercase: true)
    return "\(function) failed: \(context ?? message) (espeak-ng status \(code))"
  }
}
