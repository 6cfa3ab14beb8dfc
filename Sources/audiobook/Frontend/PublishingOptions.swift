import ArgumentParser
import AudiobookKit
import Foundation

/// `render`'s publishing flags: `--format`, `--sample-rate`, `--loudness`, `--master`, `--layout`.
struct PublishingOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      """
      The audio format: wav, flac, ogg (Vorbis), opus, mp3 (192 kbps CBR at 44.1 kHz) or m4b (ffmpeg); \
      several, comma-separated (m4b,mp3), are each written from the same chapters, the first giving the manifest's frames; \
      epub adds a read-along EPUB 3 (Media Overlays) whose audio is the mp3 files.
      """, valueName: "format"))
  var format: FormatList?

  @Option(
    help: ArgumentHelp(
      "With --format epub: light up each sentence (default) or each word as it is read.", valueName: "unit"))
  var readAlong: ReadAlongBook.Granularity?

  @Option(
    help: ArgumentHelp(
      "The published sample rate in Hz (default: the voice's, 48000 for opus, 44100 for mp3 and m4b); resampled with libsamplerate.",
      valueName: "hz"))
  var sampleRate: Int?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Bring each chapter to this integrated loudness (LUFS, e.g. -18) with one gain, true peak at most -1 dBTP.",
      valueName: "lufs"))
  var loudness: Double?

  @Option(
    help: ArgumentHelp(
      "Master for a distributor specification: audiobook (44.1 kHz, RMS -23..-18 dBFS, peaks <= -3 dBFS, room tone).",
      valueName: "spec"))
  var master: PublishOptions.Master?

  @Option(
    help:
      "Files to write: chapters (one per chapter), book (one for the whole book), both. Default: chapters (book for m4b)."
  )
  var layout: PublishOptions.Layout?

  /// The publishing step, or nil when none of its flags is given (plain 16-bit WAVs).
  var options: PublishOptions? { all.first }

  /// The publishing step for each format, the first first; empty when none of the flags is given.
  var all: [PublishOptions] {
    Self.all(given)
  }

  private var given: Given {
    Given(
      format: format, sampleRate: sampleRate, loudness: loudness, master: master, layout: layout, readAlong: readAlong)
  }

  /// The flags' values, or the settings' in their place.
  struct Given {
    var format: FormatList?
    var sampleRate: Int?
    var loudness: Double?
    var master: PublishOptions.Master?
    var layout: PublishOptions.Layout?
    var readAlong: ReadAlongBook.Granularity?
  }

  static func all(_ given: Given) -> [PublishOptions] {
    guard
      given.format != nil || given.sampleRate != nil || given.loudness != nil || given.master != nil
        || given.layout != nil
    else { return [] }
    let list = given.format ?? FormatList(formats: [.wav])
    return list.formats.map { format in
      var options = PublishOptions(
        format: format, sampleRate: given.sampleRate, loudness: given.loudness, master: given.master,
        layout: given.layout ?? (format == .m4b ? .book : .chapters))
      if list.readAlong && format == .mp3 { options.readAlong = given.readAlong ?? .sentences }
      return options
    }
  }

  func validate() throws {
    for options in all { if let problem = options.problem { throw ValidationError(problem) } }
  }

  /// The publishing step for each format, with the settings the book keeps where no flag is
  /// given; empty when neither gives any.
  ///
  /// - Throws: `.badInput` naming the setting's file and line when its value is not one the
  ///   flag takes, or the combination is not one a render can make.
  func options(with settings: BookSettings) throws(AudiobookError) -> [PublishOptions] {
    try Self.options(given, with: settings)
  }

  /// `options(with:)` for flags `given` (`plan`, which takes none, checks the book's settings
  /// with all of them nil).
  static func options(_ given: Given, with settings: BookSettings) throws(AudiobookError) -> [PublishOptions] {
    var merged = given
    if merged.format == nil { merged.format = try setting("format", settings) }
    if merged.sampleRate == nil { merged.sampleRate = try setting("sample-rate", settings) }
    if merged.loudness == nil { merged.loudness = try setting("loudness", settings) }
    if merged.master == nil { merged.master = try setting("master", settings) }
    if merged.layout == nil { merged.layout = try setting("layout", settings) }
    if merged.readAlong == nil { merged.readAlong = try setting("read-along", settings) }
    if merged.readAlong != nil && merged.format?.readAlong != true {
      let setting = given.readAlong == nil ? settings["read-along"] : nil
      guard let setting else {
        throw AudiobookError(.usage, "--read-along is for the read-along book: add epub to --format")
      }
      throw AudiobookError(
        .badInput, "read-along is for the read-along book: add epub to the formats", file: setting.file,
        line: setting.line)
    }
    for options in all(merged) {
      guard let problem = options.problem else { continue }
      // The setting the problem names (`--loudness ...`), else the first one given.
      let keys = ["format", "sample-rate", "loudness", "master", "layout"]
      let named = keys.filter { problem.contains("--\($0)") }.compactMap { settings[$0] }
      let setting = named.first ?? keys.compactMap { settings[$0] }.first
      throw AudiobookError(.badInput, problem, file: setting?.file ?? "", line: setting?.line)
    }
    return all(merged)
  }

  /// The book's `key` setting read as its flag reads it.
  static func setting<Value: ExpressibleByArgument>(_ key: String, _ settings: BookSettings) throws(AudiobookError)
    -> Value?
  {
    guard let setting = settings[key] else { return nil }
    guard let value = Value(argument: setting.value) else {
      let choices = Value.allValueStrings.isEmpty ? "" : " (one of \(Value.allValueStrings.joined(separator: ", ")))"
      throw AudiobookError(
        .badInput, "\(key) '\(setting.value.quotedForMessage)' is not a value --\(key) takes\(choices)",
        file: setting.file, line: setting.line)
    }
    return value
  }
}

extension AudioFormat: ExpressibleByArgument {}

/// `--format m4b,mp3`: one format or several, each once, in the order given. `epub` is the
/// read-along book, whose audio is the MP3 files: it stands for `mp3` in the list when the
/// list has no `mp3` of its own.
struct FormatList: ExpressibleByArgument {
  var formats: [AudioFormat]
  /// Whether the list names `epub`.
  var readAlong = false

  init(formats: [AudioFormat]) { self.formats = formats }

  init?(argument: String) {
    var formats: [AudioFormat] = []
    for name in argument.split(separator: ",", omittingEmptySubsequences: false) {
      let name = name.trimmingCharacters(in: .whitespaces)
      if name == "epub" {
        guard !readAlong else { return nil }
        readAlong = true
        if !formats.contains(.mp3) { formats.append(.mp3) }
        continue
      }
      guard let format = AudioFormat(rawValue: name) else { return nil }
      // `epub,mp3`: the MP3 files epub stood for are these.
      if format == .mp3 && readAlong && formats.contains(.mp3) { continue }
      guard !formats.contains(format) else { return nil }
      formats.append(format)
    }
    guard !formats.isEmpty else { return nil }
    self.formats = formats
  }

  static var allValueStrings: [String] { AudioFormat.allCases.map(\.rawValue) + ["epub"] }
  static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}
extension PublishOptions.Master: ExpressibleByArgument {}
extension ReadAlongBook.Granularity: ExpressibleByArgument {}
extension PublishOptions.Layout: ExpressibleByArgument {}
