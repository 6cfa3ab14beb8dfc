internal import CEspeakNG
import AudiobookCore
import AudiobookBook

/// The one espeak-ng engine of this process, in synchronous retrieval mode.
///
/// espeak-ng keeps global state (DESIGN.md facts 2 and 3): initialize it once,
/// configure it, and synthesize only in processes forked from the configured
/// one, so every paragraph starts from the same state.
enum EspeakEngine {
  /// A word as espeak-ng reported it: where it starts in the text and in the audio.
  struct WordEvent: Sendable, Equatable {
    /// 1-based code-point index into the synthesized text.
    var textPosition: Int
    /// Length of the word in code points.
    package var length: Int
    /// Sample offset from the start of this synthesis call.
    package var sample: Int
  }

  /// Initializes espeak-ng for synchronous synthesis: finds its data folder
  /// (`espeak_ng_InitializePath`), loads it (`espeak_ng_Initialize`, which never calls `exit`)
  /// and sets up the output (`espeak_ng_InitializeOutput`), as `espeak_Initialize` does.
  ///
  /// The only initializer of this tool's: only the synthesis worker calls it, once; the process
  /// that renders reads what it needs from the data folder instead (`EspeakVoices`).
  ///
  /// - Throws: `SpeechError.espeak` with espeak-ng's status, message and the file it could not
  ///   read, when the data folder is missing or damaged.
  static func initialize() throws(SpeechError) -> EngineInfo {
    espeak_ng_InitializePath(nil)
    var context: espeak_ng_ERROR_CONTEXT? = nil
    defer { espeak_ng_ClearErrorContext(&context) }
    try check(espeak_ng_Initialize(&context), "espeak_ng_Initialize", context: context)
    try check(espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nil), "espeak_ng_InitializeOutput")
    var path: UnsafePointer<CChar>? = nil
    let version = espeak_Info(&path).map { String(cString: $0) } ?? "unknown"
    espeak_SetSynthCallback(collectSamples)
    return EngineInfo(
      version: version, dataPath: path.map { String(cString: $0) } ?? "", sampleRate: Int(espeak_ng_GetSampleRate()))
  }

  /// Whether espeak-ng was initialized in this process (`espeak_ng_GetSampleRate` is 0 until
  /// it is): only in a synthesis worker.
  package static var isInitialized: Bool { espeak_ng_GetSampleRate() != 0 }

  /// Selects a voice (`espeak_ng_SetVoiceByName`) by language (`en-gb`), identifier (`gmw/en`)
  /// or name (`English_(Great_Britain)`), with an optional variant (`m3`).
  ///
  /// - Throws: `SpeechError.unknownVoice` when espeak-ng has no such voice (or its mbrola
  ///   voice is missing); `.espeak` for any other failure.
  static func select(voice: String, variant: String) throws(SpeechError) {
    guard let voice = installedVoices().first(matching: voice) else { throw .unknownVoice(voice) }
    let name = variant.isEmpty ? voice.identifier : "\(voice.identifier)+\(variant)"
    do {
      try check(espeak_ng_SetVoiceByName(name), "espeak_ng_SetVoiceByName")
    } catch {
      let missing = [ENS_VOICE_NOT_FOUND, ENS_MBROLA_NOT_FOUND, ENS_MBROLA_VOICE_NOT_FOUND].map(\.rawValue)
      if case .espeak(let failure) = error, missing.contains(failure.status) { throw .unknownVoice(name) }
      throw error
    }
  }

  /// Sets rate, pitch, range, volume and word gap (`espeak_ng_SetParameter`).
  static func apply(_ settings: EngineSettings) throws(SpeechError) {
    let parameters: [(espeak_PARAMETER, Int)] = [
      (espeakRATE, settings.rate), (espeakPITCH, settings.pitch), (espeakRANGE, settings.range),
      (espeakVOLUME, settings.volume), (espeakWORDGAP, settings.wordGap),
    ]
    for (parameter, value) in parameters {
      try check(espeak_ng_SetParameter(parameter, Int32(value), 0), "espeak_ng_SetParameter")
    }
  }

  /// The installed espeak-ng voices (`espeak_ListVoices`), in espeak-ng's order.
  static func installedVoices() -> [InstalledVoice] {
    guard let list = espeak_ListVoices(nil) else { return [] }
    var voices: [InstalledVoice] = []
    var index = 0
    while let voice = list[index] {
      let name = voice.pointee.name.map { String(cString: $0) } ?? ""
      let identifier = voice.pointee.identifier.map { String(cString: $0) } ?? ""
      // `languages` is a run of (priority byte, zero-terminated name), ending with a zero byte.
      var languages: [InstalledVoice.Language] = []
      if var cursor = voice.pointee.languages {
        while cursor.pointee != 0 {
          let language = String(cString: cursor + 1)
          languages.append(.init(code: language, priority: Int(cursor.pointee)))
          cursor = cursor + 1 + language.utf8.count + 1
        }
      }
      voices.append(InstalledVoice(name: name, identifier: identifier, languages: languages))
      index += 1
    }
    return voices
  }

  /// Synthesizes one piece of text (`espeak_ng_Synthesize`, UTF-8, never SSML).
  ///
  /// Text from a book must not be able to switch on `espeakSSML` or `espeakPHONEMES` (DESIGN.md
  /// fact 9). Phonemes come only from a lexicon entry, between `Lexicon.phonemeStart` and
  /// `phonemeEnd`: for such a piece alone the phoneme flag is on, the marks become `[[` and
  /// `]]`, and any `[[` or `]]` of the book's own is broken up so that it stays text.
  ///
  /// The samples stay where they were collected: in `arena` when the process has one and they
  /// fit (the synthesis child's case), in an array otherwise.
  package static func synthesize(_ text: String) throws(SpeechError) -> (samples: SampleSpan, words: [WordEvent]) {
    collected = Collected()
    collected.arenaStart = arena?.count ?? 0
    if arena == nil {
      // About 1,600 samples per character at 165 words per minute; reserving room up front
      // spares the copies (and the page faults of each bigger buffer) that growing step by
      // step costs.
      collected.samples.reserveCapacity(text.utf8.count * 2_400 + 8_192)
    }
    let input = PhonemeInput(text)
    var flags = UInt32(espeakCHARS_UTF8)
    if input.hasPhonemes { flags |= UInt32(espeakPHONEMES) }
    let bytes = Array(input.text.utf8) + [0]
    let status = bytes.withUnsafeBufferPointer {
      espeak_ng_Synthesize($0.baseAddress, $0.count, 0, POS_CHARACTER, 0, flags, nil, nil)
    }
    do {
      // A synthesis the callback stopped is a finished one, as `espeak_Synth` counts it.
      try check(status == ENS_SPEECH_STOPPED ? ENS_OK : status, "espeak_ng_Synthesize")
    } catch {
      arena?.truncate(to: collected.arenaStart)
      throw error
    }
    var result = collected
    collected = Collected()
    if input.hasPhonemes {
      for index in result.words.indices {
        result.words[index].textPosition = input.originalPosition(result.words[index].textPosition)
      }
    }
    if let arena, !result.spilled {
      return (.arena(arena.samples(result.arenaStart..<arena.count)), result.words)
    }
    return (.array(result.samples), result.words)
  }

  /// The phonemes espeak-ng would speak for `text`, as `espeak-ng -x` prints them
  /// (`espeak_TextToPhonemes`, one clause per call), clauses joined by spaces.
  package static func phonemes(of text: String) -> String {
    let bytes = Array(text.utf8) + [0]
    var clauses: [String] = []
    bytes.withUnsafeBufferPointer { buffer in
      var cursor: UnsafeRawPointer? = UnsafeRawPointer(buffer.baseAddress)
      while let current = cursor, clauses.count < 1_000 {
        var pointer: UnsafeRawPointer? = current
        guard let result = espeak_TextToPhonemes(&pointer, espeakCHARS_UTF8, 0) else { break }
        clauses.append(String(cString: result))
        cursor = pointer
      }
    }
    return clauses.joined(separator: " ")
  }

  /// A piece as espeak-ng is given it, with a map from its code points back to the piece's.
  struct PhonemeInput {
    // The lexicon's marks are one scalar each (`Lexicon.phonemeStart`, `phonemeEnd`).
    package static let phonemeStart = Lexicon.phonemeStart.unicodeScalars.first ?? "\u{E000}"
    package static let phonemeEnd = Lexicon.phonemeEnd.unicodeScalars.first ?? "\u{E001}"

    package var text: String
    var hasPhonemes: Bool
    /// For each code point of `text` (0-based), the 0-based code point of the piece it came from.
    private var origin: [Int] = []

    init(_ piece: String) {
      hasPhonemes = piece.unicodeScalars.contains(Self.phonemeStart)
      guard hasPhonemes else {
        text = piece
        return
      }
      var scalars = String.UnicodeScalarView()
      var origin: [Int] = []
      var previous: Unicode.Scalar?
      for (index, scalar) in piece.unicodeScalars.enumerated() {
        func emit(_ output: String) {
          for out in output.unicodeScalars {
            scalars.append(out)
            origin.append(index)
          }
        }
        switch scalar {
        // A bracket of the book's own beside the entry ("[Darcy]") would make `[[[` or `]]]`,
        // which espeak-ng reads as no word at all: a space keeps them apart.
        case Self.phonemeStart: emit(previous == "[" ? " [[" : "[[")
        case Self.phonemeEnd: emit("]]")
        case "]" where previous == Self.phonemeEnd: emit(" ]")
        case "[" where previous == "[", "]" where previous == "]": emit(" \(scalar)")
        default: emit(String(scalar))
        }
        previous = scalar
      }
      text = String(scalars)
      self.origin = origin
    }

    /// The 1-based position in the piece of espeak-ng's 1-based `position` in `text`.
    func originalPosition(_ position: Int) -> Int {
      guard position >= 1, position <= origin.count else { return position }
      return origin[position - 1] + 1
    }
  }

  struct Collected {
    package var samples: [Int16] = []
    package var words: [WordEvent] = []
    /// Where this synthesis's samples start in `arena`.
    var arenaStart = 0
    /// The samples outgrew `arena` and moved to `samples`.
    var spilled = false
  }

  /// Samples of one synthesis, in `arena` or in an array of their own.
  enum SampleSpan {
    case arena(UnsafeBufferPointer<Int16>)
    case array([Int16])

    package func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Int16>) throws -> R) rethrows -> R {
      switch self {
      case .arena(let buffer): try body(buffer)
      case .array(let samples): try samples.withUnsafeBufferPointer(body)
      }
    }
  }

  /// Filled by the synthesis callback, which runs on the caller's thread in synchronous mode.
  nonisolated(unsafe) static var collected = Collected()
  /// Where the callback puts samples while they fit; set by the synthesis worker before it forks.
  nonisolated(unsafe) static var arena: SampleArena?
}

