import ArgumentParser
import AudiobookKit
import Foundation

/// `render`'s publishing flags: `--format`, `--sample-rate`, `--loudness`, `--master`, `--layout`.
struct PublishingOptions: ParsableArguments {
  @Option(help: "The audio format: wav, flac, ogg (Vorbis), opus, mp3 (192 kbps CBR at 44.1 kHz) or m4b (ffmpeg).")
  var format: AudioFormat?

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
  var options: PublishOptions? {
    guard format != nil || sampleRate != nil || loudness != nil || master != nil || layout != nil else { return nil }
    let format = format ?? .wav
    return PublishOptions(
      format: format, sampleRate: sampleRate, loudness: loudness, master: master,
      layout: layout ?? (format == .m4b ? .book : .chapters))
  }

  func validate() throws {
    if let problem = options?.problem { throw ValidationError(problem) }
  }
}

extension AudioFormat: ExpressibleByArgument {}
extension PublishOptions.Master: ExpressibleByArgument {}
extension PublishOptions.Layout: ExpressibleByArgument {}
