internal import CEspeakNG

#if canImport(Glibc)
  import Glibc
#endif

extension EspeakEngine {
  /// The one place an `espeak_ng_STATUS` becomes an error: `ENS_OK` passes; any other status
  /// throws `SpeechError.espeak` with the code, espeak-ng's message for it
  /// (`espeak_ng_GetStatusCodeMessage`) and, when the call left an error context, what
  /// espeak-ng says about it (`espeak_ng_PrintStatusCodeMessage`: the file it could not read).
  ///
  /// - Parameters:
  ///   - function: the espeak-ng function that returned `status`, for the message.
  ///   - context: the error context the call filled in, if it takes one; the caller clears it.
  static func check(
    _ status: espeak_ng_STATUS, _ function: String, context: espeak_ng_ERROR_CONTEXT? = nil
  ) throws(SpeechError) {
    guard status != ENS_OK else { return }
    throw .espeak(
      EspeakError(
        function: function, status: status.rawValue, message: message(for: status),
        context: context.flatMap { describe(status, in: $0) }))
  }

  /// espeak-ng's message for `status` (`espeak_ng_GetStatusCodeMessage`).
  static func message(for status: espeak_ng_STATUS) -> String {
    var buffer = [CChar](repeating: 0, count: 512)
    espeak_ng_GetStatusCodeMessage(status, &buffer, buffer.count)
    let message = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return message.isEmpty ? "espeak-ng status \(status.rawValue)" : message
  }

  /// What `espeak_ng_PrintStatusCodeMessage` prints for `status` with `context`, as one line
  /// without its `Error: ` and closing full stop; nil when it prints nothing.
  private static func describe(_ status: espeak_ng_STATUS, in context: espeak_ng_ERROR_CONTEXT) -> String? {
    var text: UnsafeMutablePointer<CChar>? = nil
    var size = 0
    guard let stream = open_memstream(&text, &size) else { return nil }
    espeak_ng_PrintStatusCodeMessage(status, stream, context)
    fclose(stream)
    defer { free(text) }
    guard let text else { return nil }
    var line = String(cString: text).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
    if line.hasPrefix("Error: ") { line.removeFirst("Error: ".count) }
    if line.hasSuffix(".") { line.removeLast() }
    return line.isEmpty ? nil : line
  }
}