/// The `t_espeak_callback` that appends audio and word events to `EspeakEngine.collected`.
private func collectSamples(
  _ wave: UnsafeMutablePointer<Int16>?, _ count: Int32, _ events: UnsafeMutablePointer<espeak_EVENT>?
) -> Int32 {
  if let wave, count > 0 {
    let samples = UnsafeBufferPointer(start: wave, count: Int(count))
    if let arena = EspeakEngine.arena, !EspeakEngine.collected.spilled, !arena.append(samples) {
      // Too long for the arena: this synthesis continues in an array, and gives the room back.
      let start = EspeakEngine.collected.arenaStart
      EspeakEngine.collected.samples = Array(arena.samples(start..<arena.count))
      EspeakEngine.collected.spilled = true
      arena.truncate(to: start)
    }
    if EspeakEngine.arena == nil || EspeakEngine.collected.spilled {
      EspeakEngine.collected.samples.append(contentsOf: samples)
    }
  }
  var event = events
  while let current = event, current.pointee.type != espeakEVENT_LIST_TERMINATED {
    if current.pointee.type == espeakEVENT_WORD {
      EspeakEngine.collected.words.append(
        .init(
          textPosition: Int(current.pointee.text_position), length: Int(current.pointee.length),
          sample: Int(current.pointee.sample)))
    }
    event = current + 1
  }
  return 0
}
